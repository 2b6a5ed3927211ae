"""The bulk path (executemany on SQLite, COPY as CSV on PostgreSQL) stores what it was given."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.db import migrate
from sampark.schema import groups, messages, units
from sampark.store.sql import bulk_insert

TEXTS = ["", None, 'a, "quoted"\nsecond line', "हिंदी संदेश", "\\N", "NULL", "back\\slash\ttab"]


def message_rows(n: int) -> pl.DataFrame:
    """`n` messages of group G1 whose texts cycle through `TEXTS`."""
    return pl.DataFrame(
        {
            "group_id": ["G1"] * n,
            "ts": [datetime(2026, 5, 1, 9, 0, 0, i) for i in range(n)],
            "author": [TEXTS[i % len(TEXTS)] for i in range(n)],
            "person_id": [None if i % 2 else f"+91987650{i:04d}" for i in range(n)],
            "kind": ["text"] * n,
            "is_noise": [i % 3 == 0 for i in range(n)],
            "text": [TEXTS[(i + 1) % len(TEXTS)] for i in range(n)],
            "file_id": [None if i % 5 == 0 else 7 for i in range(n)],
        },
        schema_overrides={"ts": pl.Datetime("us"), "file_id": pl.Int64},
    )


def one_group(conn: sa.Connection) -> None:
    """Unit U1 and its group G1, which the messages of `message_rows` belong to."""
    conn.execute(sa.insert(units), [{"unit_id": "U1", "kind": "state", "name": "Bihar"}])
    conn.execute(
        sa.insert(groups),
        [{"group_id": "G1", "unit_id": "U1", "kind": "thana", "name": "Kotwali"}],
    )


def _stored(engine: sa.Engine) -> list[tuple[object, ...]]:
    m = messages.c
    columns = [m.ts, m.author, m.person_id, m.kind, m.is_noise, m.text, m.file_id]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(*columns).order_by(m.message_id))]


def test_every_value_comes_back_as_written_empty_text_and_null_kept_apart(db_url):
    engine = migrate(db_url)
    frame = message_rows(len(TEXTS) * 3)
    with engine.begin() as conn:
        one_group(conn)
        bulk_insert(conn, messages, frame)
    expected = [
        (r["ts"], r["author"], r["person_id"], "text", r["is_noise"], r["text"], r["file_id"])
        for r in frame.to_dicts()
    ]
    assert _stored(engine) == expected
    assert expected[0][1] == "" and expected[1][1] is None


def test_constants_fill_every_row_with_the_type_the_tables_take() -> None:
    from sampark.store.sql import with_constants

    rows = pl.DataFrame({"author": ["Ravi", "Suman", None]})
    tagged = with_constants(rows, group_id="G-KOT", file_id=12)
    assert tagged.schema == pl.Schema(
        {"author": pl.String, "group_id": pl.String, "file_id": pl.Int64}
    )
    assert tagged.rows() == [("Ravi", "G-KOT", 12), ("Suman", "G-KOT", 12), (None, "G-KOT", 12)]
    assert with_constants(rows.clear(), group_id="G-KOT").shape == (0, 2)
