"""SQLite's image path (`sampark.store.sqlite_image`) stores exactly what executemany stores:
the same text for times, dates and booleans, nulls and empty text apart, ids in the frame's
order, clashes left out and counted, and nothing kept of a savepoint rolled back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest
import sqlalchemy as sa

import sampark.store.sql as store_sql
import sampark.store.sqlite_image as sqlite_image
from sampark.db import migrate
from sampark.schema import messages, register_entries
from sampark.store.sql import bulk_insert, sqlite_insert_new
from sampark.store.sqlite_image import imageable, rows_image, sqlite_bound
from tests.store.test_bulk_insert import message_rows, one_group


def _engine(tmp_path, name: str) -> sa.Engine:
    engine = migrate(f"sqlite:///{tmp_path / name}")
    with engine.begin() as conn:
        one_group(conn)
    return engine


def _raw(engine: sa.Engine, table: str) -> list[tuple[object, ...]]:
    """The rows as SQLite holds them (text, not SQLAlchemy's types), with each value's kind."""
    with engine.connect() as conn:
        columns = [c["name"] for c in sa.inspect(conn).get_columns(table)]
        typed = ", ".join(f"{c}, typeof({c})" for c in columns)
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {typed} FROM {table} ORDER BY 1")]


def test_an_image_stores_every_value_as_executemany_does(tmp_path, monkeypatch):
    # A NUL inside a text too, which SQLite keeps (PostgreSQL refuses it).
    third = pl.int_range(pl.len()) == 2
    frame = message_rows(40).with_columns(
        author=pl.when(third).then(pl.lit("nul\x00inside")).otherwise(pl.col("author"))
    )
    by_rows, by_image = _engine(tmp_path, "rows.db"), _engine(tmp_path, "image.db")
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 10**9)
    with by_rows.begin() as conn:
        bulk_insert(conn, messages, frame)
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)
    with by_image.begin() as conn:
        bulk_insert(conn, messages, frame)
    stored = _raw(by_image, "messages")
    assert stored == _raw(by_rows, "messages")
    first = stored[0]  # message_id, ts, … each followed by its SQLite type
    assert first[4:6] == ("2026-05-01 09:00:00.000000", "text")
    assert stored[0][8:10] == ("", "text") and stored[1][8:10] == (None, "null")  # author
    assert stored[6][14:16] == ("", "text") and stored[0][14:16] == (None, "null")  # text
    assert {r[12] for r in stored} == {0, 1} and {r[13] for r in stored} == {"integer"}
    assert stored[2][8] == "nul\x00inside"


def test_new_rows_take_ids_in_the_frames_order_across_images(tmp_path, monkeypatch):
    engine = _engine(tmp_path, "order.db")
    monkeypatch.setattr(store_sql, "CHUNK_ROWS", 3)
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)
    frame = message_rows(10).with_columns(pl.Series("author", [f"m{i}" for i in range(10)]))
    with engine.begin() as conn:
        bulk_insert(conn, messages, frame.reverse())
        rows = conn.execute(sa.select(messages.c.message_id, messages.c.author)).all()
    assert sorted(rows) == [(i + 1, f"m{9 - i}") for i in range(10)]


def test_an_image_that_cannot_be_made_leaves_its_rows_to_go_row_by_row(tmp_path, monkeypatch):
    engine = _engine(tmp_path, "full.db")
    monkeypatch.setattr(store_sql, "CHUNK_ROWS", 4)
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)
    made: list[int] = []

    def second_fails(bound: pl.DataFrame) -> bytes:
        made.append(bound.height)
        if len(made) == 2:
            raise OSError(28, "No space left on device")
        return rows_image(bound)

    monkeypatch.setattr(store_sql, "rows_image", second_fails)
    frame = message_rows(10).with_columns(pl.Series("author", [f"m{i}" for i in range(10)]))
    with engine.begin() as conn:
        bulk_insert(conn, messages, frame)
        rows = conn.execute(sa.select(messages.c.message_id, messages.c.author)).all()
    assert made == [4, 4, 2]
    assert sorted(rows) == [(i + 1, f"m{i}") for i in range(10)]


def test_a_key_already_held_is_left_out_and_only_new_rows_counted(tmp_path, monkeypatch):
    engine = _engine(tmp_path, "keys.db")
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)

    def entries(keys: list[str]) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "unit_id": ["U1"] * len(keys),
                "received_at": [datetime(2026, 3, 1, 10, i) for i in range(len(keys))],
                "category": ["complaint"] * len(keys),
                "status": ["open"] * len(keys),
                "entry_key": keys,
            }
        )

    with engine.begin() as conn:
        assert sqlite_insert_new(conn, register_entries, entries(["k1", "k2"]), "entry_key") == 2
        added = sqlite_insert_new(conn, register_entries, entries(["k2", "k3"]), "entry_key")
        keys = conn.execute(sa.select(register_entries.c.entry_key)).scalars().all()
    assert added == 1
    assert sorted(keys) == ["k1", "k2", "k3"]


def test_a_savepoint_rolled_back_keeps_none_of_its_image_and_the_next_one_loads(
    tmp_path, monkeypatch
):
    engine = _engine(tmp_path, "savepoint.db")
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)
    with engine.begin() as conn:
        nested = conn.begin_nested()
        bulk_insert(conn, messages, message_rows(6))
        nested.rollback()
        bulk_insert(conn, messages, message_rows(4))
        count = conn.execute(sa.select(sa.func.count()).select_from(messages)).scalar()
    assert count == 4


def test_dates_and_columns_of_nulls_have_an_image_form_and_zoned_times_none():
    frame = pl.DataFrame(
        {
            "day": [date(2026, 1, 26), None],
            "flag": [True, None],
            "nothing": [None, None],
        }
    )
    bound = imageable(frame)
    assert bound is not None
    assert bound.rows() == [("2026-01-26", 1, None), (None, None, None)]
    assert bound.schema["nothing"] == pl.String
    zoned = pl.DataFrame({"at": [datetime(2026, 1, 26, tzinfo=UTC)]})
    assert imageable(zoned) is None
    assert imageable(pl.DataFrame({"tags": [["a", "b"]]})) is None


def test_row_binding_leaves_dates_to_the_driver_and_converts_times_and_booleans():
    frame = pl.DataFrame(
        {"at": [datetime(2026, 1, 26, 8, 30)], "day": [date(2026, 1, 26)], "ok": [False]}
    )
    assert sqlite_bound(frame).rows() == [("2026-01-26 08:30:00.000000", date(2026, 1, 26), 0)]


def test_an_image_is_a_database_of_the_rows_in_order(tmp_path):
    import sqlite3

    data = rows_image(pl.DataFrame({"n": [3, 1, 2], "word": ["तीन", "one", None]}))
    path = tmp_path / "image.sqlite"
    path.write_bytes(data)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rowid, n, word FROM rows ORDER BY rowid").fetchall() == [
            (1, 3, "तीन"),
            (2, 1, "one"),
            (3, 2, None),
        ]


@pytest.mark.parametrize("rows", [0, 5])
def test_images_are_sqlites_alone_and_an_empty_frame_attaches_nothing(db_url, rows, monkeypatch):
    engine = migrate(db_url)
    monkeypatch.setattr(store_sql, "IMAGE_ROWS", 1)
    with engine.begin() as conn:
        one_group(conn)
        bulk_insert(conn, messages, message_rows(rows))
        count = conn.execute(sa.select(sa.func.count()).select_from(messages)).scalar()
        if conn.dialect.name == "sqlite":
            schemas = [r[1] for r in conn.exec_driver_sql("PRAGMA database_list")]
            assert (sqlite_image.SCHEMA in schemas) == (rows > 0)
            if rows:  # the image's rows are not kept once copied
                left = f"SELECT count(*) FROM {sqlite_image.SCHEMA}.sqlite_master"
                assert conn.exec_driver_sql(left).scalar() == 0
    assert count == rows
