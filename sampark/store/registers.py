"""Register entries and self-harm alerts from the offices' sheets. An entry already loaded
from another file (the same `entry_key`) is rejected as a duplicate, never written twice."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.queries.presence import holds_rows, index_present
from sampark.queries.registers import (
    entry_ids_and_keys,
    entry_keys_after,
    entry_keys_of,
    held_entry_keys,
    last_entry_id,
)
from sampark.schema import alerts, register_entries
from sampark.store.batches import BATCH_INFO, in_batch
from sampark.store.sql import batches, bulk_insert, sqlite_insert_new


def already_loaded(
    conn: sa.Connection, table: sa.Table, rows: pl.DataFrame, what: str, shown: tuple[str, str]
) -> pl.DataFrame:
    """Rejects for rows whose entry_key the table already holds (loaded from another file);
    `shown` names the two columns that identify the row in the reject's raw cells."""
    held = held_entry_keys(conn, table, rows.get_column("entry_key").to_list())
    return duplicates(rows.filter(pl.col("entry_key").is_in(list(held))), what, shown)


def duplicates(rows: pl.DataFrame, what: str, shown: tuple[str, str]) -> pl.DataFrame:
    """`rows` as rejects of entries already loaded from an earlier file."""
    return rows.select(
        "line",
        pl.lit(f"duplicate {what}: already loaded from an earlier file").alias("reason"),
        pl.concat_str([_as_typed(rows, c) for c in shown], separator=" | ").alias("raw"),
    )


def _as_typed(rows: pl.DataFrame, column: str) -> pl.Expr:
    """A cell as an office types it: a time as dd-mm-yyyy hh:mm (IST, as the sheets hold it),
    never the stored type's ISO form."""
    if rows.schema[column].is_temporal():
        return pl.col(column).dt.strftime("%d-%m-%Y %H:%M").fill_null("")
    return pl.col(column).cast(pl.String).fill_null("")


def write_register_entries(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new register rows; returns rejects for ones already held."""
    shown = ("unit_id", "received_at")
    if conn.dialect.name != "sqlite":
        return _copied_after_look_up(conn, rows, shown)
    if not index_present(conn, register_entries, "ux_register_entries_entry_key"):
        return _written_without_key_index(conn, rows, shown)
    # SQLite skips a clash itself; only a file where it did is looked at again. The rows this
    # insert added hold the newest ids: SQLite gives each the highest id + 1, and no other
    # writer gets in while the insert's transaction holds the write lock.
    written = sqlite_insert_new(conn, register_entries, rows.drop("line"), "entry_key")
    if written == rows.height:
        return duplicates(rows.clear(), "entry", shown)
    added = entry_keys_after(conn, last_entry_id(conn) - written) if written else frozenset()
    late = duplicates(rows.filter(~pl.col("entry_key").is_in(list(added))), "entry", shown)
    if written + late.height != rows.height:
        raise AssertionError(f"{rows.height} register rows ≠ {written} new + {late.height} held")
    return late


# What a write batch's connection remembers of the keys it wrote (dropped with the batch).
_WRITTEN = f"{BATCH_INFO}register_keys_written"
_FIRST_LOAD = f"{BATCH_INFO}register_keys_of_a_first_load"


def _copied_after_look_up(
    conn: sa.Connection, rows: pl.DataFrame, shown: tuple[str, str]
) -> pl.DataFrame:
    """PostgreSQL: COPY cannot skip a clash, so held keys are looked up first. On a first load
    (the table empty when the batch first wrote to it) only the keys whose 64-bit hash a key
    written in this batch has can be held: the others are not looked up (a state's 2M keys
    were a fifth of its load)."""
    if in_batch(conn) and _FIRST_LOAD not in conn.info:
        empty = not holds_rows(conn, register_entries)
        conn.info[_FIRST_LOAD] = pl.Series("key_hash", [], pl.UInt64) if empty else None
    hashes: pl.Series | None = conn.info.get(_FIRST_LOAD)
    keyed = rows.with_columns(_key_hash(pl.col("entry_key")))
    maybe = keyed if hashes is None else keyed.filter(pl.col("key_hash").is_in(hashes.implode()))
    late = already_loaded(conn, register_entries, maybe.drop("key_hash"), "entry", shown)
    fresh = keyed.join(late.select("line"), on="line", how="anti")
    bulk_insert(conn, register_entries, fresh)  # the table's columns only
    if hashes is not None:
        conn.info[_FIRST_LOAD] = pl.concat([hashes, fresh.get_column("key_hash")])
    return late


def _key_hash(key: pl.Expr) -> pl.Expr:
    return key.hash(seed=0).alias("key_hash")


def _written_without_key_index(
    conn: sa.Connection, rows: pl.DataFrame, shown: tuple[str, str]
) -> pl.DataFrame:
    """SQLite, a state's first load, while the keys' unique index waits for the load's end
    (etl/deferred_indexes.py): a key is held when a written key has its 64-bit hash and, read
    back by id, is the same key. The connection keeps the hash and id of each key it wrote
    (16 bytes each: 32 MB for a state's 2M entries, where the keys would take a quarter of a
    GB), begun from what the table holds. A key repeated within `rows` is held from its
    first row."""
    written: pl.DataFrame | None = conn.info.get(_WRITTEN) if in_batch(conn) else None
    if written is None:
        table = entry_ids_and_keys(conn)
        written = table.select(_key_hash(pl.col("entry_key")), "entry_id")
    keyed = rows.with_columns(_key_hash(pl.col("entry_key")))
    maybe = keyed.join(written, on="key_hash", how="inner").get_column("entry_id")
    held = entry_keys_of(conn, maybe.to_list()) if maybe.len() else frozenset()
    late_at = pl.col("entry_key").is_in(list(held)) | ~pl.col("entry_key").is_first_distinct()
    late = duplicates(rows.filter(late_at), "entry", shown)
    fresh = keyed.filter(~late_at)
    before = last_entry_id(conn)
    bulk_insert(conn, register_entries, fresh.drop("line", "key_hash"))
    # SQLite gives each new row the highest id + 1, in the order inserted.
    ids = pl.int_range(before + 1, before + 1 + fresh.height, dtype=pl.Int64, eager=True)
    added = fresh.select("key_hash").with_columns(ids.alias("entry_id"))
    if in_batch(conn):
        conn.info[_WRITTEN] = pl.concat([written.cast(added.schema), added])
    return late


def write_alerts(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new alerts; returns rejects for ones already held."""
    late = already_loaded(conn, alerts, rows, "alert", ("platform", "received_at"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    for batch in batches(fresh.to_dicts()):
        conn.execute(alerts.insert(), batch)
    return late
