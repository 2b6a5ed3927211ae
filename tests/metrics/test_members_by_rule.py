"""Every group's members by the one written rule (the newer dated evidence wins, per person),
as Group health's all-groups table counts them: literal frames, invented people."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.memberships import reconciled, reconciled_by_group
from sampark.metrics.groups.standing import (
    group_standing,
    members_by_rule,
    standing_by_group,
)

MARCH_1 = datetime(2024, 3, 1)
WINDOW = (datetime(2024, 3, 1), datetime(2024, 3, 31))


def spells(*rows: tuple[str, str, int, int | None, bool]) -> pl.DataFrame:
    """rows: (group, person, day of March first seen, day left, start is a bound)."""
    return pl.DataFrame(
        {
            "group_id": [r[0] for r in rows],
            "person": [r[1] for r in rows],
            "joined_at": [datetime(2024, 3, r[2]) for r in rows],
            "start_is_bound": [r[4] for r in rows],
            "left_at": [None if r[3] is None else datetime(2024, 3, r[3]) for r in rows],
            "is_admin": [None if r[4] else False for r in rows],
            "first_seen": [datetime(2024, 3, r[2]) for r in rows],
            "last_seen": [datetime(2024, 3, r[3] or r[2]) for r in rows],
        },
        schema_overrides={"left_at": pl.Datetime("us"), "is_admin": pl.Boolean},
    )


def members(*rows: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "group_id": [r[0] for r in rows],
            "person_id": [r[1] for r in rows],
            "is_admin": [False] * len(rows),
        },
        schema={"group_id": pl.String, "person_id": pl.String, "is_admin": pl.Boolean},
    )


def dates(*groups: str) -> pl.DataFrame:
    return pl.DataFrame(
        {"group_id": list(groups), "as_of": [MARCH_1] * len(groups)},
        schema={"group_id": pl.String, "as_of": pl.Datetime("us")},
    )


def test_each_group_takes_the_newer_evidence_per_person() -> None:
    # G1: Ravi listed, left on 5 March (the chat's word); Sita listed, never named (the
    # roster's). G2: no roster at all, Gita added on 4 March (the chat's). G3: roster only.
    standing = standing_by_group(
        members(("G1", "ravi"), ("G1", "sita"), ("G3", "mohan")),
        dates("G1", "G3"),
        spells(("G1", "ravi", 2, 5, True), ("G2", "gita", 4, None, False)),
    )
    assert standing.drop("is_admin").sort("group_id", "person").rows() == [
        ("G1", "ravi", False, "chat"),
        ("G1", "sita", True, "roster"),
        ("G2", "gita", True, "chat"),
        ("G3", "mohan", True, "roster"),
    ]


def test_per_group_members_source_and_spell_moves() -> None:
    standing = standing_by_group(
        members(("G1", "ravi"), ("G1", "sita"), ("G3", "mohan")),
        dates("G1", "G3"),
        found := spells(("G1", "ravi", 2, 5, True), ("G2", "gita", 4, None, False)),
    )
    assert members_by_rule(standing, found, *WINDOW).rows() == [
        ("G1", 1, "both", 0, 1),
        ("G2", 1, "chat", 1, 0),
        ("G3", 1, "roster", 0, 0),
    ]


def test_a_join_and_exit_in_the_window_count_once_each_and_outside_not_at_all() -> None:
    found = spells(("G1", "amit", 4, 9, False), ("G1", "asha", 2, None, True))
    standing = standing_by_group(members(), dates(), found)
    assert members_by_rule(standing, found, datetime(2024, 3, 3), datetime(2024, 3, 31)).rows() == [
        ("G1", 1, "chat", 1, 1)
    ]


def test_a_roster_newer_than_the_chat_keeps_a_person_the_chat_saw_leave() -> None:
    # Left on 2 March, listed on a roster of 10 March: a member again, by the roster.
    found = spells(("G1", "ravi", 1, 2, True))
    roster_dates = pl.DataFrame({"group_id": ["G1"], "as_of": [datetime(2024, 3, 10)]})
    standing = standing_by_group(members(("G1", "ravi")), roster_dates, found)
    assert standing.drop("is_admin").rows() == [("G1", "ravi", True, "roster")]


def test_the_all_groups_rule_is_the_one_group_rule() -> None:
    found = spells(
        ("G1", "ravi", 2, 5, True),
        ("G1", "gita", 4, None, False),
        ("G2", "ravi", 6, None, False),
    )
    roster = members(("G1", "ravi"), ("G1", "sita"), ("G2", "mohan"))
    every = standing_by_group(roster, dates("G1", "G2"), found)
    for group in ("G1", "G2"):
        one = group_standing(
            roster.filter(group_id=group).select(pl.col("person_id").alias("person"), "is_admin"),
            MARCH_1,
            found.filter(group_id=group).with_columns(
                pl.col("person").alias("person_id"), pl.lit(False).alias("incomplete")
            ),
        )
        assert sorted(one.select("person", "is_member", "is_admin", "source").rows()) == sorted(
            every.filter(group_id=group).drop("group_id").rows()
        )


def test_reconciled_is_reconciled_by_group_for_one_group() -> None:
    found = spells(("G1", "ravi", 2, 5, True), ("G1", "gita", 4, None, False))
    roster = pl.DataFrame({"person": ["ravi", "sita"], "is_admin": [True, False]})
    one = reconciled(roster, MARCH_1, found.drop("group_id"))
    by_group = reconciled_by_group(
        roster.with_columns(pl.lit("G1").alias("group_id")),
        pl.DataFrame({"group_id": ["G1"], "snapshot_at": [MARCH_1]}),
        found,
    )
    assert by_group.drop("group_id").equals(one)
    assert one.select("person", "is_member", "source").rows() == [
        ("ravi", False, "chat"),
        ("sita", True, "roster"),
        ("gita", True, "chat"),
    ]
