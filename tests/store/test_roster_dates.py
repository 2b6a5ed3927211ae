"""The date of each group's newest member list, which the membership rule weighs the chat
against: a list that only confirms the members moves it, an older list never moves it back,
and a database from before it was kept still reads (SQLite and PostgreSQL). Names and
numbers are invented."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa
from alembic import command

from etl.pipeline import run_inbox
from sampark.access import STATE, Scope
from sampark.db import alembic_config, engine_for, migrate
from sampark.metrics.groups.standing import standing_by_group
from sampark.queries.chats import activity
from sampark.queries.network import network, roster_as_of
from sampark.schema_memberships import roster_dates
from sampark.store.rosters import keep_roster_dates
from tests.kotwali_inbox import NNBSP, ROSTER, ROSTER_HEAD, kotwali_inbox, write_file

RAM = "+919876500004"
# The chat shows Ram Prasad leaving on 10 January, after the first list (1 January).
CHAT = f"""05/01/24, 9:15{NNBSP}am - SHO Kotwali created group "Kotwali Jan Samvad"
10/01/24, 10:00{NNBSP}am - +91 98765 00004 left
"""
# The same two members, listed again on 15 January: Ram is still in the group.
CONFIRMING = ROSTER.replace("01-01-2024", "15-01-2024")
# A list of 12 January without Ram, handed in after the one of 15 January.
OLDER = "G1,SHO Kotwali,9876500001,police,yes,12-01-2024\n"


def _ram(engine: sa.Engine) -> tuple[object, ...]:
    """Ram's standing by the membership rule: is_member, source."""
    with engine.connect() as conn:
        net, chats = network(conn, STATE), activity(conn, STATE)
    standing = standing_by_group(net.members, chats.rosters, chats.spells)
    return standing.filter(pl.col("person") == RAM).select("is_member", "source").row(0)


def _as_of(engine: sa.Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return roster_as_of(conn, STATE).rows()


def test_a_newer_list_confirming_the_members_beats_an_older_chat_exit(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = kotwali_inbox(tmp_path / "inbox", CHAT)
    run_inbox(engine, inbox)
    assert _ram(engine) == (False, "chat")
    assert _as_of(engine) == [("G1", datetime(2024, 1, 1))]

    write_file(inbox, "rosters/r2.csv", ROSTER_HEAD + CONFIRMING)
    run_inbox(engine, inbox)
    assert _as_of(engine) == [("G1", datetime(2024, 1, 15))]
    assert _ram(engine) == (True, "roster")


def test_a_unit_s_reader_sees_its_groups_roster_dates(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = kotwali_inbox(tmp_path / "inbox", CHAT)
    write_file(inbox, "rosters/r2.csv", ROSTER_HEAD + CONFIRMING)
    run_inbox(engine, inbox)
    with engine.connect() as conn:
        assert roster_as_of(conn, Scope("T1")).rows() == [("G1", datetime(2024, 1, 15))]


def test_the_same_inbox_again_changes_no_roster_date(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = kotwali_inbox(tmp_path / "inbox", CHAT)
    write_file(inbox, "rosters/r2.csv", ROSTER_HEAD + CONFIRMING)
    run_inbox(engine, inbox)
    before = _as_of(engine)
    run_inbox(engine, inbox)
    assert _as_of(engine) == before == [("G1", datetime(2024, 1, 15))]


def test_an_older_list_arriving_later_is_rejected_and_keeps_the_date(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = kotwali_inbox(tmp_path / "inbox", CHAT)
    run_inbox(engine, inbox)
    write_file(inbox, "rosters/r2.csv", ROSTER_HEAD + CONFIRMING)
    run_inbox(engine, inbox)
    write_file(inbox, "rosters/r3.csv", ROSTER_HEAD + OLDER)
    result = run_inbox(engine, inbox)
    late = next(f for f in result.files if f.path.endswith("r3.csv"))
    assert late.rows_rejected == 1
    assert _as_of(engine) == [("G1", datetime(2024, 1, 15))]
    assert _ram(engine) == (True, "roster")


def test_an_older_list_date_never_replaces_a_newer_one(db_url):
    engine = migrate(db_url)
    listed = pl.DataFrame({"group_id": ["G1", "G1"], "as_of": [datetime(2024, 1, 15)] * 2})
    with engine.begin() as conn:
        keep_roster_dates(conn, listed.head(1))
        keep_roster_dates(conn, listed.with_columns(pl.lit(datetime(2024, 1, 12)).alias("as_of")))
        keep_roster_dates(conn, listed.tail(1))
    with engine.connect() as conn:
        kept = conn.execute(sa.select(roster_dates.c.group_id, roster_dates.c.as_of)).all()
    assert [tuple(r) for r in kept] == [("G1", datetime(2024, 1, 15))]


def test_migrating_a_database_with_memberships_keeps_their_roster_date(db_url):
    cfg = alembic_config(db_url)
    engine = engine_for(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0013_spread_directives")
        for sql in (
            "INSERT INTO units (unit_id, kind, name) VALUES ('T1', 'thana', 'Kotwali')",
            "INSERT INTO groups (group_id, unit_id, kind, name)"
            " VALUES ('G1', 'T1', 'thana_public', 'Kotwali Jan Samvad')",
            "INSERT INTO people (person_id, name, category)"
            " VALUES ('+919876500004', 'Ram', 'trader')",
            "INSERT INTO memberships (group_id, person_id, joined_at, is_admin, source)"
            " VALUES ('G1', '+919876500004', '2024-01-01 00:00:00', false, 'r.csv')",
        ):
            conn.execute(sa.text(sql))
    engine.dispose()
    engine = migrate(db_url)
    assert _as_of(engine) == [("G1", datetime(2024, 1, 1))]
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(roster_dates)).scalar() == 0
