"""Register entries and self-harm alerts from the offices' sheets. An entry already loaded
from another file (the same `entry_key`) is rejected as a duplicate, never written twice."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.queries.registers import entry_keys_after, held_entry_keys, last_entry_id
from sampark.schema import alerts, register_entries
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
        # COPY cannot skip a clash: the held keys are looked up first.
        late = already_loaded(conn, register_entries, rows, "entry", shown)
        fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
        bulk_insert(conn, register_entries, fresh)
        return late
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


def write_alerts(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new alerts; returns rejects for ones already held."""
    late = already_loaded(conn, alerts, rows, "alert", ("platform", "received_at"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    for batch in batches(fresh.to_dicts()):
        conn.execute(alerts.insert(), batch)
    return late
