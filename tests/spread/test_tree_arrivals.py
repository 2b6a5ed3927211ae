"""The unit tree as pairs, first arrivals per group, and the hop each came by."""

from datetime import datetime

import polars as pl

from sampark.spread.arrivals import arrival_hops, first_arrivals
from sampark.spread.tree import unit_ancestors
from tests.spread.network import GROUPS, UNITS, at, copies


def test_every_unit_has_itself_and_each_unit_above_with_steps():
    pairs = unit_ancestors(UNITS).filter(pl.col("unit_id") == "T1").sort("steps")
    assert pairs.select("ancestor_id", "ancestor_kind", "steps").rows() == [
        ("T1", "thana", 0),
        ("C1", "circle", 1),
        ("D1", "district", 2),
        ("R1", "range", 3),
        ("S", "state", 4),
    ]


def test_a_cycle_of_parents_ends_the_walk():
    looped = pl.DataFrame(
        {"unit_id": ["A", "B"], "kind": ["circle", "thana"], "parent_id": ["B", "A"]}
    )
    pairs = unit_ancestors(looped).sort("unit_id", "steps")
    assert pairs.select("unit_id", "ancestor_id", "steps").rows() == [
        ("A", "A", 0),
        ("A", "B", 1),
        ("B", "B", 0),
        ("B", "A", 1),
    ]


def test_first_arrival_is_the_earliest_copy_in_each_group_with_the_count():
    got = first_arrivals(
        copies([("X", "gC2", "12:30"), ("X", "gC2", "12:00"), ("X", "gA", "10:05")])
    )
    assert got.rows() == [("X", "gA", at("10:05"), 1), ("X", "gC2", at("12:00"), 2)]


def test_copies_without_a_group_are_not_arrivals():
    frame = pl.DataFrame(
        {"key": ["X"], "group_id": [None], "ts": [datetime(2026, 3, 1)]},
        schema={"key": pl.String, "group_id": pl.String, "ts": pl.Datetime("us")},
    )
    assert first_arrivals(frame).height == 0


def test_each_arrival_came_from_the_last_group_above_it_that_had_it():
    arrivals = first_arrivals(
        copies(
            [
                ("X", "gA", "10:05"),
                ("X", "gD1", "10:30"),
                ("X", "gC1", "11:00"),
                ("X", "gT1", "11:20"),
                ("X", "gC3", "11:40"),  # its district group never had it: straight from apex
                ("X", "gC2", "10:10"),  # before the district group had it
            ]
        )
    )
    hops = arrival_hops(arrivals, GROUPS, unit_ancestors(UNITS))
    assert hops.select("group_id", "from_group_id").rows() == [
        ("gA", None),
        ("gC2", "gA"),
        ("gD1", "gA"),
        ("gC1", "gD1"),
        ("gT1", "gC1"),
        ("gC3", "gA"),
    ]


def test_a_sibling_group_is_never_the_hop_and_a_tie_goes_to_the_group_above():
    arrivals = first_arrivals(
        copies([("X", "gD1", "10:00"), ("X", "gC1", "10:00"), ("X", "gC2", "10:05")])
    )
    hops = arrival_hops(arrivals, GROUPS, unit_ancestors(UNITS))
    assert hops.select("group_id", "from_group_id", "from_ts").rows() == [
        ("gC1", "gD1", at("10:00")),
        ("gD1", None, None),
        ("gC2", "gD1", at("10:00")),
    ]
