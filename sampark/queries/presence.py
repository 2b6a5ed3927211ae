"""Whether a table holds any row, whether an index or a foreign key is there: the checks a
load makes before it decides how to write (a first load of a state builds some indexes and
foreign keys at its end)."""

from __future__ import annotations

import sqlalchemy as sa


def holds_rows(conn: sa.Connection, table: sa.Table) -> bool:
    """Whether `table` holds at least one row."""
    return conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first() is not None


def index_present(conn: sa.Connection, table: sa.Table, name: str) -> bool:
    """Whether the index `name` of `table` is there."""
    return any(ix["name"] == name for ix in sa.inspect(conn).get_indexes(table.name))


def foreign_key_present(conn: sa.Connection, table: sa.Table, name: str) -> bool:
    """Whether the foreign key `name` of `table` is there."""
    return any(fk["name"] == name for fk in sa.inspect(conn).get_foreign_keys(table.name))
