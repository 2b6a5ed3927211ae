"""A write batch: units of work in savepoints of one transaction that commits now and then."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sampark.db import migrate
from sampark.schema import units
from sampark.store.batches import write_batch


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
