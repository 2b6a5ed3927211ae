"""Chat exports fingerprinted while their text is in memory: prints without text, only for
messages with enough text, matched to the messages written; a re-run changes nothing."""

from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.fingerprints.frames import fingerprint_frame
from sampark.queries.registry import etl_file_log, table_counts

NNBSP = "\u202f"
PEPPER = b"test pepper of thirty-two chars!"
ROAD = "Road blocked near the market since 8 am, please send someone"
CLEARED = "Road near the market cleared now, traffic is moving again"

FIRST = f"""05/01/24, 9:15{NNBSP}am - SHO Kotwali created group "Kotwali Jan Samvad"
05/01/24, 9:21{NNBSP}am - Ram Prasad: Good morning
05/01/24, 9:22{NNBSP}am - +91 98765 00002: {ROAD}
05/01/24, 9:30{NNBSP}am - SHO Kotwali: Team sent. Thank you.
"""
LATER = FIRST + f"06/01/24, 10:05{NNBSP}am - +91 98765 00002: {CLEARED}\n"


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _inbox(root: Path, chat: str) -> Path:
    _write(root, "units.csv", "Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    _write(
        root,
        "groups.csv",
        "Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,Kotwali Jan Samvad\n",
    )
    _write(root, "chats/WhatsApp Chat with Kotwali Jan Samvad.txt", chat)
    return root


def _hash(text: str) -> int:
    return int(fingerprint_frame(pl.Series([text]), PEPPER, engine="python")["keyed_hash"][0])


def _prints(engine: sa.Engine) -> list[tuple[str, int]]:
    sql = (
        "SELECT m.author, p.keyed_hash FROM message_prints p "
        "JOIN messages m ON m.message_id = p.message_id ORDER BY m.ts"
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql)).all()]


def test_messages_with_enough_text_are_printed_and_their_text_dropped(db_url, tmp_path):
    engine = migrate(db_url)
    run = Fingerprinting(PEPPER)
    run_inbox(engine, _inbox(tmp_path / "inbox", FIRST), prints=run)
    assert _prints(engine) == [("+91 98765 00002", _hash(ROAD))]
    with engine.connect() as conn:
        texts = conn.execute(sa.text("SELECT text FROM messages")).scalars().all()
        note = etl_file_log(conn).filter(pl.col("source") == "chats")["reason"][0]
    assert set(texts) == {None}
    assert note.endswith("; messages 1 fingerprinted")
    assert {text for text, _ in run.texts.values()} == {ROAD}


def test_a_rerun_changes_nothing_and_a_later_export_prints_only_its_new_messages(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _inbox(tmp_path / "inbox", FIRST)
    run_inbox(engine, inbox, prints=Fingerprinting(PEPPER))
    with engine.connect() as conn:
        before = table_counts(conn)
    run_inbox(engine, inbox, prints=Fingerprinting(PEPPER))
    with engine.connect() as conn:
        assert {k: v for k, v in table_counts(conn).items() if k not in ("etl_runs",)} == {
            k: v for k, v in before.items() if k not in ("etl_runs",)
        }
    _write(inbox, "chats/later/WhatsApp Chat with Kotwali Jan Samvad.txt", LATER)
    run_inbox(engine, inbox, prints=Fingerprinting(PEPPER))
    assert _prints(engine) == [
        ("+91 98765 00002", _hash(ROAD)),
        ("+91 98765 00002", _hash(CLEARED)),
    ]


def test_without_a_pepper_chats_load_unprinted_and_say_so(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox", FIRST))
    assert _prints(engine) == []
    with engine.connect() as conn:
        note = etl_file_log(conn).filter(pl.col("source") == "chats")["reason"][0]
    assert "not fingerprinted (no pepper set)" in note
