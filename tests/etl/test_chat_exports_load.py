"""Chat exports through the ETL: matched to their group, people resolved, overlap not repeated."""

from pathlib import Path

import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.registry import etl_file_log
from tests.kotwali_inbox import NNBSP, kotwali_inbox, write_file

FIRST = f"""05/01/24, 9:15{NNBSP}am - SHO Kotwali created group "Kotwali Jan Samvad"
05/01/24, 9:16{NNBSP}am - SHO Kotwali added +91 98765 00002
05/01/24, 9:20{NNBSP}am - +91 98765 00003 joined using this group's invite link
05/01/24, 9:21{NNBSP}am - Ram Prasad: Good morning 🌹
05/01/24, 9:22{NNBSP}am - +91 98765 00002: Road blocked near the market
since 8 am, please send someone
05/01/24, 9:30{NNBSP}am - SHO Kotwali: Team sent. Thank you.
"""

LATER = (
    FIRST
    + f"""06/01/24, 10:00{NNBSP}am - +91 98765 00003 left
06/01/24, 10:05{NNBSP}am - +91 98765 00002: Cleared now, thanks
"""
)


def _inbox(root: Path) -> Path:
    return kotwali_inbox(root, FIRST, more_roster="G1,,9876500002,citizen,no,01-01-2024\n")


def _rows(engine: sa.Engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql)).all()]


def test_chat_messages_are_tied_to_group_and_people(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    assert _rows(
        engine,
        "SELECT group_id, person_id, kind, is_noise, text FROM messages "
        "WHERE kind <> 'system' ORDER BY ts",
    ) == [
        ("G1", "+919876500004", "text", True, None),  # saved contact, found by name
        ("G1", "+919876500002", "text", False, None),  # unsaved contact, by phone
        ("G1", "+919876500001", "text", False, None),
    ]


def test_membership_events_name_the_person_concerned(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    assert _rows(
        engine,
        "SELECT event, person_id FROM membership_events "
        "WHERE event IN ('added', 'joined_link') ORDER BY ts",
    ) == [
        ("added", "+919876500002"),
        ("joined_link", "+919876500003"),
    ]


def test_later_overlapping_export_adds_only_what_is_new(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    write_file(inbox, "chats/WhatsApp Chat with Kotwali Jan Samvad (1).txt", LATER)
    result = run_inbox(engine, inbox)
    later = next(f for f in result.files if f.path.endswith("(1).txt"))
    assert (later.rows_read, later.rows_loaded, later.rows_rejected) == (8, 8, 0)
    assert _rows(engine, "SELECT count(*) FROM messages") == [(8,)]
    assert _rows(engine, "SELECT count(*) FROM membership_events WHERE event = 'left'") == [(1,)]
    with engine.connect() as conn:
        files = etl_file_log(conn)
    note = files.filter(path=later.path)["reason"].item()
    assert note.startswith("group G1: 2 new messages, 1 new membership events; 6 already loaded")


def test_message_text_is_kept_only_when_the_setting_allows(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"), keep_text=True)
    texts = _rows(engine, "SELECT text FROM messages WHERE kind = 'text' ORDER BY ts")
    assert texts[1] == ("Road blocked near the market\nsince 8 am, please send someone",)


def test_chat_of_an_unknown_group_is_rejected_naming_it(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _inbox(tmp_path / "inbox")
    write_file(inbox, "chats/WhatsApp Chat with Patna Sadar Thana.txt", LATER)
    result = run_inbox(engine, inbox)
    bad = next(f for f in result.files if "Patna" in f.path)
    assert (bad.status, bad.reason) == ("rejected", "no group named 'Patna Sadar Thana'")


def test_migrations_give_messages_the_group_person_index_of_the_schema(db_url):
    from sampark.schema import messages

    engine = migrate(db_url)
    found = {i["name"]: i["column_names"] for i in sa.inspect(engine).get_indexes("messages")}
    declared = {i.name: [c.name for c in i.columns] for i in messages.indexes}
    assert found["ix_messages_group_person"] == [
        "group_id",
        "person_id",
        "ts",
        "kind",
        "is_noise",
    ]
    assert found["ix_messages_group_person"] == declared["ix_messages_group_person"]


def test_overlapping_exports_in_a_first_load_add_each_line_once(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _inbox(tmp_path / "inbox")
    write_file(inbox, "chats/WhatsApp Chat with Kotwali Jan Samvad (1).txt", LATER)
    run_inbox(engine, inbox)
    assert _rows(engine, "SELECT count(*) FROM messages") == [(8,)]
    assert _rows(engine, "SELECT count(*) FROM membership_events") == [(4,)]
