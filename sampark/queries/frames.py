"""Statements into polars frames, the dtypes taken from the selected columns' SQLAlchemy
types: a table's schema is written once, in `sampark.schema`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import polars as pl
import sqlalchemy as sa

# SQLite's default limit on bound parameters is 32,766; stay well under it.
IN_CHUNK = 5000
# Rows fetched from the driver at a time by `read_frame`.
FETCH_ROWS = 100_000

# SQLite keeps DateTime as text; SQLAlchemy parses it one value at a time (~2 µs each, a
# noticeable share of Group health's cold run at state scale), polars parses a column at once.
_SQLITE_TS_FORMAT = "%Y-%m-%d %H:%M:%S%.f"

# Column types whose values the database driver returns as SQLAlchemy would, or (SQLite's
# text times and 0/1 booleans) as polars converts a whole column at once.
_DRIVER_TYPES = (sa.String, sa.Integer, sa.Boolean, sa.DateTime, sa.Date)

# SQLAlchemy type → polars dtype, most specific first (Text is a String, BigInteger an Integer).
_DTYPES: tuple[tuple[type[Any], pl.DataType], ...] = (
    (sa.Boolean, pl.Boolean()),
    (sa.DateTime, pl.Datetime("us")),
    (sa.Date, pl.Date()),
    (sa.Integer, pl.Int64()),
    (sa.Float, pl.Float64()),
    (sa.LargeBinary, pl.Binary()),
    (sa.String, pl.String()),
)


def polars_dtype(kind: sa.types.TypeEngine[Any]) -> pl.DataType:
    """The polars dtype a column of SQLAlchemy type `kind` reads into.

    >>> polars_dtype(sa.BigInteger().with_variant(sa.Integer, "sqlite"))
    Int64
    >>> polars_dtype(sa.Text())
    String
    """
    for sa_type, dtype in _DTYPES:
        if isinstance(kind, sa_type):
            return dtype
    raise TypeError(f"no polars dtype for the SQL type {kind!r}")


def columns_schema(columns: Iterable[sa.ColumnElement[Any]]) -> dict[str, pl.DataType]:
    """name → polars dtype of each column (a label gives its name)."""
    schema = {}
    for column in columns:
        name = getattr(column, "name", None)
        if not isinstance(name, str) or name.startswith("%(") or name in schema:
            raise ValueError(f"label {column} with the name it reads as, once")
        schema[name] = polars_dtype(column.type)
    return schema


def read_frame(conn: sa.Connection, stmt: sa.Select[Any]) -> pl.DataFrame:
    """The rows of `stmt` as a frame, one column per selected column, typed from the schema."""
    schema = columns_schema(stmt.selected_columns)
    kinds = [c.type for c in stmt.selected_columns]
    if conn.dialect.name != "sqlite" and all(isinstance(k, _DRIVER_TYPES) for k in kinds):
        # A server-side cursor, read in batches: libpq would otherwise hold the whole result
        # before the first row is read (a state's 2M register entries: 914 MB peak, 472 MB so).
        streamed = conn.execute(stmt, execution_options={"yield_per": FETCH_ROWS})
        parts = [
            pl.DataFrame([tuple(row) for row in rows], schema=schema, orient="row")
            for rows in streamed.partitions()
        ]
        return pl.concat(parts, rechunk=True) if parts else pl.DataFrame(schema=schema)
    result = conn.execute(stmt)
    if result.cursor is None or not all(isinstance(k, _DRIVER_TYPES) for k in kinds):
        return pl.DataFrame(result.all(), schema=schema, orient="row")
    # SQLAlchemy builds a Row per row and converts SQLite's values one at a time: ~40% of a
    # large read. The driver's tuples, converted by polars a column at a time, give the same.
    # They are fetched a batch at a time: the state's 2M register entries as Python tuples
    # and strings, all at once, made the peak of a cold load.
    cursor = result.cursor
    parts = []
    while rows := cursor.fetchmany(FETCH_ROWS):
        parts.append(_typed(rows, schema))
    result.close()
    if not parts:
        return pl.DataFrame(schema=schema)
    return parts[0] if len(parts) == 1 else pl.concat(parts, rechunk=True)


def _typed(rows: Sequence[Any], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """SQLite's driver rows as a frame of `schema` (text times and 0/1 booleans converted)."""
    text_or_int = {
        name: pl.String
        if dtype in (pl.Datetime("us"), pl.Date)
        else pl.Int64
        if dtype == pl.Boolean
        else dtype
        for name, dtype in schema.items()
    }
    frame = pl.DataFrame(rows, schema=text_or_int, orient="row")
    return frame.with_columns(
        pl.col(name).str.to_datetime(_SQLITE_TS_FORMAT, time_unit="us", strict=True)
        if dtype == pl.Datetime("us")
        else pl.col(name).str.to_date("%Y-%m-%d", strict=True)
        if dtype == pl.Date
        else pl.col(name).cast(pl.Boolean)
        for name, dtype in schema.items()
        if dtype in (pl.Datetime("us"), pl.Date, pl.Boolean)
    )


T = TypeVar("T")


def chunks(values: Sequence[T]) -> Iterable[list[T]]:
    """`values` in parts small enough for one IN (…) of bound parameters."""
    for start in range(0, len(values), IN_CHUNK):
        yield list(values[start : start + IN_CHUNK])
