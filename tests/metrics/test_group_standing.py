"""One group's members now by the chat and roster rule, from stored spells: literal frames."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.admins import designated_admin_is_admin
from sampark.metrics.groups.standing import group_standing, moves_in_window

ROSTER_DAY = datetime(2024, 3, 1)


def spells(*rows: tuple[str, int, int | None, bool, bool | None]) -> pl.DataFrame:
    """rows: (person, day of March joined/first seen, day left, start is a bound, admin)."""
    return pl.DataFrame(
        {
            "person": [r[0] for r in rows],
            "person_id": [r[0] if r[0].startswith("+") else None for r in rows],
            "joined_at": [datetime(2024, 3, r[1]) for r in rows],
            "start_is_bound": [r[3] for r in rows],
            "joined_how": [None if r[3] else "added" for r in rows],
            "left_at": [None if r[2] is None else datetime(2024, 3, r[2]) for r in rows],
            "left_how": [None if r[2] is None else "left" for r in rows],
            "is_admin": [r[4] for r in rows],
            "first_seen": [datetime(2024, 3, r[1]) for r in rows],
            "last_seen": [datetime(2024, 3, r[2] or r[1]) for r in rows],
            "incomplete": [False] * len(rows),
        },
        schema_overrides={"left_at": pl.Datetime("us"), "left_how": pl.String},
    )


def roster(*people: str, admin: str = "") -> pl.DataFrame:
    return pl.DataFrame(
        {"person": list(people), "is_admin": [p == admin for p in people]},
        schema={"person": pl.String, "is_admin": pl.Boolean},
    )


def test_a_listed_person_the_chat_shows_leaving_later_is_out_and_a_disagreement() -> None:
    out = group_standing(roster("+911"), ROSTER_DAY, spells(("+911", 2, 5, True, None)))
    assert out.select("person", "is_member", "source", "disagrees").rows() == [
        ("+911", False, "chat", True)
    ]


def test_a_join_after_the_roster_is_a_member_by_the_chat_and_no_disagreement() -> None:
    out = group_standing(roster("+911"), ROSTER_DAY, spells(("+912", 4, None, False, False)))
    assert out.select("person", "is_member", "source", "disagrees").rows() == [
        ("+911", True, "roster", False),
        ("+912", True, "chat", False),
    ]


def test_a_newer_roster_leaving_out_a_chat_member_ends_the_spell_and_disagrees() -> None:
    out = group_standing(
        roster("+911"), datetime(2024, 3, 20), spells(("+912", 4, None, False, False))
    )
    assert out.filter(pl.col("person") == "+912").select(
        "is_member", "left_at", "source", "disagrees"
    ).rows() == [(False, datetime(2024, 3, 20), "roster", True)]


def test_without_a_roster_the_chat_is_the_whole_account_and_nothing_disagrees() -> None:
    out = group_standing(roster(), None, spells(("Ravi", 4, None, True, None)))
    assert out.select("person", "person_id", "is_member", "source", "disagrees").rows() == [
        ("Ravi", None, True, "chat", False)
    ]


def test_the_chat_making_the_designated_admin_admin_after_the_roster_counts() -> None:
    out = group_standing(roster("+911"), ROSTER_DAY, spells(("+911", 3, None, True, True)))
    assert designated_admin_is_admin(out, "+911") == (True, "chat")
    assert designated_admin_is_admin(out, "+919") == (False, "roster")
    assert designated_admin_is_admin(out, None) == (None, None)


def test_a_designated_admin_added_back_after_the_roster_is_a_member_but_no_admin() -> None:
    # Listed admin on 1 March; the chat shows him added on 3 March (after a removal the
    # export does not show): a newcomer is a plain member until made admin.
    out = group_standing(
        roster("+911", admin="+911"), ROSTER_DAY, spells(("+911", 3, None, False, False))
    )
    assert out.select("person", "is_member", "is_admin", "source").rows() == [
        ("+911", True, False, "chat")
    ]
    assert designated_admin_is_admin(out, "+911") == (False, "chat")


def test_moves_in_window_count_seen_joins_and_exits_only() -> None:
    found = spells(("+911", 2, 5, True, None), ("+912", 4, None, False, False))
    assert moves_in_window(found, datetime(2024, 3, 3), datetime(2024, 3, 31)) == (1, 1)


def test_module_docstring_example_runs() -> None:
    import doctest

    import sampark.metrics.groups.standing as module

    assert doctest.testmod(module).failed == 0
