"""Membership spells from a chat's events, and the rule for a chat and a roster that disagree
(`sampark/metrics/groups/memberships.py`). Names are invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from etl.sources.whatsapp import parse_export
from sampark.metrics.groups.memberships import chat_memberships, reconciled

D = datetime


def events(*rows: tuple[datetime, str, str | None, str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "ts": pl.Datetime("us"),
            "event": pl.String,
            "actor": pl.String,
            "subject": pl.String,
        },
        orient="row",
    )


def spells(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    return frame.select(
        "person", "joined_at", "joined_how", "left_at", "left_how", "is_admin"
    ).rows()


def test_added_then_left_is_one_closed_spell_of_the_person_added():
    chat = events(
        (D(2024, 1, 5, 10), "added", "SHO Kotwali", "Amit"),
        (D(2024, 1, 9, 8), "left", "Amit", None),
    )
    assert spells(chat_memberships(chat)) == [
        ("Amit", D(2024, 1, 5, 10), "added", D(2024, 1, 9, 8), "left", False)
    ]


def test_rejoining_by_link_after_removal_starts_a_second_spell():
    chat = events(
        (D(2024, 1, 5), "joined_link", "Ravi", None),
        (D(2024, 2, 1), "removed", "SHO Kotwali", "Ravi"),
        (D(2024, 3, 1), "joined_link", "Ravi", None),
    )
    assert spells(chat_memberships(chat)) == [
        ("Ravi", D(2024, 1, 5), "joined_link", D(2024, 2, 1), "removed", False),
        ("Ravi", D(2024, 3, 1), "joined_link", None, None, False),
    ]


def test_exit_without_a_join_in_the_export_is_a_spell_with_unseen_start():
    chat = events((D(2024, 1, 9), "left", "Suman", None))
    assert spells(chat_memberships(chat)) == [("Suman", None, None, D(2024, 1, 9), "left", None)]


def test_second_add_while_in_the_group_changes_nothing():
    chat = events(
        (D(2024, 1, 5), "added", "SHO Kotwali", "Geeta"),
        (D(2024, 1, 6), "added", "SI Ramesh", "Geeta"),
    )
    assert spells(chat_memberships(chat)) == [("Geeta", D(2024, 1, 5), "added", None, None, False)]


def test_creator_is_admin_and_dismissal_ends_it():
    chat = events(
        (D(2024, 1, 1), "created", "SHO Kotwali", "Kotwali Public"),
        (D(2024, 1, 2), "added", "SHO Kotwali", "Amit"),
        (D(2024, 1, 3), "admin_made", "SHO Kotwali", "Amit"),
        (D(2024, 1, 4), "admin_dismissed", "SHO Kotwali", "Amit"),
    )
    assert spells(chat_memberships(chat)) == [
        ("SHO Kotwali", D(2024, 1, 1), "created", None, None, True),
        ("Amit", D(2024, 1, 2), "added", None, None, False),
    ]


def test_made_admin_with_no_join_in_the_export_is_a_member_admin_of_unseen_start():
    chat = events((D(2024, 1, 3), "admin_made", "SHO Kotwali", "Neha"))
    assert spells(chat_memberships(chat)) == [("Neha", None, None, None, None, True)]


def test_events_that_are_not_membership_changes_make_no_spell():
    chat = events(
        (D(2024, 1, 3), "subject_changed", "SHO Kotwali", "Kotwali Thana"),
        (D(2024, 1, 3), "unknown", None, None),
    )
    assert chat_memberships(chat).height == 0


def test_spells_from_a_parsed_export_split_the_list_of_people_added(tmp_path: Path):
    path = tmp_path / "WhatsApp Chat with PS Kotwali.txt"
    path.write_text(
        "13/01/24, 7:41 pm - SHO Kotwali added Amit, Ravi and Geeta\n"
        "14/01/24, 9:00 am - Amit: Namaste\n"
        "15/01/24, 9:00 am - Ravi left\n",
        encoding="utf-8",
    )
    found = chat_memberships(parse_export(path).events)
    assert found.select("person", "joined_at", "left_at").rows() == [
        ("Amit", D(2024, 1, 13, 19, 41), None),
        ("Ravi", D(2024, 1, 13, 19, 41), D(2024, 1, 15, 9, 0)),
        ("Geeta", D(2024, 1, 13, 19, 41), None),
    ]


ROSTER_DAY = D(2024, 3, 1)


def roster(*rows: tuple[str, bool]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"person": pl.String, "is_admin": pl.Boolean}, orient="row")


def verdict(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    return frame.select("person", "is_member", "joined_at", "left_at", "is_admin", "source").rows()


def test_chat_exit_after_the_roster_date_ends_the_roster_membership():
    chat = chat_memberships(
        events(
            (D(2024, 1, 5), "added", "SHO Kotwali", "Ravi"),
            (D(2024, 3, 5), "left", "Ravi", None),
        )
    )
    assert verdict(reconciled(roster(("Ravi", False)), ROSTER_DAY, chat)) == [
        ("Ravi", False, D(2024, 1, 5), D(2024, 3, 5), False, "chat")
    ]


def test_newer_roster_listing_someone_who_left_in_the_chat_makes_them_a_member_again():
    chat = chat_memberships(events((D(2024, 2, 1), "left", "Ravi", None)))
    assert verdict(reconciled(roster(("Ravi", False)), ROSTER_DAY, chat)) == [
        ("Ravi", True, ROSTER_DAY, None, False, "roster")
    ]


def test_chat_event_on_the_roster_day_wins_over_the_roster():
    chat = chat_memberships(events((D(2024, 3, 1, 18, 30), "removed", "SHO Kotwali", "Ravi")))
    assert verdict(reconciled(roster(("Ravi", False)), D(2024, 3, 1, 9), chat)) == [
        ("Ravi", False, D(2024, 3, 1, 9), D(2024, 3, 1, 18, 30), None, "chat")
    ]


def test_roster_member_the_chat_never_names_stays_a_member_by_the_roster():
    chat = chat_memberships(events((D(2024, 3, 5), "joined_link", "Amit", None)))
    assert verdict(reconciled(roster(("Suman", True)), ROSTER_DAY, chat)) == [
        ("Suman", True, ROSTER_DAY, None, True, "roster"),
        ("Amit", True, D(2024, 3, 5), None, False, "chat"),
    ]


def test_newer_roster_without_a_chat_member_ends_that_membership_on_the_roster_date():
    chat = chat_memberships(events((D(2024, 2, 1), "added", "SHO Kotwali", "Amit")))
    assert verdict(reconciled(roster(), ROSTER_DAY, chat)) == [
        ("Amit", False, D(2024, 2, 1), ROSTER_DAY, False, "roster")
    ]


def test_roster_member_seen_joining_earlier_keeps_the_chat_join_time():
    chat = chat_memberships(events((D(2024, 1, 5, 11), "added", "SHO Kotwali", "Geeta")))
    assert verdict(reconciled(roster(("Geeta", True)), ROSTER_DAY, chat)) == [
        ("Geeta", True, D(2024, 1, 5, 11), None, True, "roster")
    ]


def test_admin_flag_made_in_the_chat_after_the_roster_date_wins():
    chat = chat_memberships(events((D(2024, 3, 2), "admin_made", "SHO Kotwali", "Neha")))
    assert verdict(reconciled(roster(("Neha", False)), ROSTER_DAY, chat)) == [
        ("Neha", True, ROSTER_DAY, None, True, "chat")
    ]


def test_module_docstring_example_runs() -> None:
    import doctest

    import sampark.metrics.groups.memberships as module

    assert doctest.testmod(module).failed == 0


def test_keyed_events_name_a_person_by_id_where_any_event_matched_the_name() -> None:
    from sampark.metrics.groups.memberships import keyed_events_by_group

    events = pl.DataFrame(
        {
            "group_id": ["G-KOT"] * 3,
            "ts": [datetime(2024, 1, 5, 9), datetime(2024, 1, 5, 9), datetime(2024, 1, 6, 9)],
            "event": ["added", "added", "left"],
            "actor": ["SHO Kotwali", "SHO Kotwali", "Ravi"],
            "subject": ["Ravi", "Ravi", None],
            "person_id": ["+919800000002", "+919800000002", None],
            "file_id": [1, 2, 2],
        }
    )
    keyed = keyed_events_by_group(events)
    assert keyed.select("event", "actor", "subject", "file_id").rows() == [
        ("added", "+919800000002", "+919800000002", 1),  # the overlap's copy dropped
        ("left", "+919800000002", "+919800000002", 2),
    ]


def test_many_groups_in_one_pass_give_each_group_its_own_spells() -> None:
    from sampark.metrics.groups.memberships import (
        chat_memberships_by_group,
        keyed_events_by_group,
    )

    # Ravi is in both groups: left one, still in the other; only Gaya matched his name to an id.
    both = pl.DataFrame(
        {
            "group_id": ["G-GAYA", "G-PATNA", "G-GAYA", "G-PATNA"],
            "ts": [D(2024, 1, 5, 9), D(2024, 1, 6, 9), D(2024, 1, 7, 9), D(2024, 1, 8, 9)],
            "event": ["added", "joined_link", "left", "added"],
            "actor": ["SHO Gaya", "Ravi", "Ravi", "SHO Patna"],
            "subject": ["Ravi", None, None, "Neha"],
            "person_id": ["+919800000002", None, None, None],
            "file_id": [1, 2, 1, 2],
        }
    )
    keyed = keyed_events_by_group(both)
    assert keyed.select("group_id", "actor").rows() == [
        ("G-GAYA", "+919800000002"),
        ("G-PATNA", "Ravi"),  # the id Gaya's roster gave is not Patna's to use
        ("G-GAYA", "+919800000002"),
        ("G-PATNA", "Neha"),
    ]
    found = chat_memberships_by_group(keyed).select(
        "group_id", "person", "joined_at", "joined_how", "left_at", "left_how", "is_admin"
    )
    assert found.rows() == [
        ("G-GAYA", "+919800000002", D(2024, 1, 5, 9), "added", D(2024, 1, 7, 9), "left", False),
        ("G-PATNA", "Ravi", D(2024, 1, 6, 9), "joined_link", None, None, False),
        ("G-PATNA", "Neha", D(2024, 1, 8, 9), "added", None, None, False),
    ]
    # The same as each group's events on their own.
    for group_id in ("G-GAYA", "G-PATNA"):
        alone = chat_memberships(keyed.filter(pl.col("group_id") == group_id).drop("group_id"))
        assert found.filter(pl.col("group_id") == group_id).drop("group_id").rows() == (
            alone.select(found.columns[1:]).rows()
        )
