"""Sheets loaded while the chats parse are read and checked ahead by the chat workers: what
is written is what a sheet checked by the writer gives, as of the writer's time."""

from __future__ import annotations

import sys
import types
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

import etl.chat_reads
import etl.pipeline
from etl.pipeline import run_inbox
from etl.sheet_loads import checked_table, read_sheet
from etl.sheet_reads import CheckedAhead, Refused, checked_ahead
from etl.sources.checks import Known
from sampark.db import migrate
from sampark.schema import register_entries

NOW = datetime(2026, 11, 1, 12, 0)
UNITS = "unit_id,kind,name,parent_id\nBR,state,Bihar,\nBR-PAT,district,Patna,BR\n"
# Two good rows, then one after the load time and one of a unit no sheet holds.
REGISTERS = (
    "Unit ID,Received at,Category\n"
    "BR-PAT,2026-02-01 09:00,theft\n"
    "BR-PAT,2026-02-02 09:00,traffic\n"
    "BR-PAT,2026-12-01 10:00,theft\n"
    "BR-X,2026-02-01 09:00,theft\n"
)


@pytest.fixture(autouse=True)
def plain_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned worker imports the parent's `__main__`: not a page script AppTest left."""
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def _inbox(root: Path) -> Path:
    files = {
        "units/units.csv": UNITS,
        "registers/a.csv": REGISTERS,
        "registers/b.csv": "Unit ID,Received at\nBR-PAT,2026-02-01 09:00\n",  # no category
        "WhatsApp Chat with Nowhere.txt": "05/01/26, 9:00 am - A: hi\n",
        "WhatsApp Chat with Elsewhere.txt": "05/01/26, 9:05 am - B: hello\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "registers" / "c.csv").write_bytes(b"Unit ID,Received at\n\xff\xfe\x00oops\n")
    return root


def test_a_sheet_checked_ahead_gives_what_the_writer_s_check_gives(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "inbox")
    known = Known(unit_ids=frozenset({"BR", "BR-PAT"}), now=NOW)
    ahead = checked_ahead(inbox / "registers" / "a.csv", inbox, known, tmp_path)
    assert isinstance(ahead, CheckedAhead) and (ahead.kind, ahead.rows_read) == ("registers", 4)
    read = read_sheet(inbox / "registers" / "a.csv", inbox)
    assert not isinstance(read, Exception)
    inline = checked_table(read[0], known)
    table, checked = ahead.taken()
    assert (table.kind, table.rows_read) == ("registers", 4)
    assert checked.rows.equals(inline.rows) and checked.rejects.equals(inline.rejects)
    assert checked.rows.height == 2 and checked.rejects.get_column("line").to_list() == [4, 5]
    assert not ahead.rows.exists() and not ahead.rejects.exists()


def test_a_sheet_that_cannot_be_read_is_refused_ahead_with_its_reason(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "inbox")
    refused = checked_ahead(inbox / "registers" / "c.csv", inbox, Known(now=NOW), tmp_path)
    assert isinstance(refused, Refused) and "UTF-8" in refused.reason
    assert list(tmp_path.glob("*.arrow")) == []


@pytest.mark.parametrize("processes", [False, True], ids=["thread", "processes"])
def test_a_run_with_chats_loads_the_later_sheets_as_one_without_does(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: bool
) -> None:
    if processes:
        monkeypatch.setattr(etl.chat_reads, "PROCESS_MIN_BYTES", 10)
    inbox = _inbox(tmp_path / "inbox")
    chats = [path for path in inbox.glob("*.txt")]
    assert etl.chat_reads.worker_count(chats, cores=2) == (2 if processes else 0)
    alone = tmp_path / "alone"
    for sheet in inbox.rglob("*.csv"):
        (alone / sheet.relative_to(inbox)).parent.mkdir(parents=True, exist_ok=True)
        (alone / sheet.relative_to(inbox)).write_bytes(sheet.read_bytes())

    def loaded(root: Path, url: str) -> tuple[dict[str, tuple[object, ...]], int]:
        engine = migrate(url)
        scratch = tmp_path / "scratch"
        result = run_inbox(engine, root, now=NOW, scratch=scratch)
        assert list(scratch.iterdir()) == []  # the checked rows go once written
        with engine.connect() as conn:
            entries = conn.execute(sa.select(sa.func.count()).select_from(register_entries))
            count = int(entries.scalar_one())
        found = {
            f.path: (f.status, f.rows_read, f.rows_loaded, f.rows_rejected, f.reason)
            for f in result.files
            if f.path.startswith("registers/")
        }
        return found, count

    with_chats = loaded(inbox, db_url)
    assert {name: file[:4] for name, file in with_chats[0].items()} == {
        "registers/a.csv": ("loaded", 4, 2, 2),
        "registers/b.csv": ("rejected", 1, 0, 1),
        "registers/c.csv": ("rejected", 0, 0, 0),
    }
    assert with_chats[1] == 2
    assert "UTF-8" in str(with_chats[0]["registers/c.csv"][4])
    second = f"sqlite:///{tmp_path / 'alone.db'}"
    assert loaded(alone, second) == with_chats


def test_a_scratch_folder_that_cannot_be_made_leaves_the_rows_in_the_temporary_folder(
    tmp_path: Path,
) -> None:
    inbox = _inbox(tmp_path / "inbox")
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    engine = migrate(f"sqlite:///{tmp_path / 't.db'}")
    result = run_inbox(engine, inbox, now=NOW, scratch=tmp_path / "a-file" / "scratch")
    loaded = {f.path: f.rows_loaded for f in result.files if f.path.startswith("registers/")}
    assert loaded == {"registers/a.csv": 2, "registers/b.csv": 0, "registers/c.csv": 0}


def test_the_first_sheets_are_read_together_each_new_one_once_reported_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path / "inbox")
    (inbox / "units" / "units_copy.csv").write_text(UNITS, encoding="utf-8")  # the same bytes
    (inbox / "units" / "zz_broken.csv").write_bytes(b"Unit ID,Kind\n\xff\xfe\x00\n")
    read: list[str] = []

    def counted(path: Path, root: Path) -> object:
        read.append(path.name)
        return read_sheet(path, root)

    monkeypatch.setattr(etl.pipeline, "read_sheet", counted)
    result = run_inbox(migrate(f"sqlite:///{tmp_path / 'db.sqlite'}"), inbox, now=NOW)
    assert sorted(read) == ["units.csv", "zz_broken.csv"]  # the registers are read later
    assert [(f.path, f.status) for f in result.files if f.path.startswith("units/")] == [
        ("units/units_copy.csv", "skipped"),
        ("units/zz_broken.csv", "rejected"),
        ("units/units.csv", "loaded"),
    ]
