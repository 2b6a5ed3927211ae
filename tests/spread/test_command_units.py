"""A district's staff group sits on its police centre in the units sheet (the demo's and the
states' shape); for a directive it is the district's group, one step above the circles: a
stall below it names the circles, and an order posted there is meant for the district."""

import polars as pl

from sampark.spread.found import directives_without_register
from sampark.spread.spread import directive_spread
from sampark.spread.tree import groups_on_command_units, unit_ancestors
from tests.spread.network import at

UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "D1", "D1-PC", "C1", "C2", "T1", "T2"],
        "kind": ["state", "district", "police_centre", "circle", "circle", "thana", "thana"],
        "parent_id": [None, "S", "D1", "D1", "D1", "C1", "C2"],
    }
)
SHEET_GROUPS = pl.DataFrame(
    {
        "group_id": ["gD1", "gW1", "gC1", "gC2", "gT1", "gT2"],
        "unit_id": ["D1-PC", "D1-PC", "C1", "C2", "T1", "T2"],
        "kind": [
            "district_staff",
            "women_staff",
            "circle",
            "circle",
            "thana_public",
            "thana_public",
        ],
    }
)
ANCESTORS = unit_ancestors(UNITS)


def test_a_police_centres_groups_speak_for_its_district():
    moved = groups_on_command_units(SHEET_GROUPS, UNITS)
    assert moved.select("group_id", "unit_id").rows() == [
        ("gD1", "D1"),
        ("gW1", "D1"),
        ("gC1", "C1"),
        ("gC2", "C2"),
        ("gT1", "T1"),
        ("gT2", "T2"),
    ]


def _found_and_spread(groups: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The SP posts an order in the staff group; it reaches C1 and T1, never C2 or T2."""
    rows = [(0, "gD1", "10:00", True), (1, "gC1", "10:20", False), (2, "gT1", "10:50", False)]
    clusters = pl.DataFrame({"message_id": [0, 1, 2], "cluster": [7, 7, 7]})
    messages = pl.DataFrame(
        {
            "message_id": [r[0] for r in rows],
            "group_id": [r[1] for r in rows],
            "ts": [at(r[2]) for r in rows],
            "is_officer": [r[3] for r in rows],
            "signature": [[0] * 4] * 3,
        },
        schema_overrides={"ts": pl.Datetime("us")},
    )
    found = directives_without_register(clusters, messages, groups, ANCESTORS)
    register = pl.DataFrame(
        schema={
            "directive_id": pl.String,
            "issued_at": pl.Datetime("us"),
            "unit_id": pl.String,
            "signature": pl.List(pl.Int64),
        }
    )
    spread = directive_spread(
        clusters, messages, register, groups, ANCESTORS, target_kinds=["thana_public"]
    )
    return found, spread.stalls


def test_an_order_posted_in_the_staff_group_is_meant_for_the_district_and_stalls_below_it():
    found, stalls = _found_and_spread(groups_on_command_units(SHEET_GROUPS, UNITS))
    assert found.select("unit_id", "group_id", "groups_below").rows() == [("D1", "gD1", 2)]
    assert stalls.select("unit_id", "parent_id", "groups_never").rows() == [("C2", "D1", 1)]


def test_on_the_police_centre_the_staff_groups_order_reached_no_unit_below_it():
    found, _ = _found_and_spread(SHEET_GROUPS)
    assert found.height == 0
