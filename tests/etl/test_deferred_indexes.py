"""Wide indexes are built after a cold load, and only when their table started empty."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from etl.deferred_indexes import build_missing, drop_for_cold_load, indexes_built_after
from sampark.db import migrate
from sampark.schema import groups, messages, units

NAMES = {"ix_messages_group_person", "ix_register_entries_unit_id"}


def _indexes(engine: sa.Engine) -> set[str]:
    inspector = sa.inspect(engine)
    return {
        str(ix["name"])
        for table in ("messages", "register_entries")
        for ix in inspector.get_indexes(table)
    } & NAMES


def _one_message(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.insert(units), [{"unit_id": "U1", "kind": "state", "name": "Bihar"}])
        conn.execute(
            sa.insert(groups),
            [{"group_id": "G1", "unit_id": "U1", "kind": "thana", "name": "Kotwali"}],
        )
        conn.execute(
            sa.insert(messages),
            [{"group_id": "G1", "ts": datetime(2026, 5, 1), "kind": "text", "is_noise": False}],
        )


def test_empty_tables_lose_their_wide_indexes_until_the_load_ends(db_url):
    engine = migrate(db_url)
    assert {ix.name for ix in drop_for_cold_load(engine)} == NAMES
    assert _indexes(engine) == set()
    build_missing(engine)
    assert _indexes(engine) == NAMES


def test_a_table_that_holds_rows_keeps_its_index(db_url):
    engine = migrate(db_url)
    _one_message(engine)
    assert {ix.name for ix in drop_for_cold_load(engine)} == {"ix_register_entries_unit_id"}
    assert _indexes(engine) == {"ix_messages_group_person"}


def test_the_indexes_are_back_after_a_load_that_failed(db_url):
    engine = migrate(db_url)
    with pytest.raises(RuntimeError), indexes_built_after(engine):
        assert _indexes(engine) == set()
        raise RuntimeError("stopped mid-load")
    assert _indexes(engine) == NAMES
