"""Wide indexes (and on PostgreSQL the big tables' foreign keys) are built after a cold load,
and only when their table started empty."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pytest
import sqlalchemy as sa

from etl.deferred_indexes import build_missing, drop_for_cold_load, indexes_built_after
from sampark.db import migrate
from sampark.schema import messages
from tests.store.test_bulk_insert import one_group

WIDE = {"ix_messages_group_person", "ix_register_entries_unit_id"}
# SQLite finds a repeated register key itself meanwhile; PostgreSQL reads the index.
KEYS = "ux_register_entries_entry_key"


# PostgreSQL checks a foreign key per row by a trigger; it checks them all at once afterwards.
FOREIGN = {
    "fk_messages_group_id_groups",
    "fk_register_entries_unit_id_units",
    "fk_register_entries_group_id_groups",
}


def _deferred(engine: sa.Engine) -> set[str]:
    return WIDE | ({KEYS} if engine.dialect.name == "sqlite" else FOREIGN)


def _names(engine: sa.Engine, kind: Literal["indexes", "foreign_keys"]) -> set[str]:
    """The names of the messages' and register entries' indexes or foreign keys."""
    inspector = sa.inspect(engine)
    read = inspector.get_indexes if kind == "indexes" else inspector.get_foreign_keys
    return {str(item["name"]) for table in ("messages", "register_entries") for item in read(table)}


def _keys(engine: sa.Engine) -> set[str]:
    return _names(engine, "foreign_keys")


def _indexes(engine: sa.Engine) -> set[str]:
    return _names(engine, "indexes") & (WIDE | {KEYS})


def _one_message(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        one_group(conn)
        conn.execute(
            sa.insert(messages),
            [{"group_id": "G1", "ts": datetime(2026, 5, 1), "kind": "text", "is_noise": False}],
        )


def test_empty_tables_lose_their_wide_indexes_until_the_load_ends(db_url):
    engine = migrate(db_url)
    assert {ix.name for ix in drop_for_cold_load(engine)} == _deferred(engine)
    assert _indexes(engine) == (WIDE | {KEYS}) - _deferred(engine)
    assert _keys(engine) == FOREIGN - _deferred(engine)
    build_missing(engine)
    assert _indexes(engine) == WIDE | {KEYS}
    assert _keys(engine) == FOREIGN


def test_a_foreign_key_added_back_still_refuses_an_unknown_group(db_url):
    engine = migrate(db_url)
    drop_for_cold_load(engine)
    build_missing(engine)
    _one_message(engine)
    row = {"group_id": "G-NONE", "ts": datetime(2026, 5, 1), "kind": "text", "is_noise": False}
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(sa.insert(messages), [row])


def test_a_table_that_holds_rows_keeps_its_index(db_url):
    engine = migrate(db_url)
    _one_message(engine)
    register_indexes = _deferred(engine) - {
        "ix_messages_group_person",
        "fk_messages_group_id_groups",
    }
    assert {ix.name for ix in drop_for_cold_load(engine)} == register_indexes
    assert _indexes(engine) == (WIDE | {KEYS}) - register_indexes
    assert "fk_messages_group_id_groups" in _keys(engine)


def test_the_indexes_are_back_after_a_load_that_failed(db_url):
    engine = migrate(db_url)
    with pytest.raises(RuntimeError), indexes_built_after(engine):
        assert _indexes(engine) == (WIDE | {KEYS}) - _deferred(engine)
        raise RuntimeError("stopped mid-load")
    assert _indexes(engine) == WIDE | {KEYS}
    assert _keys(engine) == FOREIGN
