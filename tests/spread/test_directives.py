"""Directives down the tree: targets, deliveries, T50/T90/T100, never reached, stalls, and
reach per unit, on the hand-written network of tests/spread/network.py."""

from datetime import timedelta

import polars as pl

from sampark.spread.arrivals import first_arrivals
from sampark.spread.directives import (
    deliveries,
    directive_reach,
    directive_targets,
    never_reached,
    reach_by_unit,
    stalled_units,
)
from sampark.spread.tree import unit_ancestors
from tests.spread.network import GROUPS, UNITS, at, copies

ANCESTORS = unit_ancestors(UNITS)
# X: the whole state, stalls at district D2. Y: district D1 only, all reached.
# Z: the whole state, D2 had it but circle C3 did not. W: nobody ever posted it.
DIRECTIVES = pl.DataFrame(
    {
        "key": ["X", "Y", "Z", "W"],
        "issued_at": [at("10:00"), at("09:00"), at("08:00"), at("07:00")],
        "unit_id": [None, "D1", None, None],
    },
    schema={"key": pl.String, "issued_at": pl.Datetime("us"), "unit_id": pl.String},
)
COPIES = copies(
    [
        ("X", "gA", "10:05"),
        ("X", "gD1", "10:30"),
        ("X", "gC1", "11:00"),
        ("X", "gC2", "12:00"),
        ("X", "gC2", "12:30"),
        ("Y", "gD1", "09:00"),
        ("Y", "gC1", "09:10"),
        ("Y", "gC2", "10:00"),
        ("Z", "gA", "08:00"),
        ("Z", "gD1", "08:20"),
        ("Z", "gD2", "08:30"),
        ("Z", "gC1", "08:40"),
        ("Z", "gC2", "09:00"),
    ]
)
ARRIVALS = first_arrivals(COPIES)
TARGETS = directive_targets(DIRECTIVES, GROUPS, ANCESTORS, ["circle"])
DELIVERED = deliveries(DIRECTIVES, TARGETS, ARRIVALS)


def minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


def test_targets_are_the_profile_kind_of_groups_inside_the_issuing_unit():
    assert TARGETS.filter(pl.col("key").is_in(["X", "Y"])).select("key", "group_id").rows() == [
        ("X", "gC1"),
        ("X", "gC2"),
        ("X", "gC3"),
        ("Y", "gC1"),
        ("Y", "gC2"),
    ]


def test_thana_and_outpost_profiles_target_thana_groups():
    thana = directive_targets(DIRECTIVES, GROUPS, ANCESTORS, ["thana_public", "outpost_public"])
    assert thana.filter(pl.col("key") == "Y")["group_id"].to_list() == ["gT1"]


def test_reach_gives_the_time_of_the_half_ninety_percent_and_last_target_group():
    reach = directive_reach(DIRECTIVES, DELIVERED)
    rows = {r[0]: r[2:] for r in reach.rows()}
    assert rows["Y"] == (2, 2, 1.0, minutes(10), minutes(60), minutes(60))
    # Two of three circle groups: T50 is the second arrival, T90 and T100 never came.
    assert rows["X"] == (3, 2, 2 / 3, minutes(120), None, None)
    assert rows["Z"] == (3, 2, 2 / 3, minutes(60), None, None)
    assert rows["W"] == (3, 0, 0.0, None, None, None)
    assert reach["key"].to_list() == ["W", "Z", "Y", "X"]  # in order of issue


def test_a_directive_without_target_groups_has_no_share_and_no_times():
    lone = DIRECTIVES.filter(pl.col("key") == "Y")
    reach = directive_reach(lone, deliveries(lone, TARGETS.clear(), ARRIVALS))
    assert reach.row(0)[2:] == (0, 0, None, None, None, None)


def test_a_copy_before_the_time_of_issue_counts_as_no_delay():
    early = copies([("Y", "gC1", "08:50"), ("Y", "gC2", "09:30")])
    delivered = deliveries(DIRECTIVES, TARGETS, first_arrivals(early))
    assert delivered.filter(pl.col("key") == "Y")["delay"].to_list() == [
        minutes(0),
        minutes(30),
    ]


def test_never_reached_lists_each_target_group_that_never_got_it():
    assert never_reached(DELIVERED).sort("key", "group_id").rows() == [
        ("W", "gC1", "C1"),
        ("W", "gC2", "C2"),
        ("W", "gC3", "C3"),
        ("X", "gC3", "C3"),
        ("Z", "gC3", "C3"),
    ]


def test_the_stall_is_the_highest_unit_whose_groups_never_got_it_while_its_parents_did():
    stalls = stalled_units(DIRECTIVES, DELIVERED, ARRIVALS, GROUPS, ANCESTORS)
    assert stalls.rows() == [
        # Nobody posted W: it stalled at the top of the chain.
        ("W", "S", "state", 3, None, None),
        # X reached the apex, never district D2 (so never its circle C3 either).
        ("X", "D2", "district", 1, "S", at("10:05")),
        # Z reached district D2, never its circle C3.
        ("Z", "C3", "circle", 1, "D2", at("08:30")),
    ]


def test_a_range_without_groups_passes_the_directive_through():
    # The range R1 has no group: D2's parent in the chain is the state's apex group.
    stalls = stalled_units(DIRECTIVES, DELIVERED, ARRIVALS, GROUPS, ANCESTORS)
    assert "R1" not in stalls["unit_id"].to_list()


def test_a_fully_reached_directive_has_no_stall():
    stalls = stalled_units(DIRECTIVES, DELIVERED, ARRIVALS, GROUPS, ANCESTORS)
    assert "Y" not in stalls["key"].to_list()


def test_a_stall_inside_a_district_directive_stops_at_the_district():
    only_d2 = pl.DataFrame(
        {"key": ["V"], "issued_at": [at("07:00")], "unit_id": ["D2"]},
        schema={"key": pl.String, "issued_at": pl.Datetime("us"), "unit_id": pl.String},
    )
    arrivals = first_arrivals(copies([("V", "gA", "07:00")]))
    targets = directive_targets(only_d2, GROUPS, ANCESTORS, ["circle"])
    delivered = deliveries(only_d2, targets, arrivals)
    stalls = stalled_units(only_d2, delivered, arrivals, GROUPS, ANCESTORS)
    # The apex group had it but lies above the issuing district: the district itself stalled.
    assert stalls.rows() == [("V", "D2", "district", 1, None, None)]


def test_reach_by_district_counts_deliveries_within_24_hours_and_the_median_delay():
    late = copies([("X", "gC3", "11:00")]).with_columns(pl.col("ts") + timedelta(days=1))
    arrivals = first_arrivals(pl.concat([COPIES, late]))
    delivered = deliveries(DIRECTIVES, TARGETS, arrivals)
    got = reach_by_unit(delivered, ANCESTORS, "district")
    assert got.rows() == [
        # X: 60 and 120 min; Y: 10 and 60 min; Z: 40 and 60 min; W: never twice.
        ("D1", 4, 8, 6, 0.75, 2, minutes(60)),
        # X 25 h (late), Z never, W never.
        ("D2", 3, 3, 0, 0.0, 2, minutes(25 * 60)),
    ]


def test_reach_by_unit_takes_another_window():
    got = reach_by_unit(DELIVERED, ANCESTORS, "circle", within=timedelta(minutes=30))
    assert got.select("unit_id", "within", "due").rows() == [
        ("C1", 1, 4),
        ("C2", 0, 4),
        ("C3", 0, 3),
    ]
