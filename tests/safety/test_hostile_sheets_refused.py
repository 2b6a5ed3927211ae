"""Sheets built to exhaust memory are refused with their reason, in bounded memory, while the
rest of the inbox loads; and no error while reading one file stops a run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import etl.chat_reads
import etl.sheet_loads
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.network import unit_ids
from sampark.queries.registry import reject_log
from tests.hostile_sheets import (
    UNIT_HEADER,
    blank_rows_csv,
    commas_csv,
    far_cell_without_refs,
    sheet_xml,
    sparse_workbook,
    tall_workbook,
    workbook,
)

ROOT = Path(__file__).resolve().parents[2]
# Far below what the hostile files asked for (512 GiB, 2.2 GB, 2.8 GB), far above an ETL
# process that has imported polars and SQLAlchemy and read a few small sheets.
PEAK_MB = 400

# The ETL run in a child of its own: a reader that asks for 512 GiB aborts its process, which
# no `except` catches. The address-space cap keeps a regression from eating the machine before
# it fails. The peak is the child's VmHWM: getrusage's ru_maxrss carries the parent's peak over
# exec, so under a large pytest process it would measure the parent.
_CHILD = """
import json, re, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

def peak_mb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024

from etl.pipeline import run_inbox
from sampark.db import migrate
engine = migrate(sys.argv[1])
before = peak_mb()
result = run_inbox(engine, Path(sys.argv[2]))
print(json.dumps({"before_mb": before, "after_mb": peak_mb(), **result.as_json()}))
"""


def _hostile_inbox(root: Path) -> Path:
    files = {
        "a_sparse.xlsx": sparse_workbook(),
        "b_tall.xlsx": tall_workbook(),
        "c_commas.csv": commas_csv(),
        "d_blank_rows.csv": blank_rows_csv(),
        "e_wide.xlsx": far_cell_without_refs(),
        "units.csv": b"Unit ID,Kind,Name\nBR,state,Bihar\nBR-PAT,district,Patna\n",
        "z_units.xlsx": workbook(
            sheet_xml({**UNIT_HEADER, "A2": "BR-NAL", "B2": "district", "C2": "Nalanda"})
        ),
    }
    root.mkdir(parents=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def _run_in_child(db_url: str, inbox: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, db_url, str(inbox)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_hostile_sheets_are_refused_in_bounded_memory_and_the_rest_loads(db_url, tmp_path):
    inbox = _hostile_inbox(tmp_path / "inbox")
    out = _run_in_child(db_url, inbox)
    assert out["after_mb"] < PEAK_MB, out
    status = {f["path"]: (f["status"], f["rows_loaded"]) for f in out["files"]}
    assert status == {
        "a_sparse.xlsx": ("rejected", 0),
        "b_tall.xlsx": ("rejected", 0),
        "c_commas.csv": ("rejected", 0),
        "d_blank_rows.csv": ("rejected", 0),
        "e_wide.xlsx": ("rejected", 0),
        "units.csv": ("loaded", 2),
        "z_units.xlsx": ("loaded", 1),
    }
    reasons = {f["path"]: f["reason"] for f in out["files"] if f["reason"]}
    assert "declares 16,384 columns and 1,048,576 rows" in reasons["a_sparse.xlsx"]
    assert "cells reach column 20 and row 1,048,576" in reasons["b_tall.xlsx"]
    assert "row 1 has more than 200 columns" in reasons["c_commas.csv"]
    assert "4,000,000 rows × 3 columns is more than 10,000,000 cells" in reasons["d_blank_rows.csv"]
    assert "cells reach column 300 and row 2" in reasons["e_wide.xlsx"]
    engine = migrate(db_url)
    with engine.connect() as conn:
        assert sorted(unit_ids(conn)) == ["BR", "BR-NAL", "BR-PAT"]
    # The refused files stay in the folder; the next run skips them instead of dying on them.
    again = run_inbox(engine, inbox)
    assert {f.status for f in again.files} == {"skipped"}


def _inbox_with_a_bad_file(root: Path) -> Path:
    root.mkdir()
    (root / "bad.csv").write_text("Unit ID,Kind,Name\nBR-X,state,X\n", encoding="utf-8")
    (root / "units.csv").write_text("Unit ID,Kind,Name\nBR,state,Bihar\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "error",
    [
        RuntimeError("Asha Verma 9876512345"),
        MemoryError("9876512345"),
        KeyError("Asha Verma"),
        pl.exceptions.PanicException("9876512345 at 10.20.30.40"),
    ],
    ids=["runtime", "memory", "key", "panic"],
)
def test_any_error_while_reading_a_sheet_rejects_that_file_alone(
    db_url, tmp_path, monkeypatch, error
):
    real = etl.sheet_loads.read_table

    def failing(path: Path, inbox: Path | None = None):
        if path.name == "bad.csv":
            raise error
        return real(path, inbox)

    monkeypatch.setattr(etl.sheet_loads, "read_table", failing)
    engine = migrate(db_url)
    result = run_inbox(engine, _inbox_with_a_bad_file(tmp_path / "inbox"))
    found = {f.path: (f.status, f.reason) for f in result.files}
    kind = type(error).__name__
    assert found == {
        "bad.csv": ("rejected", f"cannot be read ({kind}); nothing of it was loaded"),
        "units.csv": ("loaded", None),
    }
    with engine.connect() as conn:
        stored = reject_log(conn).get_column("reason").to_list()
    assert stored == [f"file rejected: cannot be read ({kind}); nothing of it was loaded"]


def test_any_error_while_reading_a_chat_rejects_that_file_alone(db_url, tmp_path, monkeypatch):
    def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Asha Verma 9876512345")

    # The exports are read in batches, and one by one when a batch fails as a whole.
    monkeypatch.setattr(etl.chat_reads, "read_chats", failing)
    monkeypatch.setattr(etl.chat_reads, "read_chat", failing)
    inbox = _inbox_with_a_bad_file(tmp_path / "inbox")
    (inbox / "WhatsApp Chat with Kotwali.txt").write_text("1/1/24, 9:00 am - A: hi\n")
    result = run_inbox(migrate(db_url), inbox)
    found = {f.path: (f.status, f.reason) for f in result.files}
    assert found["WhatsApp Chat with Kotwali.txt"] == (
        "rejected",
        "cannot be read (RuntimeError); nothing of it was loaded",
    )
    assert found["units.csv"] == ("loaded", None)


def test_a_sheet_with_a_nul_character_is_rejected_alone(db_url, tmp_path):
    # PostgreSQL refuses NUL in text: loaded as read, one such cell stopped the whole run with
    # the row's values in the error.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_units.csv").write_bytes(b"Unit ID,Kind,Name\nBR,state,Bi\x00har\n")
    (inbox / "units.csv").write_bytes(b"Unit ID,Kind,Name\nBR-PAT,district,Patna\n")
    result = run_inbox(migrate(db_url), inbox)
    assert {f.path: (f.status, f.reason) for f in result.files} == {
        "a_units.csv": (
            "rejected",
            "a cell holds a NUL character (byte 0), which no sheet holds; "
            "save the sheet again as 'CSV UTF-8' or from Excel",
        ),
        "units.csv": ("loaded", None),
    }
