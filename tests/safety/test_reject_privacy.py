"""Restricted values never reach a reject, a reason or a log, and phones in rejects are masked
for roles without phone rights, on the Data page and in its downloads.

Every name, number and post here is made up for the test."""

from __future__ import annotations

import csv
import io
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import streamlit
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from etl.sources.sheets.tabular import BadFile, read_table
from sampark.db import migrate
from sampark.queries.registry import etl_file_log, reject_log
from tests.auth_helpers import login_as
from tests.hostile_sheets import sheet_xml, workbook

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
NOW = datetime(2026, 11, 23, 12, 0)

# The person's name, mobile (as typed and as stored), IP address and the post's words.
SECRETS = ("Asha Verma", "98765 12345", "9876512345", "10.20.30.40", "cannot go on")
ALERT_HEADER = (
    "Platform,Received at,Traced at,Forwarded at,Contacted at,Outcome,Unit ID,"
    "Name of the person,Mobile of the person,IP address,Post text"
)
ALERT_ROW = [
    "Instagram",
    "08-01-2026 22:10",
    "08-01-2026 22:55",
    "",
    "",
    "reached_counselled",
    "",
    "Asha Verma",
    "98765 12345",
    "10.20.30.40",
    "I cannot go on",
]


def _write(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _headerless_alerts(name: str) -> bytes:
    """Two alert rows saved without the header row."""
    second = ["Facebook", "09-01-2026 08:00", *ALERT_ROW[2:]]
    if name.endswith(".csv"):
        return "\n".join(",".join(r) for r in (ALERT_ROW, second)).encode() + b"\n"
    letters = "ABCDEFGHIJK"
    cells = {
        f"{letters[i]}{n}": v
        for n, r in ((1, ALERT_ROW), (2, second))
        for i, v in enumerate(r)
        if v
    }
    return workbook(sheet_xml(cells))


def _every_text(engine: Any, result: Any) -> list[str]:
    """Every reason and raw cell the run reported or stored."""
    with engine.connect() as conn:
        rejects = reject_log(conn)
        files = etl_file_log(conn)
    found = [f.reason for f in result.files]
    found += rejects.get_column("reason").to_list() + rejects.get_column("raw").to_list()
    found += files.get_column("reason").to_list()
    return [t for t in found if t]


@pytest.mark.parametrize("name", ["alerts/scrb.csv", "scrb.csv", "alerts/scrb.xlsx", "scrb.xlsx"])
def test_alerts_without_a_header_reject_with_the_columns_and_no_cell(
    db_url, tmp_path, caplog, name
):
    inbox = tmp_path / "inbox"
    _write(inbox, name, _headerless_alerts(name))
    engine = migrate(db_url)
    with caplog.at_level(logging.DEBUG):
        result = run_inbox(engine, inbox, now=NOW)
    [file] = result.files
    assert (file.status, file.rows_read, file.rows_rejected) == ("rejected", 1, 1)
    assert file.reason is not None
    assert file.reason.startswith("no recognisable header in row 1")
    assert "Platform (प्लेटफ़ॉर्म)" in file.reason and "Outcome (परिणाम)" in file.reason
    texts = [*_every_text(engine, result), caplog.text]
    assert [(s, t) for s in SECRETS for t in texts if s in t] == []


def test_rejected_alert_rows_keep_the_restricted_cells_out(db_url, tmp_path):
    rows = [
        ["Orkut", "08-01-2026 22:10"],
        ["Instagram", "31-02-2026 25:61"],
        ["Instagram", "08-01-2030 10:00"],
        ["Instagram", "08-01-2026 22:11", "", "", "", "", "BR-NOPE"],
        ["Instagram", "08-01-2026 22:12", "", "", "", "", "", "", "98765 1234"],
        ["Instagram", "08-01-2026 22:13"],
        ["Instagram", "08-01-2026 22:13"],
    ]
    lines = [ALERT_HEADER]
    for row in rows:
        cells = [*row, *[""] * (11 - len(row))]
        cells[7], cells[9], cells[10] = "Asha Verma", "10.20.30.40", "I cannot go on"
        cells[8] = cells[8] or "98765 12345"
        lines.append(",".join(cells))
    inbox = tmp_path / "inbox"
    _write(inbox, "alerts/a.csv", ("\n".join(lines) + "\n").encode())
    engine = migrate(db_url)
    result = run_inbox(engine, inbox, now=NOW)
    assert (result.files[0].rows_loaded, result.files[0].rows_rejected) == (1, 6)
    texts = _every_text(engine, result)
    assert len(texts) == 12
    assert [(s, t) for s in (*SECRETS, "98765 1234") for t in texts if s in t] == []


def test_unknown_header_is_refused_without_quoting_row_one(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Asha Verma,9876512345\n1,x\n", encoding="utf-8")
    with pytest.raises(BadFile) as refused:
        read_table(path, tmp_path)
    reason = str(refused.value)
    assert reason.startswith(
        "no recognisable header in row 1 (2 cells, not shown: row 1 may be data); "
        "expected the columns of one of: units: Unit ID (इकाई आईडी), Kind (प्रकार), Name (नाम); "
    )
    assert "Asha" not in reason and "98765" not in reason
    assert refused.value.rows == 1


def test_known_kind_shows_only_the_cells_that_are_column_names(tmp_path):
    (tmp_path / "rosters").mkdir()
    path = tmp_path / "rosters" / "r.csv"
    path.write_text("Group ID,Name / नाम,Asha Verma,Notes 9876512345\nG1,A,B,C\n", encoding="utf-8")
    with pytest.raises(BadFile) as refused:
        read_table(path, tmp_path)
    assert str(refused.value) == (
        "no recognisable header in row 1: a sheet of rosters needs the columns "
        "Mobile number (मोबाइल नंबर), Category (श्रेणी); row 1 holds Group ID, Name / नाम "
        "and 2 other cells, not shown"
    )


def test_alerts_folder_shows_no_cell_of_row_one(tmp_path):
    (tmp_path / "alerts").mkdir()
    path = tmp_path / "alerts" / "a.csv"
    path.write_text("Platform,Name,Asha Verma\nInstagram,x,y\n", encoding="utf-8")
    with pytest.raises(BadFile) as refused:
        read_table(path, tmp_path)
    assert str(refused.value) == (
        "no recognisable header in row 1: a sheet of alerts needs the columns "
        "Received at (प्राप्ति समय), Outcome (परिणाम); row 1 holds 3 cells, not shown"
    )


def test_a_reader_error_quotes_no_cell(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text('Unit ID,Kind,Name\nBR,state,"Asha "Verma 9876512345\n', encoding="utf-8")
    with pytest.raises(BadFile) as refused:
        read_table(path, tmp_path)
    assert "Asha" not in str(refused.value) and "98765" not in str(refused.value)
    assert str(refused.value).startswith("cannot be read as CSV")


# --- phones in rejects on the Data page --------------------------------------------------


def _roster_rejects_inbox(root: Path) -> Path:
    _write(root, "units.csv", b"Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    _write(root, "groups.csv", b"Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,K\n")
    _write(
        root,
        "rosters/r.csv",
        b"Group ID,Mobile number,Category,Name\n"
        b"G9,9876500001,trader,Ram\n"
        b"G1,98765 4321,trader,Shyam\n"
        b"G1,+91-98765-00002,visitor,Gita\n",
    )
    return root


def _downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    original = DeltaGenerator.download_button

    def recording(self: DeltaGenerator, label: str, data: Any, file_name: str, *a: Any, **k: Any):
        made = data() if callable(data) else data
        files[file_name] = made.encode() if isinstance(made, str) else bytes(made)
        return original(self, label, data, file_name, *a, **k)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(
        streamlit, "download_button", lambda *a, **k: recording(streamlit._main, *a, **k)
    )
    return files


def _download_text(name: str, data: bytes) -> str:
    if name.endswith(".csv"):
        return "\n".join(",".join(r) for r in csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    book = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value
    )


def _old_alerts_refusal(engine: Any) -> None:
    """A refusal as an earlier version stored it, quoting row 1 of an alerts sheet."""
    import polars as pl

    from sampark.store import registry as store_registry

    reason = "no recognisable header (found: Asha Verma, 98765 12345); expected units: Unit ID"
    with engine.begin() as conn:
        run_id = store_registry.start_run(conn, Path("inbox"), NOW)
        file_id = store_registry.record_file(
            conn,
            run_id=run_id,
            path="scrb.csv",
            sha256="0" * 64,
            source=None,
            status="rejected",
            reason=reason,
            rows_read=1,
            rows_loaded=0,
            rows_rejected=1,
            loaded_at=NOW,
        )
        store_registry.record_rejects(
            conn,
            file_id,
            pl.DataFrame({"line": [1], "reason": [f"file rejected: {reason}"], "raw": [None]}),
        )


def test_data_page_masks_phones_in_rejects_and_their_downloads(db_url, tmp_path, monkeypatch):
    engine = migrate(db_url)
    run_inbox(engine, _roster_rejects_inbox(tmp_path / "inbox"), now=NOW)
    _old_alerts_refusal(engine)
    files = _downloads(monkeypatch)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=60), "data_officer").run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    shown = at.dataframe[0].value
    old = shown[shown["File"] == "scrb.csv"]
    assert old["Reason"].tolist() == [
        "file rejected: no recognisable header in row 1 (not shown); expected units: Unit ID"
    ]
    registry = at.dataframe[1].value
    assert "Asha" not in " ".join(registry["Reason"].dropna())
    shown = shown[shown["File"] != "scrb.csv"]

    def raw(*cells: str) -> str:
        return " | ".join([*cells, "", "", ""])

    assert sorted(zip(shown["Reason"], shown["Cells as written"], strict=True)) == [
        (
            "mobile '••••••321' is not a valid Indian number",
            raw("G1", "Shyam", "••••••321", "trader"),
        ),
        ("unknown category 'visitor'", raw("G1", "Gita", "+91 98•••••002", "visitor")),
        ("unknown group G9", raw("G9", "Ram", "+91 98•••••001", "trader")),
    ]
    texts = [_download_text(n, d) for n, d in files.items() if n.startswith("rejects.")]
    assert len(texts) == 2
    for text in texts:
        assert "+91 98•••••001" in text
        found = ("9876500001", "98765 4321", "98765-00002", "Asha")
        assert [p for p in found if p in text] == []


def test_reasons_stored_by_earlier_versions_are_shown_without_row_1():
    import polars as pl

    from sampark.safety.reject_text import withheld_row_1_in

    stored = pl.Series(
        "reason",
        [
            "file rejected: no recognisable header (found: Instagram, Asha Verma, 98765 12345, "
            "10.20.30.40, I cannot go on); expected units: Unit ID (इकाई आईडी)",
            "a alerts sheet needs the columns Outcome (परिणाम); found: Asha Verma, 10.20.30.40",
            "unknown group G9",
            None,
        ],
    )
    assert withheld_row_1_in(stored).to_list() == [
        "file rejected: no recognisable header in row 1 (not shown); expected units: "
        "Unit ID (इकाई आईडी)",
        "a alerts sheet needs the columns Outcome (परिणाम); row 1 not shown",
        "unknown group G9",
        None,
    ]
