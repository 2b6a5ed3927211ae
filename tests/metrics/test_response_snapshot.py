"""Every unit's Response figures worked out at once give what the page computed per scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import polars as pl
import pytest

from etl.demo.build.response import register_frame
from etl.demo.model import Thana
from sampark.metrics.coverage.totals import scope_level
from sampark.metrics.response.snapshot import (
    profile_key,
    response_snapshot,
    response_summary,
    snapshot_from_payloads,
    snapshot_payloads,
    summary_from_snapshot,
)
from sampark.metrics.response.summary import (
    ResponseSummary,
    in_units,
    level_figures,
    response_base,
    scope_key,
    shown_levels,
)
from sampark.metrics.response.times import response_quantiles, stage_spread
from sampark.targets import Profile
from tests.metrics.test_response_metrics import PROFILE

# A state with two ranges; range R2's district D3 has one circle with two thanas, T5 sits
# directly under its district (no circle), as some do.
UNITS = pl.DataFrame(
    [
        ("S", "state", None),
        ("R1", "range", "S"),
        ("R2", "range", "S"),
        ("D1", "district", "R1"),
        ("D2", "district", "R1"),
        ("D3", "district", "R2"),
        ("C1", "circle", "D1"),
        ("C2", "circle", "D2"),
        ("C3", "circle", "D3"),
        ("T1", "thana", "C1"),
        ("T2", "thana", "C1"),
        ("T3", "thana", "C2"),
        ("T4", "thana", "C3"),
        ("T5", "thana", "D3"),
    ],
    schema=["unit_id", "kind", "parent_id"],
    orient="row",
).with_columns(pl.col("unit_id").alias("name"), ("हि-" + pl.col("unit_id")).alias("name_hi"))
THANA_DISTRICT = {"T1": "D1", "T2": "D1", "T3": "D2", "T4": "D3", "T5": "D3"}


def _entries() -> pl.DataFrame:
    thanas = [Thana(t, d, None, t, t, d, d) for t, d in THANA_DISTRICT.items()]
    frame = register_frame(thanas, 3000, seed=11).with_row_index("entry_id", offset=1)
    return frame.select(
        pl.col("entry_id").cast(pl.Int64),
        "unit_id",
        "category",
        "received_at",
        "cognizance_at",
        "fir_at",
        "action_at",
        "closed_at",
    )


ENTRIES = _entries()
SNAPSHOT = response_snapshot(ENTRIES, UNITS, PROFILE)


def _direct(scope_id: str | None) -> ResponseSummary:
    """What the page computed for one scope before every unit's figures were stored: the
    scope's own entries aggregated alone, its levels from `level_figures`."""
    base = response_base(ENTRIES, UNITS, PROFILE)
    key = scope_key(UNITS, scope_id)
    mine = base.entries.filter(pl.col(f"{scope_level(UNITS, scope_id)}_id") == key)
    scope_col = pl.lit(key, pl.String).alias("scope_id")
    state = base.baseline.select("stage", pl.col("median_h").alias("baseline_median_h"))
    levels = [level_figures(base, UNITS, PROFILE, lv) for lv in shown_levels(UNITS, scope_id)]
    return ResponseSummary(
        as_of=base.as_of,
        entries=base.entries.height,
        by_unit=pl.concat(f.by_unit for f in levels),
        ageing=pl.concat(f.ageing for f in levels),
        breach_counts=pl.concat(f.breach_counts for f in levels),
        spread=stage_spread(mine).select(scope_col, pl.all()),
        weekly=response_quantiles(mine, PROFILE, ["week"]).select(scope_col, pl.all()),
        by_category=response_quantiles(mine, PROFILE, ["category"])
        .select(scope_col, pl.all())
        .join(state, on="stage"),
        breaches=in_units(base.breaches, UNITS, scope_id),
        open=in_units(base.open, UNITS, scope_id),
    )


_ORDER = {
    "by_unit": ["level", "unit_id", "stage"],
    "ageing": ["level", "unit_id"],
    "breach_counts": ["level", "unit_id"],
    "spread": ["stage"],
    "weekly": ["week", "stage"],
    "by_category": ["category", "stage"],
    "breaches": ["entry_id"],
    "open": ["entry_id"],
}


