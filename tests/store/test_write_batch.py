"""A write batch: units of work in savepoints of one transaction that commits now and then."""

from __future__ import annotations

import polars as pl
import pytest
import sqlalchemy as sa

from sampark.db import migrate
from sampark.schema import units
from sampark.store import batches
from sampark.store.batches import defer_insert, write_batch, write_deferred


class Refused(RuntimeError):
    pass


def _unit(conn: sa.Connection, unit_id: str) -> None:
    conn.execute(sa.insert(units).values(unit_id=unit_id, kind="thana", name=unit_id))


def _seen_elsewhere(engine: sa.Engine) -> list[str]:
    """The units another connection sees (what was committed)."""
    with engine.connect() as conn:
        return sorted(conn.execute(sa.select(units.c.unit_id)).scalars())


def test_a_unit_that_fails_is_rolled_back_alone_and_the_others_commit(db_url):
    engine = migrate(db_url)
    with pytest.raises(Refused), write_batch(engine) as batch:
        with batch.unit(1) as conn:
            _unit(conn, "T1")
        with batch.unit(1) as conn:
            _unit(conn, "T2")
            raise Refused
    assert _seen_elsewhere(engine) == ["T1"]


def test_a_unit_after_a_failed_one_is_kept(db_url):
    engine = migrate(db_url)
    with write_batch(engine) as batch:
        with pytest.raises(Refused), batch.unit(1) as conn:
            _unit(conn, "T1")
            raise Refused
        with batch.unit(1) as conn:
            _unit(conn, "T2")
    assert _seen_elsewhere(engine) == ["T2"]


def test_rows_commit_once_enough_have_gathered(db_url):
    engine = migrate(db_url)
    with write_batch(engine, rows_per_commit=3) as batch:
        with batch.unit(2) as conn:
            _unit(conn, "T1")
        seen_before = _seen_elsewhere(engine)
        with batch.unit(2) as conn:
            _unit(conn, "T2")
        seen_after = _seen_elsewhere(engine)
        with batch.unit(2) as conn:
            _unit(conn, "T3")
    assert (seen_before, seen_after, _seen_elsewhere(engine)) == (
        [],
        ["T1", "T2"],
        ["T1", "T2", "T3"],
    )


def _units(*ids: str) -> pl.DataFrame:
    return pl.DataFrame({"unit_id": list(ids), "kind": ["thana"] * len(ids), "name": list(ids)})


def _seen_in(conn: sa.Connection) -> list[str]:
    return sorted(conn.execute(sa.select(units.c.unit_id)).scalars())


def test_deferred_rows_are_written_together_when_read_and_before_the_commit(db_url):
    engine = migrate(db_url)
    with write_batch(engine) as batch:
        with batch.unit(1) as conn:
            defer_insert(conn, units, _units("T1", "T2"))
            waiting = _seen_in(conn)
        with batch.unit(1) as conn:
            defer_insert(conn, units, _units("T3"))
            write_deferred(conn)  # what a reader of the table does first
            read = _seen_in(conn)
        with batch.unit(1) as conn:
            defer_insert(conn, units, _units("T4"))
        before_commit = _seen_elsewhere(engine)
    assert (waiting, read, before_commit) == ([], ["T1", "T2", "T3"], [])
    assert _seen_elsewhere(engine) == ["T1", "T2", "T3", "T4"]


def test_deferred_rows_of_a_failed_unit_are_dropped_and_earlier_ones_kept(db_url):
    engine = migrate(db_url)
    with write_batch(engine) as batch:
        with batch.unit(1) as conn:
            defer_insert(conn, units, _units("T1"))
        with pytest.raises(Refused), batch.unit(1) as conn:
            defer_insert(conn, units, _units("T2"))
            write_deferred(conn)  # T1 written inside T2's savepoint, then undone with it
            defer_insert(conn, units, _units("T3"))
            raise Refused
        with batch.unit(1) as conn:
            defer_insert(conn, units, _units("T4"))
    assert _seen_elsewhere(engine) == ["T1", "T4"]


def test_deferred_rows_are_written_once_enough_wait(db_url, monkeypatch):
    monkeypatch.setattr(batches, "DEFERRED_ROWS", 3)
    engine = migrate(db_url)
    with write_batch(engine) as batch, batch.unit(1) as conn:
        defer_insert(conn, units, _units("T1", "T2"))
        two = _seen_in(conn)
        defer_insert(conn, units, _units("T3"))
        three = _seen_in(conn)
    assert (two, three) == ([], ["T1", "T2", "T3"])


def test_rows_deferred_outside_a_batch_are_inserted_at_once(db_url):
    engine = migrate(db_url)
    with engine.begin() as conn:
        defer_insert(conn, units, _units("T1"))
        assert _seen_in(conn) == ["T1"]
