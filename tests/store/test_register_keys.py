"""Register entries written while the keys' unique index waits for a first load's end
(SQLite) give the rejects the index gives; the migration that made it an index keeps the rows."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
import sqlalchemy as sa
from alembic import command

from etl.deferred_indexes import build_missing, drop_for_cold_load
from sampark.db import alembic_config, migrate
from sampark.schema import register_entries, units
from sampark.store.batches import BATCH_INFO, write_batch
from sampark.store.registers import write_register_entries


def _rows(lines_and_keys: list[tuple[int, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "line": [line for line, _ in lines_and_keys],
            "unit_id": ["T1"] * len(lines_and_keys),
            "received_at": [datetime(2026, 3, 1, 10, line) for line, _ in lines_and_keys],
            "category": ["complaint"] * len(lines_and_keys),
            "status": ["open"] * len(lines_and_keys),
            "entry_key": [key for _, key in lines_and_keys],
        }
    )


def _engine(url: str) -> sa.Engine:
    engine = migrate(url)
    with engine.begin() as conn:
        conn.execute(sa.insert(units).values(unit_id="T1", kind="thana", name="Kotwali"))
    return engine


def _three_files(engine: sa.Engine) -> list[list[int]]:
    """Three sheets in one batch; the lines each had refused as duplicates."""
    files = [
        [(2, "a" * 64), (3, "b" * 64)],
        [(2, "c" * 64), (3, "a" * 64), (4, "d" * 64)],
        [(2, "d" * 64), (3, "e" * 64), (4, "b" * 64)],
    ]
    refused = []
    with write_batch(engine) as batch:
        for rows in files:
            with batch.unit(len(rows)) as conn:
                late = write_register_entries(conn, _rows(rows))
            assert late.get_column("reason").unique().to_list() in (
                [],
                ["duplicate entry: already loaded from an earlier file"],
            )
            refused.append(late.get_column("line").to_list())
    return refused


def _held(engine: sa.Engine) -> list[tuple[int, str]]:
    with engine.connect() as conn:
        t = register_entries.c
        return [
            tuple(r) for r in conn.execute(sa.select(t.entry_id, t.entry_key).order_by(t.entry_id))
        ]


def test_repeated_keys_are_refused_alike_with_and_without_the_index(sqlite_url, tmp_path):
    with_index = _engine(sqlite_url)
    expected = _three_files(with_index)
    cold = _engine(f"sqlite:///{tmp_path}/cold.db")
    dropped = {ix.name for ix in drop_for_cold_load(cold)}
    assert "ux_register_entries_entry_key" in dropped
    assert _three_files(cold) == expected == [[], [3], [2, 4]]
    assert _held(cold) == _held(with_index)
    build_missing(cold)  # the unique index builds: nothing was written twice
    assert [k[0] for _, k in _held(cold)] == ["a", "b", "c", "d", "e"]


def test_a_key_held_before_the_batch_began_is_refused_without_the_index(sqlite_url):
    engine = _engine(sqlite_url)
    with engine.begin() as conn:
        write_register_entries(conn, _rows([(2, "a" * 64)]))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP INDEX ux_register_entries_entry_key"))
    with write_batch(engine) as batch, batch.unit(3) as conn:
        late = write_register_entries(conn, _rows([(2, "b" * 64), (3, "a" * 64), (4, "b" * 64)]))
    assert late.get_column("line").to_list() == [3, 4]
    build_missing(engine)
    assert [k for _, k in _held(engine)] == ["a" * 64, "b" * 64]


def test_the_key_index_migration_keeps_the_entries_and_still_refuses_a_repeat(db_url):
    config = alembic_config(db_url)
    command.upgrade(config, "0014_roster_dates")
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.insert(units).values(unit_id="T1", kind="thana", name="Kotwali"))
        conn.execute(
            sa.insert(register_entries),
            [
                {
                    "unit_id": "T1",
                    "received_at": datetime(2026, 3, 1, 10, 0),
                    "category": "complaint",
                    "status": "open",
                    "entry_key": "a" * 64,
                }
            ],
        )
    engine.dispose()
    engine = migrate(db_url)
    names = {ix["name"] for ix in sa.inspect(engine).get_indexes("register_entries")}
    assert "ux_register_entries_entry_key" in names
    assert [k for _, k in _held(engine)] == ["a" * 64]
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(register_entries).values(
                unit_id="T1",
                received_at=datetime(2026, 3, 2, 10, 0),
                category="complaint",
                status="open",
                entry_key="a" * 64,
            )
        )
    with engine.begin() as conn:
        late = write_register_entries(conn, _rows([(2, "a" * 64), (3, "b" * 64)]))
    assert late.get_column("line").to_list() == [2]


def test_a_first_load_refuses_repeats_within_its_batch_and_after_it(db_url):
    engine = _engine(db_url)
    assert _three_files(engine) == [[], [3], [2, 4]]
    with write_batch(engine) as batch, batch.unit(2) as conn:  # a later week's batch
        late = write_register_entries(conn, _rows([(2, "e" * 64), (3, "f" * 64)]))
    assert late.get_column("line").to_list() == [2]
    assert [k[0] for _, k in _held(engine)] == ["a", "b", "c", "d", "e", "f"]


def test_what_a_batch_remembers_of_its_keys_goes_with_it(db_url):
    engine = _engine(db_url)
    drop_for_cold_load(engine)  # a first load: SQLite without the keys' index remembers too
    with write_batch(engine) as batch:
        with batch.unit(1) as conn:
            write_register_entries(conn, _rows([(2, "a" * 64)]))
            assert any(str(k).startswith(BATCH_INFO) for k in conn.info)
        info = conn.info
    assert not any(str(k).startswith(BATCH_INFO) for k in info)
