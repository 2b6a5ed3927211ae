"""Memberships from chat exports stored by the ETL: spells per person, overlap reconciled
once, re-runs idempotent, and per export what is cut off or rests on a guessed phrase.
Names and numbers are invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.schema_memberships import chat_exports, chat_memberships, chat_unverified
from tests.kotwali_inbox import NNBSP, kotwali_inbox, write_file

FIRST = f"""05/01/24, 9:15{NNBSP}am - SHO Kotwali created group "Kotwali Jan Samvad"
05/01/24, 9:16{NNBSP}am - SHO Kotwali added +91 98765 00002
05/01/24, 9:20{NNBSP}am - +91 98765 00003 joined using this group's invite link
05/01/24, 9:21{NNBSP}am - Ram Prasad: Good morning
05/01/24, 9:25{NNBSP}am - Ram Prasad is now an admin
"""

LATER = (
    FIRST
    + f"""06/01/24, 10:00{NNBSP}am - +91 98765 00003 left
06/01/24, 10:05{NNBSP}am - +91 98765 00002: Cleared now, thanks
"""
)

# An Odia phone's "this message was deleted", a wording no source confirms yet.
GUESSED = f"""07/01/24, 9:00{NNBSP}am - Ram Prasad: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
07/01/24, 9:01{NNBSP}am - Ram Prasad: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
07/01/24, 9:02{NNBSP}am - +91 98765 00002 left
"""

SPELLS = sa.select(
    *(
        chat_memberships.c[name]
        for name in (
            "person",
            "joined_at",
            "start_is_bound",
            "joined_how",
            "left_at",
            "left_how",
            "is_admin",
            "source",
        )
    )
).order_by(chat_memberships.c.first_seen, chat_memberships.c.person)


def _inbox(root: Path, chat: str = FIRST) -> Path:
    return kotwali_inbox(root, chat)


def _rows(engine: sa.Engine, stmt: sa.Select[Any]) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt).all()]


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2024, 1, day, hour, minute)


def test_chat_spells_are_stored_per_person_with_their_source(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    source = "chat: chats/WhatsApp Chat with Kotwali Jan Samvad.txt"
    assert _rows(engine, SPELLS) == [
        ("+919876500001", at(5, 9, 15), False, "created", None, None, True, source),
        ("+919876500002", at(5, 9, 16), False, "added", None, None, False, source),
        ("+919876500003", at(5, 9, 20), False, "joined_link", None, None, False, source),
        # Named first by "is now an admin": in the group before the export saw them join.
        ("+919876500004", at(5, 9, 25), True, None, None, None, True, source),
    ]


def test_overlapping_exports_are_reconciled_once_and_a_rerun_changes_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    write_file(inbox, "chats/WhatsApp Chat with Kotwali Jan Samvad (1).txt", LATER)
    run_inbox(engine, inbox)
    spells = _rows(engine, SPELLS)
    assert len(spells) == 4
    assert spells[2][:6] == (
        "+919876500003",
        at(5, 9, 20),
        False,
        "joined_link",
        at(6, 10, 0),
        "left",
    )
    tables = (chat_memberships, chat_exports, chat_unverified)
    before = [_rows(engine, sa.select(t)) for t in tables]
    run_inbox(engine, inbox)
    after = [_rows(engine, sa.select(t)) for t in tables]
    assert after == before


def test_an_export_is_stored_as_complete_when_it_starts_at_the_creation(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    assert _rows(
        engine,
        sa.select(*(chat_exports.c[n] for n in ("group_id", "incomplete", "first_ts", "last_ts"))),
    ) == [("G1", False, at(5, 9, 15), at(5, 9, 25))]


def test_unverified_phrases_are_counted_by_phrase_and_language_without_text(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox", FIRST + GUESSED))
    assert _rows(
        engine,
        sa.select(*(chat_unverified.c[n] for n in ("locale", "kind", "event", "phrase", "lines"))),
    ) == [("or", "deleted", None, "ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି।?", 2)]
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("chat_unverified")}
    assert columns == {"row_id", "file_id", "locale", "kind", "event", "phrase", "lines"}


def _three_groups_events(engine: sa.Engine) -> None:
    """Events of three groups, two exports; Ravi is in two groups."""
    from sampark.schema import etl_files, etl_runs, groups, membership_events, units

    events = [  # group, minute, event, actor, subject, person_id, file_id
        ("G-GAYA", 1, "added", "SHO Gaya", "Ravi", "+919800000002", 1),
        ("G-PATNA", 2, "joined_link", "Ravi", None, None, 2),
        ("G-GAYA", 3, "left", "Ravi", None, None, 1),
        ("G-PATNA", 4, "added", "SHO Patna", "Neha", None, 2),
        ("G-OTHER", 5, "added", "SHO Ara", "Mohan", None, 2),  # not refreshed
    ]
    with engine.begin() as conn:
        conn.execute(sa.insert(units), [{"unit_id": "PS-1", "kind": "ps", "name": "Kotwali"}])
        conn.execute(
            sa.insert(groups),
            [
                {"group_id": g, "unit_id": "PS-1", "kind": "thana", "name": g}
                for g in ("G-GAYA", "G-PATNA", "G-OTHER")
            ],
        )
        run = conn.execute(
            sa.insert(etl_runs).values(started_at=at(8, 9, 0), inbox="inbox")
        ).inserted_primary_key[0]
        conn.execute(
            sa.insert(etl_files),
            [
                {"file_id": i, "run_id": run, "path": f"chats/{i}.txt", "sha256": f"{i:064d}",
                 "source": "chats", "status": "loaded", "loaded_at": at(8, 9, 0)}
                for i in (1, 2)
            ],
        )  # fmt: skip
        conn.execute(
            sa.insert(membership_events),
            [
                {"group_id": g, "ts": at(5, 9, m), "event": e, "actor": a, "subject": s,
                 "person_id": p, "file_id": f}
                for g, m, e, a, s, p, f in events
            ],
        )  # fmt: skip


def test_groups_refreshed_together_get_the_spells_each_gets_alone(db_url):
    from sampark.store.memberships import refresh_chat_memberships

    engine = migrate(db_url)
    _three_groups_events(engine)

    def spells() -> list[tuple[object, ...]]:
        stmt = sa.select(chat_memberships.c.group_id, *SPELLS.selected_columns).order_by(
            chat_memberships.c.group_id, chat_memberships.c.first_seen
        )
        return _rows(engine, stmt)

    with engine.begin() as conn:
        assert refresh_chat_memberships(conn, ["G-GAYA", "G-PATNA"]) == 3
    together = spells()
    assert together == [
        ("G-GAYA", "+919800000002", at(5, 9, 1), False, "added", at(5, 9, 3), "left", False,
         "chat: chats/1.txt"),
        ("G-PATNA", "Ravi", at(5, 9, 2), False, "joined_link", None, None, False,
         "chat: chats/2.txt"),  # Gaya's id for Ravi is not Patna's
        ("G-PATNA", "Neha", at(5, 9, 4), False, "added", None, None, False, "chat: chats/2.txt"),
    ]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(sa.delete(chat_memberships))
        for group_id in ("G-PATNA", "G-GAYA"):
            refresh_chat_memberships(conn, [group_id])
        refresh_chat_memberships(conn, ["G-GAYA", "G-PATNA"])  # again: nothing changes
    assert spells() == together
