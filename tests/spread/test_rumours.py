"""Rumours: clusters that cross groups and districts fast, their spread, rebuttal coverage."""

from datetime import datetime, timedelta

import polars as pl

from sampark.spread.arrivals import first_arrivals
from sampark.spread.rumours import (
    group_districts,
    rebuttal_coverage,
    rumour_clusters,
    spread_over_time,
)
from sampark.spread.tree import unit_ancestors
from tests.spread.network import GROUPS, UNITS, at, copies

DISTRICTS = group_districts(GROUPS, unit_ancestors(UNITS))


def frames(rows: list[tuple[int, str, str, bool | None]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cluster, group, time as "HH:MM" or "HH:MM+Nd", sent by police) rows."""

    def when(text: str) -> datetime:
        hhmm, _, days = text.partition("+")
        return at(hhmm) + timedelta(days=int(days.rstrip("d") or 0))

    clusters = pl.DataFrame(
        {"message_id": list(range(len(rows))), "cluster": [r[0] for r in rows]},
        schema={"message_id": pl.Int64, "cluster": pl.Int64},
    )
    messages = pl.DataFrame(
        {
            "message_id": list(range(len(rows))),
            "group_id": [r[1] for r in rows],
            "ts": [when(r[2]) for r in rows],
            "is_police": [r[3] for r in rows],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "is_police": pl.Boolean,
        },
    )
    return clusters, messages


def test_groups_carry_their_district_and_the_apex_none():
    assert DISTRICTS.sort("group_id").rows() == [
        ("gA", None),
        ("gC1", "D1"),
        ("gC2", "D1"),
        ("gC3", "D2"),
        ("gD1", "D1"),
        ("gD2", "D2"),
        ("gT1", "D1"),
        ("gT2", "D2"),
    ]


CLUSTERS, MESSAGES = frames(
    [
        # 1: a citizen's forward through four groups of two districts in three hours.
        (1, "gT1", "08:00", False),
        (1, "gC1", "09:00", None),
        (1, "gT2", "10:00", False),
        (1, "gC3", "11:00", False),
        (1, "gT2", "11:30", False),
        # 2: the same spread, but first sent by the police.
        (2, "gT1", "08:00", True),
        (2, "gC1", "09:00", False),
        (2, "gT2", "10:00", False),
        (2, "gC3", "11:00", False),
        # 3: four groups, but all in district D1 (and the apex, in no district).
        (3, "gT1", "08:00", False),
        (3, "gC1", "09:00", False),
        (3, "gC2", "10:00", False),
        (3, "gA", "10:30", False),
        # 4: four groups of two districts, the fourth two days later (outside the window).
        (4, "gT1", "08:00", False),
        (4, "gC1", "09:00", False),
        (4, "gT2", "10:00", False),
        (4, "gC3", "10:00+2d", False),
    ]
)


def test_a_rumour_crosses_enough_groups_and_districts_within_the_window():
    found = rumour_clusters(CLUSTERS, MESSAGES, DISTRICTS, min_groups=4, min_districts=2)
    assert found.rows() == [(1, at("08:00"), "gT1", 4, 2, 4, 2, at("11:30"))]


def test_a_registered_directive_forwarded_first_by_a_citizen_is_no_rumour():
    # Cluster 1's text is also a row of the PHQ's directive register (negative message_id).
    register_row = pl.DataFrame(
        {"message_id": [-1], "cluster": [1]}, schema={"message_id": pl.Int64, "cluster": pl.Int64}
    )
    found = rumour_clusters(
        pl.concat([CLUSTERS, register_row]), MESSAGES, DISTRICTS, min_groups=4, min_districts=2
    )
    assert found.rows() == []


def test_the_thresholds_are_settings():
    found = rumour_clusters(
        CLUSTERS, MESSAGES, DISTRICTS, min_groups=3, min_districts=1, window=timedelta(days=3)
    )
    assert found["cluster"].to_list() == [1, 3, 4]


def test_spread_counts_groups_and_districts_reached_by_each_step():
    arrivals = first_arrivals(
        MESSAGES.join(CLUSTERS, on="message_id")
        .filter(pl.col("cluster") == 1)
        .select(pl.lit("1").alias("key"), "group_id", "ts")
    )
    assert spread_over_time(arrivals, DISTRICTS, "2h").rows() == [
        ("1", at("08:00"), 2, 1),
        ("1", at("10:00"), 4, 2),
    ]


RUMOUR = first_arrivals(
    copies(
        [("R", "gT1", "08:00"), ("R", "gC1", "09:00"), ("R", "gT2", "10:00"), ("R", "gC3", "11:00")]
    )
)


def test_rebuttal_coverage_is_the_share_of_the_rumours_groups_that_got_the_answer():
    answer = copies(
        [
            ("R", "gT1", "07:00"),  # before the rumour was seen: not an answer to it
            ("R", "gT1", "09:00"),  # an hour after the rumour arrived there
            ("R", "gC3", "10:30"),  # before the rumour arrived there: no delay
            ("R", "gD1", "09:30"),  # a group the rumour never reached
        ]
    )
    got = rebuttal_coverage(RUMOUR, answer)
    assert got.rows() == [
        ("R", 4, 2, 0.5, timedelta(hours=1), timedelta(minutes=30), timedelta(hours=1)),
    ]


def test_an_unanswered_rumour_has_coverage_zero():
    got = rebuttal_coverage(RUMOUR, copies([]))
    assert got.rows() == [("R", 4, 0, 0.0, None, None, None)]
