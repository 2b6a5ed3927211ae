"""Message fingerprints and broadcast texts, on SQLite and PostgreSQL: no text in a print,
a re-run adds nothing, a broadcast keeps its widest reach and first sighting."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.db import migrate
from sampark.schema import broadcast_texts, message_prints
from sampark.store.prints import keep_broadcast_texts, signature_bytes, write_message_prints

AT = datetime(2026, 11, 20, 9, 0)
LATER = datetime(2026, 11, 21, 9, 0)


def _prints() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "message_id": [1, 2],
            "group_id": ["G1", "G2"],
            "ts": [AT, AT],
            "keyed_hash": [-7, None],
            "signature": [[1, -1, 3, 4], None],
            "numbers": [0, None],
        },
        schema={
            "message_id": pl.Int64,
            "group_id": pl.String,
            "ts": pl.Datetime("us"),
            "keyed_hash": pl.Int64,
            "signature": pl.Array(pl.Int64, 4),
            "numbers": pl.Int64,
        },
    )


def test_prints_are_stored_without_text_and_a_rerun_adds_nothing(db_url):
    engine = migrate(db_url)
    with engine.begin() as conn:
        first = write_message_prints(conn, _prints())
    with engine.begin() as conn:
        again = write_message_prints(conn, _prints())
        rows = conn.execute(sa.select(message_prints)).all()
    assert (first, again) == (1, 0)
    assert [tuple(r) for r in rows] == [(1, "G1", AT, -7, signature_bytes([1, -1, 3, 4]), 0, 0)]
    assert "text" not in message_prints.c


def test_a_broadcast_keeps_its_widest_reach_and_first_sighting(db_url):
    engine = migrate(db_url)
    seen = pl.DataFrame(
        {
            "keyed_hash": [9],
            "text": ["Beware of fake loan calls"],
            "groups": [5],
            "first_seen": [LATER],
        }
    )
    wider = seen.with_columns(groups=pl.lit(8), first_seen=pl.lit(AT))
    with engine.begin() as conn:
        added = keep_broadcast_texts(conn, seen)
        added_again = keep_broadcast_texts(conn, wider)
        rows = conn.execute(sa.select(broadcast_texts)).all()
    assert (added, added_again) == (1, 0)
    assert [tuple(r) for r in rows] == [(9, "Beware of fake loan calls", 8, AT)]
