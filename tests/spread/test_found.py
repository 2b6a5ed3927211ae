"""Directives found without the register."""

import polars as pl

from sampark.spread.found import directives_without_register
from sampark.spread.tree import unit_ancestors
from tests.spread.network import GROUPS, UNITS, at

ANCESTORS = unit_ancestors(UNITS)


def frames(rows: list[tuple[int, int, str, str, bool]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(message_id, cluster, group, time, sent by an officer) rows: clusters and messages."""
    clusters = pl.DataFrame(
        {"message_id": [r[0] for r in rows], "cluster": [r[1] for r in rows]},
        schema={"message_id": pl.Int64, "cluster": pl.Int64},
    ).with_columns(size=pl.len().over("cluster").cast(pl.UInt32))
    messages = pl.DataFrame(
        {
            "message_id": [r[0] for r in rows],
            "group_id": [r[2] for r in rows],
            "ts": [at(r[3]) for r in rows],
            "is_officer": [r[4] for r in rows],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "is_officer": pl.Boolean,
        },
    ).filter(pl.col("message_id") >= 0)
    return clusters, messages


def test_an_officers_post_in_a_staff_group_later_seen_below_is_a_directive():
    clusters, messages = frames(
        [
            # 1: posted by the SP in the district staff group, then in two circle groups.
            (0, 1, "gD1", "10:00", True),
            (1, 1, "gC1", "10:20", False),
            (2, 1, "gC2", "10:40", False),
            # 2: first sent by a citizen in a thana group.
            (3, 2, "gT1", "09:00", False),
            (4, 2, "gD1", "09:30", True),
            (5, 2, "gC1", "09:45", True),
            (6, 2, "gC3", "09:50", True),
            # 3: an officer in a circle group (not an apex or staff group).
            (7, 3, "gC1", "11:00", True),
            (8, 3, "gT1", "11:05", True),
            (9, 3, "gT1", "11:06", True),
            # 4: posted in the apex group, seen only in one group below.
            (10, 4, "gA", "12:00", True),
            (11, 4, "gC3", "12:30", False),
            # 5: the district staff group of D1, later seen in D2's groups only (not below).
            (12, 5, "gD1", "13:00", True),
            (13, 5, "gC3", "13:10", False),
            (14, 5, "gT2", "13:20", False),
        ]
    )
    found = directives_without_register(clusters, messages, GROUPS, ANCESTORS)
    assert found.rows() == [("found:1", 1, at("10:00"), "D1", "gD1", 2)]


def test_a_cluster_holding_a_register_directive_is_not_found_again():
    clusters, messages = frames(
        [
            (-1, 1, "", "09:59", False),
            (0, 1, "gA", "10:00", True),
            (1, 1, "gC1", "10:20", False),
            (2, 1, "gC2", "10:40", False),
        ]
    )
    assert directives_without_register(clusters, messages, GROUPS, ANCESTORS).height == 0


def test_the_number_of_groups_below_is_a_setting():
    clusters, messages = frames([(0, 4, "gA", "12:00", True), (1, 4, "gC3", "12:30", False)])
    found = directives_without_register(clusters, messages, GROUPS, ANCESTORS, min_groups_below=1)
    assert found.select("key", "unit_id", "groups_below").rows() == [("found:4", "S", 1)]
