"""Designated admin: the roster's admin column against the chat's admin changes."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.admins import designated_admin_status

ROSTER_DAY = datetime(2026, 10, 1)


def status(
    *,
    listed_admin: bool | None,
    events: list[tuple[datetime, str]],
    roster_day: datetime | None = ROSTER_DAY,
    admin_phone: str | None = "+91900",
) -> tuple[object, ...]:
    groups = pl.DataFrame(
        {"group_id": ["G1"], "admin_phone": [admin_phone]},
        schema_overrides={"admin_phone": pl.String},
    )
    members = pl.DataFrame(
        {"group_id": ["G1"], "person_id": ["+91900"], "is_admin": [listed_admin]}
        if listed_admin is not None
        else {"group_id": [], "person_id": [], "is_admin": []},
        schema={"group_id": pl.String, "person_id": pl.String, "is_admin": pl.Boolean},
    )
    rosters = pl.DataFrame(
        {"group_id": ["G1"], "as_of": [roster_day]}
        if roster_day
        else {"group_id": [], "as_of": []},
        schema={"group_id": pl.String, "as_of": pl.Datetime("us")},
    )
    chat = pl.DataFrame(
        {
            "group_id": ["G1"] * len(events),
            "person_id": ["+91900"] * len(events),
            "ts": [ts for ts, _ in events],
            "event": [event for _, event in events],
        },
        schema={
            "group_id": pl.String,
            "person_id": pl.String,
            "ts": pl.Datetime("us"),
            "event": pl.String,
        },
    )
    return designated_admin_status(groups, members, rosters, chat).row(0)


def test_roster_admin_flag_holds_without_chat_events() -> None:
    assert status(listed_admin=True, events=[]) == ("G1", True, "roster")


def test_made_admin_after_the_roster_makes_the_designated_admin_admin() -> None:
    made = [(datetime(2026, 10, 5), "admin_made")]
    assert status(listed_admin=False, events=made) == ("G1", True, "chat")


def test_dismissed_after_the_roster_overrules_the_roster_flag() -> None:
    dismissed = [(datetime(2026, 10, 5), "admin_dismissed")]
    assert status(listed_admin=True, events=dismissed) == ("G1", False, "chat")


def test_a_newer_roster_overrules_an_older_chat_event() -> None:
    made_before = [(datetime(2026, 9, 20), "admin_made")]
    assert status(listed_admin=False, events=made_before) == ("G1", False, "roster")


def test_the_latest_of_several_admin_changes_wins() -> None:
    changes = [(datetime(2026, 10, 9), "admin_dismissed"), (datetime(2026, 10, 5), "admin_made")]
    assert status(listed_admin=True, events=changes) == ("G1", False, "chat")


def test_leaving_the_chat_after_being_made_admin_ends_being_admin() -> None:
    changes = [(datetime(2026, 10, 5), "admin_made"), (datetime(2026, 10, 7), "left")]
    assert status(listed_admin=True, events=changes) == ("G1", False, "chat")


def test_other_events_do_not_change_the_admin_flag() -> None:
    added = [(datetime(2026, 10, 5), "added")]
    assert status(listed_admin=True, events=added) == ("G1", True, "roster")


def test_chat_alone_decides_for_a_group_without_a_roster() -> None:
    made = [(datetime(2026, 10, 5), "admin_made")]
    assert status(listed_admin=None, events=made, roster_day=None) == ("G1", True, "chat")


def test_group_naming_no_admin_has_no_answer() -> None:
    assert status(listed_admin=True, events=[], admin_phone=None) == ("G1", None, None)


def test_module_docstring_example_runs() -> None:
    import doctest

    import sampark.metrics.groups.admins as module

    assert doctest.testmod(module).failed == 0