def _same(a: ResponseSummary, b: ResponseSummary) -> None:
    assert (a.as_of, a.entries) == (b.as_of, b.entries)
    for name, keys in _ORDER.items():
        left, right = getattr(a, name), getattr(b, name)
        assert left.columns == right.columns, name
        assert left.sort(keys).equals(right.sort(keys)), name


@pytest.mark.parametrize("scope_id", [None, "R1", "R2", "D1", "D3", "C1", "C3"])
def test_every_scope_reads_what_the_page_computed_for_it(scope_id: str | None) -> None:
    _same(
        summary_from_snapshot(SNAPSHOT, UNITS, scope_id, None),
        _direct(scope_id),
    )
    _same(response_summary(ENTRIES, UNITS, PROFILE, scope_id), _direct(scope_id))


def test_entry_lists_keep_their_order_worst_breach_and_oldest_entry_first() -> None:
    summary = summary_from_snapshot(SNAPSHOT, UNITS, "D3", None)
    assert summary.breaches.get_column("hours_over").is_sorted(descending=True)
    assert summary.open.get_column("received_at").is_sorted()
    assert set(summary.breaches.get_column("unit_id")) == {"T4", "T5"}


def test_a_scoped_user_sees_only_units_inside_and_the_state_baseline() -> None:
    # What `sampark.queries.network.network` gives a district SP of D1: D1, its units, and the
    # units above.
    mine = UNITS.filter(pl.col("unit_id").is_in(["S", "R1", "D1", "C1", "T1", "T2"]))
    summary = summary_from_snapshot(SNAPSHOT, mine, None, "D1")
    assert set(summary.by_unit.get_column("unit_id")) == {"D1", "T1", "T2"}
    assert set(summary.breaches.get_column("unit_id")) <= {"T1", "T2"}
    assert set(summary.open.get_column("unit_id")) <= {"T1", "T2"}
    assert summary.spread.get_column("scope_id").unique().to_list() == ["D1"]
    state = _direct(None).by_unit.filter(pl.col("unit_id") == "S")
    baseline = summary.by_unit.filter(pl.col("unit_id") == "D1").get_column("baseline_median_h")
    assert baseline.to_list() == state.get_column("median_h").to_list()


def test_ranks_compare_a_thana_with_every_thana_of_the_state() -> None:
    ranks = SNAPSHOT.by_unit.filter(
        (pl.col("level") == "thana") & (pl.col("stage") == "cognizance")
    ).sort("median_h")
    assert ranks.get_column("rank").to_list() == [1, 2, 3, 4, 5]
    assert ranks.get_column("cases").sum() == ENTRIES.get_column("cognizance_at").count()


def test_payloads_read_back_to_the_same_figures() -> None:
    back = snapshot_from_payloads(snapshot_payloads(SNAPSHOT))
    assert back is not None
    _same(
        summary_from_snapshot(back, UNITS, "R1", None),
        summary_from_snapshot(SNAPSHOT, UNITS, "R1", None),
    )


def test_a_missing_part_reads_as_no_figures() -> None:
    payloads = snapshot_payloads(SNAPSHOT)
    del payloads["weekly"]
    assert snapshot_from_payloads(payloads) is None


def test_figures_depend_on_the_slas_and_the_state() -> None:
    slower: Profile = replace(PROFILE, response_sla_hours={**PROFILE.response_sla_hours, "fir": 48})
    assert profile_key(slower) != profile_key(PROFILE)
    assert profile_key(replace(PROFILE, state="other")) != profile_key(PROFILE)
    assert profile_key(replace(PROFILE, member_target=5)) == profile_key(PROFILE)


def test_no_entries_give_empty_figures_and_no_as_of() -> None:
    empty = response_snapshot(ENTRIES.clear(), UNITS, PROFILE)
    assert empty.as_of is None and empty.entries == 0
    assert empty.breaches.height == 0 and empty.weekly.height == 0
    summary = summary_from_snapshot(empty, UNITS, None, None)
    assert summary.by_unit.filter(pl.col("level") == "district").get_column("cases").sum() == 0
    assert isinstance(SNAPSHOT.as_of, datetime)
