"""No personal data leaves without its audit row (SQLite and PostgreSQL).

Streamlit serves a download from its media endpoint: bytes given to a download button are
there once the page is drawn, and a file made by a function is made whenever the browser asks
for it, with or without a click. So the test draws the page, looks into the media file manager
Streamlit serves from, and asks for every file as a browser speaking the protocol could, with
no click and so no click callback: each file must exist only with its `export` row.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as
from tests.download_helpers import (
    RecordingManager,
    downloadable,
    fetch_without_click,
    recorded_managers,
)

ROOT = Path(__file__).resolve().parents[2]
GROUPS_PAGE = str(ROOT / "pages" / "groups.py")
NOW = datetime(2026, 11, 1, 12, 0)
PHONES = [f"+9198765432{i:02d}" for i in range(12)]


@pytest.fixture
def media_files(monkeypatch: pytest.MonkeyPatch) -> list[RecordingManager]:
    return recorded_managers(monkeypatch)


def _inbox(root: Path) -> Path:
    files = {
        "units/units.csv": "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT\n",
        "groups/groups.csv": "Group ID,Unit ID,Group kind,Group name\n"
        "G-KOT,BR-PAT-T001,thana_public,Kotwali Jan Sampark\n",
        "rosters/kotwali.csv": "Group ID,Mobile number,Category,Name,List date\n"
        + "".join(f"G-KOT,{p},trader,Trader {i},01-10-2026\n" for i, p in enumerate(PHONES)),
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _exports(url: str) -> list[tuple[str, str, str | None]]:
    with sa.create_engine(url, poolclass=sa.pool.NullPool).connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT actor, target, detail FROM audit_log"
                " WHERE action = 'export' ORDER BY audit_id"
            )
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_member_list_is_made_only_with_its_audit_row(db_url, tmp_path, monkeypatch, media_files):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox"), now=NOW)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(GROUPS_PAGE, default_timeout=60), "sp", "BR-PAT", "SP Patna")
    at.session_state["health_members_group"] = "G-KOT"
    at.run()
    assert not at.exception
    assert at.subheader[-1].value == "Members of Kotwali Jan Sampark"
    (manager,) = media_files
    # Drawing the page makes no file and writes no row.
    assert downloadable(manager) == {}
    assert _exports(db_url) == []
    made = fetch_without_click(manager)
    assert PHONES[0].encode() in dict(made)["members_G-KOT.csv"]
    rows = _exports(db_url)
    assert ("SP Patna (test-sp)", "members_G-KOT.csv", "12 rows") in rows
    assert ("SP Patna (test-sp)", "members_G-KOT.xlsx", "12 rows") in rows
    # One row per file made: every file the browser got has its row.
    assert sorted(target for _actor, target, _detail in rows) == sorted(n for n, _ in made)


def test_every_request_for_a_file_writes_its_own_row(db_url, tmp_path, monkeypatch, media_files):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox"), now=NOW)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(GROUPS_PAGE, default_timeout=60), "sp", "BR-PAT", "SP Patna")
    at.session_state["health_members_group"] = "G-KOT"
    at.run()
    (manager,) = media_files
    (members,) = [
        file_id
        for file_id, entry in manager._deferred_callables.items()
        if entry["filename"] == "members_G-KOT.csv"
    ]
    for _ in range(3):
        manager.execute_deferred(members)
    assert [r for r in _exports(db_url) if r[1] == "members_G-KOT.csv"] == [
        ("SP Patna (test-sp)", "members_G-KOT.csv", "12 rows")
    ] * 3
