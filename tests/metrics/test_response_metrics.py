"""Response and alert metrics: quantiles, SLA share, ageing, breaches, the gate, the funnel."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import polars as pl

from sampark.metrics.response.alerts import (
    alert_failures,
    alert_funnel,
    alert_outcomes,
    alerts_by_level,
)
from sampark.metrics.response.snapshot import response_summary
from sampark.metrics.response.summary import (
    ageing_of,
    child_rows,
    in_units,
    scope_key,
    scope_rows,
)
from sampark.metrics.response.times import (
    MIN_CASES,
    ageing,
    oldest_open,
    register_reference,
    response_by_level,
    response_quantiles,
    sla_breaches,
    stage_spread,
)
from sampark.targets import Profile

T0 = datetime(2026, 10, 1, 10, 0)
PROFILE = Profile(
    state="test",
    name="Test",
    name_hi="",
    member_target=1,
    member_target_date=date(2027, 3, 31),
    min_members={},
    required_groups={},
    public_group_kinds=(),
    response_sla_hours={"cognizance": 2, "fir": 24, "action": 72, "closed": 504},
    alert_sla_minutes={"traced": 90, "forwarded": 100, "contacted": 120},
)
UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "D1", "D2", "T1", "T2"],
        "kind": ["state", "district", "district", "thana", "thana"],
        "name": ["State", "One", "Two", "T one", "T two"],
        "name_hi": ["राज्य", "एक", "दो", "टी एक", "टी दो"],
        "parent_id": [None, "S", "S", "D1", "D2"],
    }
)
_STAMP = pl.Datetime("us")


def _entries(rows: list[dict[str, object]]) -> pl.DataFrame:
    """Entries as `sampark.queries.registers.register_entries_frame` gives them; stage times
    as hours after T0."""

    def at(hours: object) -> datetime | None:
        return None if hours is None else T0 + timedelta(hours=float(hours))  # type: ignore[arg-type]

    return pl.DataFrame(
        [
            {
                "entry_id": i + 1,
                "unit_id": r.get("unit", "T1"),
                "category": r.get("category", "theft"),
                "received_at": at(r.get("received", 0)),
                **{f"{s}_at": at(r.get(s)) for s in ("cognizance", "fir", "action", "closed")},
            }
            for i, r in enumerate(rows)
        ],
        schema={
            "entry_id": pl.Int64,
            "unit_id": pl.String,
            "category": pl.String,
            "received_at": _STAMP,
            "cognizance_at": _STAMP,
            "fir_at": _STAMP,
            "action_at": _STAMP,
            "closed_at": _STAMP,
        },
    )


def test_spread_gives_p10_quartiles_and_p90_per_group_and_stage():
    frame = _entries(
        [{"unit": "T1", "cognizance": h, "fir": 30} for h in (5, 1, 4, 2, 3)]
        + [{"unit": "T2", "cognizance": 7}, {"unit": "T2"}]
    )
    spread = stage_spread(frame, ["unit_id"]).filter(pl.col("stage").is_in(["cognizance", "fir"]))
    assert spread.sort("unit_id", "stage").rows() == [
        ("T1", "cognizance", 5, 1.4, 2.0, 3.0, 4.0, 4.6),
        ("T1", "fir", 5, 30.0, 30.0, 30.0, 30.0, 30.0),
        ("T2", "cognizance", 1, 7.0, 7.0, 7.0, 7.0, 7.0),
        ("T2", "fir", 0, None, None, None, None, None),
    ]
    whole = stage_spread(frame).filter(pl.col("stage") == "cognizance")
    assert whole.rows() == [("cognizance", 6, 1.5, 2.25, 3.5, 4.75, 6.0)]


def test_spread_reads_the_quantiles_polars_gives_to_the_last_digits():
    hours = [float(h) for h in range(1, 2_000, 7)] + [None] * 40
    frame = _entries(
        [
            {"unit": f"T{i % 3}", "cognizance": h, "fir": None if h is None else h * 1.37}
            for i, h in enumerate(hours)
        ]
    )
    spread = stage_spread(frame, ["unit_id"])
    for (unit, stage), rows in spread.group_by(["unit_id", "stage"]):
        values = frame.filter(pl.col("unit_id") == unit).select(
            ((pl.col(f"{stage}_at") - pl.col("received_at")).dt.total_seconds() / 3600).alias("h")
        )
        for name, q in {"p10": 0.1, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p90": 0.9}.items():
            want = values.select(pl.col("h").quantile(q, "linear")).item()
            got = rows.get_column(name).item()
            assert (got is None and want is None) or abs(got - want) <= 1e-12 * max(1, abs(want))


def test_quantiles_give_median_p90_and_share_within_sla_per_stage():
    frame = _entries([{"cognizance": h} for h in (1, 1, 2, 3, 10)])
    row = response_quantiles(frame, PROFILE, []).row(0, named=True)
    assert row == {
        "stage": "cognizance",
        "cases": 5,
        "median_h": 2.0,
        "p90_h": 7.2,
        "within_sla": 0.6,
        "sla_h": 2.0,
    }


def test_stage_no_entry_reached_has_no_median():
    row = response_quantiles(_entries([{"cognizance": 1}]), PROFILE, []).row(1, named=True)
    assert (row["stage"], row["cases"], row["median_h"]) == ("fir", 0, None)


def test_reference_is_the_latest_time_in_the_register():
    frame = _entries([{"received": 5, "closed": 30}, {"received": 10}])
    assert register_reference(frame) == T0 + timedelta(hours=30)


def test_open_entries_fall_into_age_buckets_by_whole_days():
    frame = _entries([{"received": -24 * d} for d in (0, 3, 4, 7, 8, 21, 22, 40)] + [{"closed": 5}])
    assert ageing(frame, T0).rows() == [("0-3", 2), ("4-7", 2), ("8-21", 2), (">21", 2)]


def test_oldest_open_lists_longest_waiting_first_with_last_stage():
    frame = _entries([{"received": -48, "cognizance": -47}, {"received": -240}, {"closed": 1}])
    assert oldest_open(frame, T0).select("entry_id", "last_stage", "age_days").rows() == [
        (2, "received", 10),
        (1, "cognizance", 2),
    ]


def test_breach_is_the_first_stage_over_its_limit_late_or_still_open():
    frame = _entries(
        [
            {"cognizance": 5, "closed": 6},  # cognizance 3 h over
            {"received": -100},  # open: cognizance 98 h overdue
            {"cognizance": 1, "closed": 10},  # closed without action: no breach
            {"cognizance": 1, "fir": 40, "closed": 50},  # FIR 16 h late
        ]
    )
    assert sla_breaches(frame, PROFILE, T0).select("entry_id", "stage", "hours_over").rows() == [
        (2, "cognizance", 98.0),
        (4, "fir", 16.0),
        (1, "cognizance", 3.0),
    ]


def test_units_below_min_cases_get_no_rank_but_keep_their_figures():
    many = [{"unit": "T1", "cognizance": 1} for _ in range(MIN_CASES)]
    few = [{"unit": "T2", "cognizance": 3} for _ in range(MIN_CASES - 1)]
    table = response_by_level(_entries(many + few), UNITS, PROFILE, "district").filter(
        pl.col("stage") == "cognizance"
    )
    assert table.select("unit_id", "cases", "median_h", "rank", "ranked").rows() == [
        ("D1", MIN_CASES, 1.0, 1, True),
        ("D2", MIN_CASES - 1, 3.0, None, False),
    ]


def test_every_unit_row_carries_the_state_baseline():
    frame = _entries([{"unit": "T1", "cognizance": 1}, {"unit": "T2", "cognizance": 3}])
    table = response_by_level(frame, UNITS, PROFILE, "thana").filter(
        pl.col("stage") == "cognizance"
    )
    assert table.select("unit_id", "median_h", "baseline_median_h").rows() == [
        ("T1", 1.0, 2.0),
        ("T2", 3.0, 2.0),
    ]


def _alerts(rows: list[dict[str, object]]) -> pl.DataFrame:
    def at(minutes: object) -> datetime | None:
        return None if minutes is None else T0 + timedelta(minutes=float(minutes))  # type: ignore[arg-type]

    return pl.DataFrame(
        [
            {
                "alert_id": i + 1,
                "unit_id": r.get("unit"),
                "platform": "instagram",
                "received_at": T0,
                **{f"{s}_at": at(r.get(s)) for s in ("traced", "forwarded", "contacted")},
                "outcome": r.get("outcome"),
            }
            for i, r in enumerate(rows)
        ],
        schema={
            "alert_id": pl.Int64,
            "unit_id": pl.String,
            "platform": pl.String,
            "received_at": _STAMP,
            "traced_at": _STAMP,
            "forwarded_at": _STAMP,
            "contacted_at": _STAMP,
            "outcome": pl.String,
        },
    )


FUNNEL_ALERTS = [
    {"unit": "T1", "traced": 40, "forwarded": 50, "contacted": 70, "outcome": "reached_counselled"},
    {"unit": "T1", "traced": 80, "forwarded": 90, "contacted": 130, "outcome": "hospitalised"},
    {"unit": "T2", "traced": 60, "forwarded": 70, "outcome": "phone_off"},
    {"traced": 50, "outcome": "other_state"},
    {"outcome": "not_traceable"},
    {},
]


def test_alert_funnel_counts_each_stage_with_latency_and_sla_share():
    funnel = alert_funnel(_alerts(FUNNEL_ALERTS), PROFILE)
    assert funnel.select("stage", "alerts", "median_min", "within_sla").rows() == [
        ("received", 6, None, None),
        ("traced", 4, 55.0, 1.0),
        ("forwarded", 3, 70.0, 1.0),
        ("contacted", 2, 100.0, 0.5),
        ("reached", 2, None, None),
    ]
    assert funnel.get_column("share_of_previous").to_list()[1:] == [4 / 6, 3 / 4, 2 / 3, 1.0]


def test_alert_outcomes_list_every_outcome_and_open_alerts_as_pending():
    outcomes = alert_outcomes(_alerts(FUNNEL_ALERTS)).filter(pl.col("alerts") > 0)
    assert outcomes.select("outcome", "alerts", "reached").rows() == [
        ("reached_counselled", 1, True),
        ("hospitalised", 1, True),
        ("not_traceable", 1, False),
        ("other_state", 1, False),
        ("phone_off", 1, False),
        ("pending", 1, False),
    ]


def test_alert_failures_name_outcome_and_last_stage():
    assert alert_failures(_alerts(FUNNEL_ALERTS)).rows() == [
        ("not_traceable", "received", 1),
        ("other_state", "traced", 1),
        ("phone_off", "forwarded", 1),
    ]


def test_alerts_by_unit_compare_with_forwarded_alerts_statewide_and_gate_small_units():
    table = alerts_by_level(_alerts(FUNNEL_ALERTS), UNITS, "district")
    assert table.select(
        "unit_id", "alerts", "reached", "baseline_reached_share", "rank"
    ).rows() == [
        ("D1", 2, 2, 2 / 3, None),
        ("D2", 1, 0, 2 / 3, None),
    ]


def test_summary_holds_each_scope_figures_as_the_direct_functions_give_them():
    frame = _entries(
        [
            {"unit": "T1", "cognizance": 1, "closed": 30},
            {"unit": "T2", "cognizance": 3},
            {"unit": "T2", "received": -300},
        ]
    )
    summary = response_summary(frame, UNITS, PROFILE)
    direct = response_by_level(frame, UNITS, PROFILE, "district")
    assert child_rows(summary.by_unit, UNITS, None, "district").drop("level").equals(direct)
    d2_summary = response_summary(frame, UNITS, PROFILE, "D2")
    d2 = scope_rows(d2_summary.by_category, "D2").filter(pl.col("stage") == "cognizance")
    assert d2.select("category", "cases", "median_h", "baseline_median_h").rows() == [
        ("theft", 1, 3.0, 2.0)
    ]
    assert ageing_of(summary, scope_key(UNITS, None)).rows() == ageing(frame, summary.as_of).rows()
    assert in_units(summary.open, UNITS, "D1").height == 0


def test_hours_from_receipt_are_stored_once_and_kept_when_present():
    from datetime import datetime as dt

    from sampark.metrics.response.times import with_hours

    entries = pl.DataFrame(
        {
            "received_at": [dt(2026, 11, 1, 10, 0), dt(2026, 11, 1, 10, 0)],
            "cognizance_at": [dt(2026, 11, 1, 10, 30), None],
            "fir_at": [dt(2026, 11, 1, 13, 0), None],
            "action_at": [None, None],
            "closed_at": [dt(2026, 11, 3, 10, 0), None],
        },
        schema={
            c: pl.Datetime("us")
            for c in ("received_at", "cognizance_at", "fir_at", "action_at", "closed_at")
        },
    )
    hours = with_hours(entries)
    assert hours.select("cognizance_h", "fir_h", "action_h", "closed_h").rows() == [
        (0.5, 3.0, None, 48.0),
        (None, None, None, None),
    ]
    # Already present: left as it is, not recomputed.
    assert with_hours(hours.with_columns(pl.lit(9.0).alias("fir_h")))["fir_h"].to_list() == [
        9.0,
        9.0,
    ]
