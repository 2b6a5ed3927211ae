"""Indexes (and on PostgreSQL foreign keys) built once after a cold load instead of kept up
row by row while it writes.

On a first load of a state the inbox brings ~2M chat messages and ~2M register entries;
keeping a wide index in step with every insert costs more than building it once from the
finished table. Only indexes the load itself never reads are deferred (the chat overlap check
reads `ix_messages_group_ts`), and only while their table is empty at the start: a database
already in use keeps every index throughout. On SQLite the unique index of the register
entries' keys is deferred too (kept up for 2M random keys it was a third of the load): while
it is missing, `sampark.store.registers` finds a repeated key from the keys it wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from sampark.queries.presence import foreign_key_present, holds_rows, index_present
from sampark.schema import messages, register_entries
from sampark.store.batches import write_batch

DEFERRED: tuple[tuple[sa.Table, str], ...] = (
    (messages, "ix_messages_group_person"),
    (register_entries, "ix_register_entries_unit_id"),
)
# PostgreSQL looks held keys up before its COPY, through this index.
DEFERRED_ON_SQLITE: tuple[tuple[sa.Table, str], ...] = (
    (register_entries, "ux_register_entries_entry_key"),
)


# PostgreSQL checks a foreign key by a trigger per row: 1M messages took 7.5 s to COPY with
# the key to their group and 3.3 s without it, and adding the key afterwards checks them all
# in 0.2 s. The load itself refuses rows of unknown units and groups before writing them.
DEFERRED_KEYS_ON_POSTGRESQL: tuple[tuple[sa.Table, str], ...] = (
    (messages, "fk_messages_group_id_groups"),
    (register_entries, "fk_register_entries_unit_id_units"),
    (register_entries, "fk_register_entries_group_id_groups"),
)


def _deferred_keys(conn: sa.Connection) -> tuple[tuple[sa.Table, str], ...]:
    return DEFERRED_KEYS_ON_POSTGRESQL if conn.dialect.name == "postgresql" else ()


def _key(table: sa.Table, name: str) -> sa.ForeignKeyConstraint:
    return next(fk for fk in table.foreign_key_constraints if fk.name == name)


def _deferred(conn: sa.Connection) -> tuple[tuple[sa.Table, str], ...]:
    return DEFERRED + (DEFERRED_ON_SQLITE if conn.dialect.name == "sqlite" else ())


def _index(table: sa.Table, name: str) -> sa.Index:
    return next(index for index in table.indexes if index.name == name)


def drop_for_cold_load(engine: sa.Engine) -> list[sa.Index | sa.ForeignKeyConstraint]:
    """Drop the deferred indexes and foreign keys of tables that are empty; returns those
    dropped."""
    dropped: list[sa.Index | sa.ForeignKeyConstraint] = []
    with engine.begin() as conn:
        for table, name in _deferred(conn):
            if index_present(conn, table, name) and not holds_rows(conn, table):
                index = _index(table, name)
                index.drop(conn)
                dropped.append(index)
        for table, name in _deferred_keys(conn):
            if foreign_key_present(conn, table, name) and not holds_rows(conn, table):
                key = _key(table, name)
                conn.execute(sa.schema.DropConstraint(key))
                dropped.append(key)
    return dropped


def build_missing(engine: sa.Engine) -> None:
    """Create every deferred index that is not there (also after a load that was stopped).
    On a batch's connection: SQLite sorts an index's keys in its page cache, and the default
    cache of 2 MB spills the sort of 2M messages to temporary files."""
    with write_batch(engine) as batch, batch.unit(0) as conn:
        for table, name in _deferred(conn):
            if not index_present(conn, table, name):
                _index(table, name).create(conn)
        for table, name in _deferred_keys(conn):
            if not foreign_key_present(conn, table, name):
                conn.execute(sa.schema.AddConstraint(_key(table, name)))


@contextmanager
def indexes_built_after(engine: sa.Engine) -> Iterator[None]:
    """Within: the deferred indexes of empty tables are gone; after (even on error): all there."""
    build_missing(engine)
    drop_for_cold_load(engine)
    try:
        yield
    finally:
        build_missing(engine)
