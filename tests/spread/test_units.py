"""Directive reach per unit over a window: literal deliveries on the hand-written network."""

from datetime import datetime, timedelta

import polars as pl

from sampark.spread.tree import unit_ancestors
from sampark.spread.units import (
    behind_units,
    group_directive_reach,
    scope_directive_reach,
    unit_directive_reach,
    with_report_reach,
)
from tests.spread.network import UNITS

NOW = datetime(2026, 3, 20, 12, 0)
ANCESTORS = unit_ancestors(UNITS)
HOUR = timedelta(hours=1)


def _deliveries(rows: list[tuple[str, str, str, datetime, timedelta | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "key": pl.String,
            "group_id": pl.String,
            "unit_id": pl.String,
            "issued_at": pl.Datetime("us"),
            "delay": pl.Duration("us"),
        },
        orient="row",
    )


ISSUED = datetime(2026, 3, 1, 9, 0)
# One directive due in four circle and thana groups: three got it, one of them after 30 h.
ONE_DIRECTIVE = _deliveries(
    [
        ("K1", "gC1", "C1", ISSUED, 1 * HOUR),
        ("K1", "gC2", "C2", ISSUED, 30 * HOUR),
        ("K1", "gC3", "C3", ISSUED, 2 * HOUR),
        ("K1", "gT2", "T2", ISSUED, None),
    ]
)


def test_a_directive_reaching_three_of_four_groups_one_after_30_hours_per_district():
    table = unit_directive_reach(ONE_DIRECTIVE, ANCESTORS, "district", NOW)
    assert table.rows() == [
        ("D1", 1, 2, 1, 0, 0.5, 1.0),
        ("D2", 1, 2, 1, 1, 0.5, 2.0),
    ]


def test_the_state_counts_every_delivery_and_its_median_is_the_second_of_four():
    whole = scope_directive_reach(ONE_DIRECTIVE, ANCESTORS, None, NOW)
    assert whole is not None
    assert (whole["directives"], whole["due"], whole["within"], whole["never"]) == (1, 4, 2, 1)
    assert (whole["share_within"], whole["median_delay_h"]) == (0.5, 2.0)


def test_a_scope_counts_only_the_groups_inside_it():
    d1 = scope_directive_reach(ONE_DIRECTIVE, ANCESTORS, "D1", NOW)
    assert d1 is not None
    assert (d1["unit_id"], d1["due"], d1["within"], d1["median_delay_h"]) == ("D1", 2, 1, 1.0)


def test_a_unit_without_a_directive_due_has_no_row_not_zero():
    table = unit_directive_reach(ONE_DIRECTIVE, ANCESTORS, "circle", NOW)
    assert table.get_column("unit_id").to_list() == ["C1", "C2", "C3"]
    assert scope_directive_reach(ONE_DIRECTIVE, ANCESTORS, "R1", NOW - timedelta(days=60)) is None


def test_directives_older_than_28_days_or_younger_than_24_hours_are_left_out():
    rows = ONE_DIRECTIVE.vstack(
        _deliveries(
            [
                ("OLD", "gC1", "C1", NOW - timedelta(days=28, minutes=1), None),
                ("NEW", "gC1", "C1", NOW - timedelta(hours=23), None),
                ("EDGE", "gC1", "C1", NOW - timedelta(days=27, hours=23), 3 * HOUR),
            ]
        )
    )
    c1 = unit_directive_reach(rows, ANCESTORS, "circle", NOW).row(0, named=True)
    assert (c1["unit_id"], c1["directives"], c1["due"], c1["within"]) == ("C1", 2, 2, 2)
    wider = unit_directive_reach(rows, ANCESTORS, "circle", NOW, days=60)
    assert wider.row(0, named=True)["due"] == 3


def test_the_median_is_none_when_more_than_half_never_arrived():
    rows = _deliveries(
        [
            ("K1", "gC3", "C3", ISSUED, 2 * HOUR),
            ("K1", "gT2", "T2", ISSUED, None),
            ("K2", "gC3", "C3", ISSUED, None),
        ]
    )
    d2 = unit_directive_reach(rows, ANCESTORS, "district", NOW).row(0, named=True)
    assert (d2["directives"], d2["due"], d2["never"], d2["median_delay_h"]) == (2, 3, 2, None)


def test_a_delivery_exactly_24_hours_after_issue_is_within():
    rows = _deliveries([("K1", "gC1", "C1", ISSUED, 24 * HOUR)])
    assert unit_directive_reach(rows, ANCESTORS, "circle", NOW)["within"].to_list() == [1]


def test_each_group_has_its_own_figures_for_the_drill_down():
    table = group_directive_reach(ONE_DIRECTIVE, NOW)
    assert table.select("unit_id", "within", "never", "median_delay_h").rows() == [
        ("gC1", 1, 0, 1.0),
        ("gC2", 0, 0, 30.0),
        ("gC3", 1, 0, 2.0),
        ("gT2", 0, 1, None),
    ]


def test_the_units_behind_are_those_below_the_scope_share_furthest_first():
    reach = pl.DataFrame(
        {
            "unit_id": ["A", "B", "C", "D"],
            "share_within": [0.9, 0.4, 0.2, 0.4],
            "never": [0, 1, 0, 3],
        }
    )
    assert behind_units(reach, 0.5)["unit_id"].to_list() == ["C", "D", "B"]
    assert behind_units(reach, 0.5, shown=1)["unit_id"].to_list() == ["C"]


def test_the_report_columns_join_each_unit_and_keep_units_without_a_directive():
    table = pl.DataFrame({"unit_id": ["D1", "D2", "D9"], "members": [5, 6, 7]})
    named = with_report_reach(table, ONE_DIRECTIVE, UNITS, "district", NOW)
    assert named.select(
        "unit_id", "directives", "directive_within_24h", "directive_share_within_24h"
    ).rows() == [("D1", 1, 1, 0.5), ("D2", 1, 1, 0.5), ("D9", 0, 0, None)]
    unknown = with_report_reach(table, None, UNITS, "district", NOW)
    assert unknown.get_column("unit_id").to_list() == ["D1", "D2", "D9"]
    assert unknown.get_column("directives").to_list() == [None, None, None]
    assert unknown.columns[-1] == "directive_median_delay_h"
