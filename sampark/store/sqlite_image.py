"""SQLite's path for many rows at once: the rows written by the ADBC SQLite driver into a
small database (Arrow in, no Python object per value), that database loaded as an in-memory
schema attached to the writer's connection, and copied into the table by one INSERT … SELECT.

Through executemany, most of a state's register load went on turning two million rows into
Python tuples and binding each value again; SQLite's own insert was under a third of it."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

import polars as pl
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect

# Below this many rows executemany is as fast: an image costs ~2 ms to make and load.
IMAGE_ROWS = 4_000
# Rows per image: ~15 MB of register rows, so a large sheet is never held twice whole.
CHUNK_ROWS = 50_000
# The attached in-memory schema the images are loaded into, and its one table.
SCHEMA = "sampark_rows"
_TABLE = "rows"
# Kept in the driver connection's `info`, which lives as long as the attachment does.
_ATTACHED = "sampark.rows_image_attached"

# How SQLAlchemy stores a DateTime and a Date in SQLite; rows written past it must read
# back the same.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%6f"
_SQLITE_DATE = "%Y-%m-%d"
# Column types the driver writes as the values executemany would bind (after `sqlite_bound`).
_IMAGE_SAFE = (
    pl.String, pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32,
    pl.Float32, pl.Float64,
)  # fmt: skip


def sqlite_bound(frame: pl.DataFrame, *, dates: bool = False) -> pl.DataFrame:
    """The frame with each time as SQLAlchemy's SQLite text and each boolean as 0/1 (with
    `dates`, each date as its ISO text too), converted a column at a time."""
    converted = [
        _bound(column, dtype)
        for column, dtype in frame.schema.items()
        if dtype in (pl.Datetime("us"), pl.Boolean) or (dates and dtype == pl.Date)
    ]
    # One query for all the conversions, none when nothing needs converting: in a load's
    # writer each query waits for polars' pool thread.
    return frame.with_columns(converted) if converted else frame


def _bound(column: str, dtype: pl.DataType) -> pl.Expr:
    if dtype == pl.Datetime("us"):
        return pl.col(column).dt.strftime(_SQLITE_DATETIME)
    if dtype == pl.Date:
        return pl.col(column).dt.strftime(_SQLITE_DATE)
    return pl.col(column).cast(pl.Int8)


def imageable(frame: pl.DataFrame) -> pl.DataFrame | None:
    """`frame` as an image holds it (`sqlite_bound`, columns of nulls as text), or None when
    a column's type has no image form that binds the same (a zoned time, a list...)."""
    bound = sqlite_bound(frame, dates=True)
    nulls = [pl.col(c).cast(pl.String) for c, dtype in bound.schema.items() if dtype == pl.Null]
    bound = bound.with_columns(nulls) if nulls else bound
    return bound if all(dtype in _IMAGE_SAFE for dtype in bound.schema.values()) else None


def rows_image(bound: pl.DataFrame) -> bytes:
    """A SQLite database file's bytes holding `bound` (an `imageable` frame) as one table,
    its rowids in the frame's order. Made in a temporary file of its own: the driver has its
    own copy of SQLite, which cannot share an in-memory database with the writer's, and
    which must never open the application's database (two copies of SQLite in one process
    would release each other's file locks)."""
    import adbc_driver_sqlite.dbapi as adbc_sqlite

    handle, name = tempfile.mkstemp(prefix="sampark-rows-", suffix=".sqlite")
    os.close(handle)
    path = Path(name)
    try:
        path.unlink()  # the driver makes the database; an empty file is not one
        with adbc_sqlite.connect(name, autocommit=True) as db, db.cursor() as cursor:
            # A file read back at once and deleted: no journal, nothing flushed to the disk
            # (the flushes were over half the cost of a small image).
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.adbc_ingest(_TABLE, bound, mode="create")
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)


def insert_image(
    conn: sa.Connection,
    table: sa.Table,
    columns: tuple[str, ...],
    image: bytes,
    skip_clash_on: str | None = None,
) -> int:
    """Copy an image's rows (its columns named as `columns`) into `table`, in their order
    (SQLite gives new rows ids in the order inserted); with `skip_clash_on`, a row whose key
    that column already holds is left out. Returns how many rows went in. Runs inside the
    caller's transaction: the schema is attached once per connection (SQLite cannot detach
    within a transaction, but it can load another image into the same schema)."""
    raw = conn.connection.driver_connection
    if not conn.info.get(_ATTACHED):
        conn.exec_driver_sql(f"ATTACH DATABASE ':memory:' AS {SCHEMA}")
        conn.info[_ATTACHED] = True
    raw.deserialize(image, name=SCHEMA)  # type: ignore[union-attr]
    cursor = conn.exec_driver_sql(_insert_sql(table, columns, conn.dialect, skip_clash_on))
    added = int(cursor.rowcount)
    # The image's memory goes now, not when a pooled connection is next used for one.
    raw.deserialize(_empty_database(), name=SCHEMA)  # type: ignore[union-attr]
    return added


@lru_cache(maxsize=1)
def _empty_database() -> bytes:
    """The bytes of a database of one empty page, made by the writer's own SQLite."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA user_version=0")  # a database with no page cannot be serialized
        return db.serialize()
    finally:
        db.close()


@lru_cache(maxsize=64)
def _insert_sql(
    table: sa.Table, columns: tuple[str, ...], dialect: Dialect, skip_clash_on: str | None
) -> str:
    """The INSERT … SELECT from the attached image, compiled once per table and columns."""
    source = sa.table(_TABLE, *[sa.column(c) for c in columns], schema=SCHEMA)
    # WHERE: SQLite's grammar needs one before an upsert's ON CONFLICT after a SELECT.
    rows = sa.select(*source.c).where(sa.true()).order_by(sa.literal_column("rowid"))
    # No column defaults added: as with executemany, the rows hold every column they fill.
    insert = sqlite.insert(table).from_select(list(columns), rows, include_defaults=False)
    if skip_clash_on is not None:
        insert = insert.on_conflict_do_nothing(index_elements=[skip_clash_on])
    return str(insert.compile(dialect=dialect))
