"""How rows reach the tables: batched inserts, upserts on either dialect, and the bulk path
(a database image or executemany on SQLite, COPY on PostgreSQL) for millions of rows."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import polars as pl
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from sampark.store.sqlite_image import (
    CHUNK_ROWS,
    IMAGE_ROWS,
    imageable,
    insert_image,
    rows_image,
    sqlite_bound,
)

BATCH = 5000
# Rows per CSV chunk sent through COPY: a few MB at a time, never the whole frame as text.
COPY_CHUNK = 50_000
# Column types polars writes as CSV the way PostgreSQL's COPY reads them back unchanged
# (an empty text quoted, a null bare; times ISO 8601 without a zone).
_CSV_SAFE = (
    pl.String, pl.Boolean, pl.Date, pl.Datetime("us"), pl.Null,
    pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32,
)  # fmt: skip


def with_constants(frame: pl.DataFrame, **values: str | int) -> pl.DataFrame:
    """`frame` with each value as a column repeated down every row (an int as Int64). Built
    from one-value series, not through a query plan: for the few hundred rows of one chat
    export planning the columns cost ten times filling them."""
    return frame.hstack(
        [
            pl.Series(
                name, [value], dtype=pl.Int64 if isinstance(value, int) else pl.String
            ).new_from_index(0, frame.height)
            for name, value in values.items()
        ]
    )


def records(frame: pl.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    return frame.select(columns).to_dicts()


def batches(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def dialect_insert(conn: sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def upsert(
    conn: sa.Connection,
    table: sa.Table,
    rows: list[dict[str, Any]],
    keys: list[str],
    update: list[str],
) -> None:
    """Insert rows; on a key clash update `update` columns (or leave the row when empty)."""
    if not rows:
        return
    insert = dialect_insert(conn, table)
    if update:
        stmt = insert.on_conflict_do_update(
            index_elements=keys, set_={c: insert.excluded[c] for c in update}
        )
    else:
        stmt = insert.on_conflict_do_nothing(index_elements=keys)
    for batch in batches(rows):
        conn.execute(stmt, batch)


def insert_new(conn: sa.Connection, table: sa.Table, frame: pl.DataFrame, key: str) -> None:
    """Insert the rows whose `key` the table does not hold yet: in bulk through the driver on
    SQLite, as `upsert` on PostgreSQL (COPY cannot skip a clash)."""
    if conn.dialect.name == "sqlite":
        sqlite_insert_new(conn, table, frame, key)
    else:
        upsert(conn, table, frame.to_dicts(), [key], [])


def new_id(result: sa.CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just added."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database returned no key for the new row")
    return int(key[0])


def bulk_insert(conn: sa.Connection, table: sa.Table, frame: pl.DataFrame) -> None:
    """Insert many rows fast: on SQLite through a database image (`sqlite_image`) when there
    are many, else the driver's executemany; COPY on PostgreSQL.

    Millions of chat messages pass here; SQLAlchemy's per-row parameter handling would cost
    more than the parsing. The statement itself is still SQLAlchemy's, compiled once."""
    if frame.is_empty():
        return
    # The compiled INSERT lists columns in table order; the rows must follow it.
    columns = [c.name for c in table.columns if c.name in frame.columns]
    frame = _picked(frame, columns)
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        _copy_rows(conn, copy, frame)
        return
    _sqlite_insert(conn, table, frame)


def _sqlite_insert(
    conn: sa.Connection, table: sa.Table, frame: pl.DataFrame, key: str | None = None
) -> int:
    """SQLite: insert the frame's rows (its columns the table's, in its order); with `key`,
    those whose key the table already holds are left out. Returns how many went in."""
    bound = imageable(frame) if frame.height >= IMAGE_ROWS else None
    if bound is None:
        return _inserted_row_by_row(conn, table, frame, key)
    added = 0
    for start in range(0, frame.height, CHUNK_ROWS):
        try:
            image = rows_image(bound.slice(start, CHUNK_ROWS))
        except OSError:  # no room for an image in the temporary folder: the same rows, slower
            added += _inserted_row_by_row(conn, table, frame.slice(start, CHUNK_ROWS), key)
            continue
        added += insert_image(conn, table, tuple(bound.columns), image, key)
    return added


def _inserted_row_by_row(
    conn: sa.Connection, table: sa.Table, frame: pl.DataFrame, key: str | None
) -> int:
    stmt = _insert_sql(table, tuple(frame.columns), conn.dialect, skip_clash_on=key)
    return int(conn.exec_driver_sql(stmt, sqlite_bound(frame).rows()).rowcount)


@lru_cache(maxsize=128)
def _insert_sql(
    table: sa.Table, columns: tuple[str, ...], dialect: Dialect, skip_clash_on: str | None = None
) -> str:
    """The INSERT of `columns` as the driver runs it (with `skip_clash_on`, SQLite's: a row
    whose key that column already holds is left out), compiled once: a state's load inserts
    into the same few tables thousands of times (one chat export a call)."""
    insert = (
        table.insert()
        if skip_clash_on is None
        else sqlite.insert(table).on_conflict_do_nothing(index_elements=[skip_clash_on])
    )
    return str(insert.compile(dialect=dialect, column_keys=list(columns)))


def _picked(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """`frame`'s `columns`, in that order. Taken as series, not by `select`: that runs a query,
    and in a load's writer each query waits for polars' pool thread, which the parsing
    workers leave little time to run (~2 ms a call, two calls per chat export)."""
    return pl.DataFrame([frame.get_column(c) for c in columns])


def sqlite_insert_new(conn: sa.Connection, table: sa.Table, frame: pl.DataFrame, key: str) -> int:
    """SQLite only: insert the rows whose `key` the table does not hold yet; returns how many
    went in. The unique index is probed once, by the insert itself, instead of once more by a
    look-up before it."""
    if frame.is_empty():
        return 0
    columns = [c.name for c in table.columns if c.name in frame.columns]
    return _sqlite_insert(conn, table, _picked(frame, columns), key)


def _copy_rows(conn: sa.Connection, copy: Any, frame: pl.DataFrame) -> None:
    """COPY the frame in: as CSV written by polars when every column type allows it (no
    Python object per value), else row by row through psycopg."""
    raw = conn.connection.driver_connection
    if all(dtype in _CSV_SAFE for dtype in frame.schema.values()):
        from psycopg import sql

        copy = sql.SQL("{} (FORMAT csv)").format(copy)
        with raw.cursor() as cursor, cursor.copy(copy) as pipe:  # type: ignore[union-attr]
            for start in range(0, frame.height, COPY_CHUNK):
                pipe.write(frame.slice(start, COPY_CHUNK).write_csv(include_header=False))
        return
    with raw.cursor() as cursor, cursor.copy(copy) as pipe:  # type: ignore[union-attr]
        for row in frame.iter_rows():
            pipe.write_row(row)
