"""While demo mode is on, the Overview judges the demo against its own demo-scale target and
says so; once a real file arrives, the state's own target applies again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.demo.calendar import DemoCalendar
from etl.demo.write.database import build_demo_database
from etl.demo.write.profile import write_demo_profile
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.settings import PROJECT_ROOT
from tests.access.test_demo_mode import REAL_UNITS, _tiny_demo
from tests.auth_helpers import demo_session, login_as

PAGE = str(PROJECT_ROOT / "pages" / "overview.py")
DEMO_CAPTION = "Demo-scale target: 12,600 members by 19 Apr 2027"


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


@pytest.fixture
def demo(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    build_demo_database(migrate(sqlite_url), tmp_path / "demo" / "inbox", write=_tiny_demo)
    targets = PROJECT_ROOT / "data" / "targets"
    write_demo_profile(
        targets, tmp_path / "demo" / "targets", "bihar", DemoCalendar(date(2026, 11, 20))
    )
    return sqlite_url


def test_demo_mode_shows_the_demo_scale_target_as_such(demo: str) -> None:
    at = demo_session(AppTest.from_file(PAGE, default_timeout=60), "dgp").run()
    assert not at.exception
    assert any(c.startswith(DEMO_CAPTION) for c in _captions(at))
    assert "Bihar (demo scale)" in " ".join(_captions(at))


def test_demo_target_in_hindi_names_it_demo_scale(demo: str) -> None:
    at = demo_session(AppTest.from_file(PAGE, default_timeout=60), "dgp")
    at.session_state["lang"] = "hi"
    at.run()
    assert not at.exception
    assert any(c.startswith("डेमो पैमाने का लक्ष्य") for c in _captions(at))


def test_after_a_real_file_the_state_target_applies(demo: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "units.csv").write_text(REAL_UNITS, encoding="utf-8")
    run_inbox(migrate(demo), inbox)
    at = login_as(AppTest.from_file(PAGE, default_timeout=60), "dgp").run()
    assert not at.exception
    assert not any(c.startswith("Demo-scale target") for c in _captions(at))
