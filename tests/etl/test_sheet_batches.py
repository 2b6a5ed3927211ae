"""Sheets written several to a transaction, each file kept whole in a savepoint of its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from etl.pipeline import run_inbox
from etl.sources.registry import SOURCES, Source
from sampark.db import migrate
from sampark.queries.registry import table_counts
from sampark.schema import etl_files, register_entries

NOW = datetime(2026, 11, 1, 12, 0)

UNITS = "unit_id,kind,name,parent_id\nBR,state,Bihar,\nT1,thana,Kotwali,BR\n"
HEADER = "Unit ID,Received at,Category\n"
SHEETS = {
    "units/units.csv": UNITS,
    "registers/a.csv": HEADER + "T1,08-01-2026 10:15,theft\nT1,09-01-2026 11:00,theft\n",
    # Its second row is the first row of a.csv, loaded earlier in the same batch.
    "registers/b.csv": HEADER + "T1,10-01-2026 10:00,theft\nT1,08-01-2026 10:15,theft\n",
    "registers/c.csv": HEADER + "T1,11-01-2026 10:00,theft\nT1,12-01-2026 10:00,theft\n",
}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    for rel, text in SHEETS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


class WriteFailed(RuntimeError):
    pass


def _failing_after_writing(name: str) -> Source:
    """The registers source, except that the file `name` fails after its rows are written."""
    source = SOURCES["registers"]

    def write(
        conn: sa.Connection, rows: pl.DataFrame, source_name: str, as_of: date
    ) -> pl.DataFrame | None:
        late = source.write(conn, rows, source_name, as_of)
        if source_name == name:
            raise WriteFailed(name)
        return late

    return replace(source, write=write)


def _received(engine: sa.Engine) -> list[datetime]:
    t = register_entries.c
    with engine.connect() as conn:
        return list(conn.execute(sa.select(t.received_at).order_by(t.entry_id)).scalars())


def _files(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(etl_files.c.path).order_by(etl_files.c.path)).scalars())


def test_a_file_failing_in_a_batch_leaves_only_its_own_rows_out(db_url, inbox, monkeypatch):
    engine = migrate(db_url)
    monkeypatch.setitem(SOURCES, "registers", _failing_after_writing("registers/c.csv"))
    with pytest.raises(WriteFailed):
        run_inbox(engine, inbox, now=NOW)
    assert _files(engine) == ["registers/a.csv", "registers/b.csv", "units/units.csv"]
    assert [t.day for t in _received(engine)] == [8, 9, 10]


def test_a_file_that_failed_loads_on_the_next_run_and_nothing_else_does(db_url, inbox, monkeypatch):
    engine = migrate(db_url)
    with monkeypatch.context() as patch:
        patch.setitem(SOURCES, "registers", _failing_after_writing("registers/c.csv"))
        with pytest.raises(WriteFailed):
            run_inbox(engine, inbox, now=NOW)
    result = run_inbox(engine, inbox, now=NOW)
    loaded = {f.path: f.rows_loaded for f in result.files if f.status == "loaded"}
    assert loaded == {"registers/c.csv": 2}
    assert [t.day for t in _received(engine)] == [8, 9, 10, 11, 12]


def test_an_entry_of_an_earlier_file_in_the_same_batch_is_a_duplicate(db_url, inbox):
    result = run_inbox(migrate(db_url), inbox, now=NOW)
    counts = {f.path: (f.rows_read, f.rows_loaded, f.rows_rejected) for f in result.files}
    assert counts["registers/a.csv"] == (2, 2, 0)
    assert counts["registers/b.csv"] == (2, 1, 1)
    assert counts["registers/c.csv"] == (2, 2, 0)


def test_a_rerun_of_the_same_inbox_loads_nothing_and_changes_nothing(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        before = table_counts(conn)
    result = run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        after = table_counts(conn)
    assert result.total("rows_loaded") == 0
    assert {k: v for k, v in after.items() if k != "etl_runs"} == {
        k: v for k, v in before.items() if k != "etl_runs"
    }
