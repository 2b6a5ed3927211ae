"""Every export path finds no live formula, with hostile names loaded through the real ETL.

Hostile unit, group and story names arrive as CSV files in the small demo's inbox; then every
CSV/XLSX download the pages offer, the report CLI in CSV and the stories' bulk export are
produced and read back cell by cell.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import streamlit
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark.access import STATE
from sampark.content.export import export_csv
from sampark.content.queue import ready_queue, story_queue
from sampark.content.workflow import next_step
from sampark.db import migrate
from sampark.queries.network import network
from sampark.queries.stories import all_stories
from sampark.safety.export import is_live_formula
from sampark.store.stories import record_step
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = ("overview", "districts", "drilldown", "groups", "response", "data", "social", "audit")
# Who opens each page: the one whose downloads are widest (the SCRB sees the alerts tables).
OPENER = {"response": "scrb", "data": "data_officer", "audit": "admin"}

TITLE = '=HYPERLINK("http://x","y")'
DISTRICT = "+cmd|' /C calc'!A0"
OTHER_DISTRICT = "@SUM(1)"
GROUP = "-2+3"
HOSTILE = (TITLE, DISTRICT, OTHER_DISTRICT, GROUP)


def _hostile_inbox(inbox: Path) -> None:
    """Rename both demo districts, add a group and a story, and a roster row that is rejected."""
    (inbox / "units" / "renamed.csv").write_text(
        "Unit ID,Kind,Name,Name in Hindi,Parent unit ID\n"
        f'BR-PAT,district,"{DISTRICT}",{GROUP},BR-R-CEN\n'
        f"BR-NAL,district,{OTHER_DISTRICT},नालंदा,BR-R-CEN\n",
        encoding="utf-8",
    )
    (inbox / "groups" / "hostile.csv").write_text(
        f"Group ID,Unit ID,Group kind,Group name\nG-HOSTILE,BR-PAT-T001,other,{GROUP}\n",
        encoding="utf-8",
    )
    (inbox / "rosters" / "hostile.csv").write_text(
        "Group ID,Mobile number,Category\nG-HOSTILE,=1+2,trader\n",
        encoding="utf-8",
    )
    title = TITLE.replace('"', '""')
    (inbox / "stories" / "hostile.csv").write_text(
        "Unit ID,Date,Category,Title,Story,Submitted by\n"
        f'BR-PAT-T001,01-11-2026,awareness,"{title}",Police held a road safety camp.,'
        f"{OTHER_DISTRICT}\n",
        encoding="utf-8",
    )


def _approve_hostile_story(url: str) -> None:
    engine = migrate(url)
    with engine.begin() as conn:
        story = all_stories(conn, STATE).filter(title=TITLE).row(0, named=True)
        status = story["status"]
        for action in ("vet", "approve"):
            step = next_step(
                story["story_id"],
                status,
                action,
                actor="Cell: Asha",
                at=datetime(2026, 11, 2, 9, 0),
                findings=[],
            )
            record_step(conn, step)
            status = step.to_status


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("hostile")
    write_demo(root / "inbox", scale="small", seed=7)
    _hostile_inbox(root / "inbox")
    url = f"sqlite:///{root}/demo.db"
    run_inbox(migrate(url), root / "inbox")
    _approve_hostile_story(url)
    return url


def _csv_cells(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _xlsx_cells(data: bytes) -> list[Any]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_safe(name: str, data: bytes) -> list[str]:
    """No live formula in the file; returns its text cells."""
    if name.endswith(".csv"):
        cells = _csv_cells(data)
    else:
        found = _xlsx_cells(data)
        assert [c.coordinate for c in found if c.data_type == "f"] == [], name
        cells = [c.value for c in found if isinstance(c.value, str)]
    assert [c for c in cells if is_live_formula(c)] == [], name
    return cells


def _page_downloads(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, bytes]:
    """{file name: bytes} of every CSV and XLSX download button on every page."""
    files: dict[str, bytes] = {}
    original = DeltaGenerator.download_button

    def recording(self: DeltaGenerator, label: str, data: Any, file_name: str, *a: Any, **k: Any):
        if str(file_name).endswith((".csv", ".xlsx")):
            made = data() if callable(data) else data
            files[file_name] = made.encode() if isinstance(made, str) else bytes(made)
        return original(self, label, data, file_name, *a, **k)

    def recording_main(*args: Any, **kwargs: Any) -> Any:
        return recording(streamlit._main, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(streamlit, "download_button", recording_main)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    for page in PAGES:
        at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), OPENER.get(page, "dgp"))
        at.run()
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, page
    return files


def test_every_page_download_holds_no_live_formula(hostile_db, monkeypatch, tmp_path):
    files = _page_downloads(hostile_db, monkeypatch, tmp_path)
    assert {"rejects.csv", "rejects.xlsx", "approved_stories.csv"} <= set(files)
    cells = [c for name, data in files.items() for c in _assert_safe(name, data)]
    assert {"'" + h for h in HOSTILE} <= set(cells)


@pytest.mark.parametrize(
    ("kind", "level"),
    [("coverage", "district"), ("groups", "group"), ("stories", "district")],
)
def test_report_csv_holds_no_live_formula(hostile_db, kind, level):
    options = ["--level", level, "--format", "csv", "--db", hostile_db]
    out = subprocess.run(
        [sys.executable, "-m", "sampark", "report", kind, *options],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    cells = _assert_safe(f"{kind}.csv", out)
    assert "'" + DISTRICT in cells or "'" + GROUP in cells


def test_stories_bulk_export_holds_no_live_formula(hostile_db):
    with migrate(hostile_db).connect() as conn:
        units = network(conn, STATE).units
        approved = ready_queue(story_queue(all_stories(conn, STATE), units))
    cells = _assert_safe("approved_stories.csv", export_csv(approved))
    assert "'" + TITLE in cells
