"""Designated admin: the roster's admin column against the chat's membership and admin lines,
by the one rule both Group health's table and a group's member panel apply. Invented phones."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.admins import designated_admin_is_admin, designated_admin_status
from sampark.metrics.groups.memberships import chat_memberships
from sampark.metrics.groups.memberships import stored_spells as as_stored
from sampark.metrics.groups.standing import group_standing, standing_by_group

ROSTER_DAY = datetime(2026, 10, 1)
SHO = "+91900"


def stored_spells(group: str, events: list[tuple[datetime, str]]) -> pl.DataFrame:
    """The group's chat spells as the store keeps them, from (time, event) lines about the SHO
    (an unseen start stands at the first word of the person, marked a bound)."""
    lines = pl.DataFrame(
        {
            "ts": [ts for ts, _ in events],
            "event": [event for _, event in events],
            "actor": [SHO] * len(events),
            "subject": [SHO] * len(events),
        },
        schema={
            "ts": pl.Datetime("us"),
            "event": pl.String,
            "actor": pl.String,
            "subject": pl.String,
        },
    )
    spells = chat_memberships(lines).with_columns(pl.col("person").alias("person_id"))
    return as_stored(spells, group).with_columns(pl.lit(False).alias("incomplete"))


def roster_members(group: str, listed_admin: bool | None) -> pl.DataFrame:
    return pl.DataFrame(
        {"group_id": [group], "person_id": [SHO], "is_admin": [listed_admin]}
        if listed_admin is not None
        else {"group_id": [], "person_id": [], "is_admin": []},
        schema={"group_id": pl.String, "person_id": pl.String, "is_admin": pl.Boolean},
    )


def roster_dates(group: str, roster_day: datetime | None) -> pl.DataFrame:
    return pl.DataFrame(
        {"group_id": [group], "as_of": [roster_day]}
        if roster_day
        else {"group_id": [], "as_of": []},
        schema={"group_id": pl.String, "as_of": pl.Datetime("us")},
    )


def status(
    *,
    listed_admin: bool | None,
    events: list[tuple[datetime, str]],
    roster_day: datetime | None = ROSTER_DAY,
    admin_phone: str | None = SHO,
) -> tuple[object, ...]:
    """The all-groups answer for one group G1, checked against the one-group answer."""
    groups = pl.DataFrame(
        {"group_id": ["G1"], "admin_phone": [admin_phone]},
        schema_overrides={"admin_phone": pl.String},
    )
    spells = stored_spells("G1", events)
    standing = standing_by_group(
        roster_members("G1", listed_admin), roster_dates("G1", roster_day), spells
    )
    every = designated_admin_status(groups, standing).row(0)
    roster = roster_members("G1", listed_admin).select(
        pl.col("person_id").alias("person"), "is_admin"
    )
    one = designated_admin_is_admin(
        group_standing(roster, roster_day if listed_admin is not None else None, spells),
        admin_phone,
    )
    assert every[1:] == one, "the one-group view must give the all-groups answer"
    return every


def test_roster_admin_flag_holds_without_chat_events() -> None:
    assert status(listed_admin=True, events=[]) == ("G1", True, "roster")


def test_made_admin_after_the_roster_makes_the_designated_admin_admin() -> None:
    made = [(datetime(2026, 10, 5), "admin_made")]
    assert status(listed_admin=False, events=made) == ("G1", True, "chat")


def test_dismissed_after_the_roster_overrules_the_roster_flag() -> None:
    dismissed = [(datetime(2026, 10, 5), "admin_dismissed")]
    assert status(listed_admin=True, events=dismissed) == ("G1", False, "chat")


def test_dismissed_on_the_roster_day_overrules_the_roster_flag() -> None:
    # A roster carries the day only, the chat the minute: on the roster's day the chat wins.
    dismissed = [(datetime(2026, 10, 1, 11, 30), "admin_dismissed")]
    roster_at_noon = datetime(2026, 10, 1, 12)
    assert status(listed_admin=True, events=dismissed, roster_day=roster_at_noon) == (
        "G1",
        False,
        "chat",
    )


def test_a_newer_roster_overrules_an_older_chat_event() -> None:
    made_before = [(datetime(2026, 9, 20), "admin_made")]
    assert status(listed_admin=False, events=made_before) == ("G1", False, "roster")


def test_the_latest_of_several_admin_changes_wins() -> None:
    changes = [(datetime(2026, 10, 5), "admin_made"), (datetime(2026, 10, 9), "admin_dismissed")]
    assert status(listed_admin=True, events=changes) == ("G1", False, "chat")


def test_leaving_the_chat_after_being_made_admin_ends_being_admin() -> None:
    changes = [(datetime(2026, 10, 5), "admin_made"), (datetime(2026, 10, 7), "left")]
    assert status(listed_admin=True, events=changes) == ("G1", False, "chat")


def test_added_again_after_the_roster_is_no_admin_until_made_one() -> None:
    # Removed before the roster of 1 October (which still marks him admin), added back on
    # 5 October: WhatsApp makes a newcomer a plain member. Weighing only the admin lines, the
    # old all-groups check kept the roster's "admin" while the member panel said "not admin".
    changes = [(datetime(2026, 9, 20), "removed"), (datetime(2026, 10, 5), "added")]
    assert status(listed_admin=True, events=changes) == ("G1", False, "chat")


def test_other_events_do_not_change_the_admin_flag() -> None:
    pinned = [(datetime(2026, 10, 5), "message_pinned")]
    assert status(listed_admin=True, events=pinned) == ("G1", True, "roster")


def test_chat_alone_decides_for_a_group_without_a_roster() -> None:
    made = [(datetime(2026, 10, 5), "admin_made")]
    assert status(listed_admin=None, events=made, roster_day=None) == ("G1", True, "chat")


def test_an_admin_neither_source_names_is_not_admin_by_the_roster() -> None:
    assert status(listed_admin=None, events=[], roster_day=None) == ("G1", False, "roster")


def test_group_naming_no_admin_has_no_answer() -> None:
    assert status(listed_admin=True, events=[], admin_phone=None) == ("G1", None, None)


def test_both_views_agree_on_every_group_of_one_network() -> None:
    # Four groups, one roster date, each SHO with a different story in the chat.
    stories = {
        "G1": (True, [(datetime(2026, 10, 5), "admin_dismissed")]),
        "G2": (False, [(datetime(2026, 10, 6), "admin_made")]),
        "G3": (True, [(datetime(2026, 9, 2), "left"), (datetime(2026, 10, 3), "joined_link")]),
        "G4": (True, [(datetime(2026, 9, 2), "admin_dismissed")]),
    }
    groups = pl.DataFrame({"group_id": list(stories), "admin_phone": [SHO] * len(stories)})
    members = pl.concat([roster_members(g, listed) for g, (listed, _) in stories.items()])
    dates = pl.concat([roster_dates(g, ROSTER_DAY) for g in stories])
    spells = pl.concat([stored_spells(g, events) for g, (_, events) in stories.items()])
    every = designated_admin_status(groups, standing_by_group(members, dates, spells))
    for group in stories:
        roster = members.filter(group_id=group).select(
            pl.col("person_id").alias("person"), "is_admin"
        )
        standing = group_standing(roster, ROSTER_DAY, spells.filter(group_id=group))
        assert every.filter(group_id=group).row(0)[1:] == designated_admin_is_admin(standing, SHO)
    assert every.rows() == [
        ("G1", False, "chat"),
        ("G2", True, "chat"),
        ("G3", False, "chat"),
        ("G4", True, "roster"),
    ]


def test_module_docstring_examples_run() -> None:
    import doctest

    import sampark.metrics.groups.admins as module

    assert doctest.testmod(module).failed == 0
