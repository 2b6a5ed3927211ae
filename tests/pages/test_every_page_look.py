"""What the screenshots of every page per role and language showed, kept fixed (AppTests on
the small demo): a demo role's name follows the language, dates on Group health and Response
are written with the month in words, never ISO or day-month-year digits."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from etl.demo.write.database import build_demo_database
from sampark.access import SignedIn
from sampark.clock import now_local
from sampark.db import migrate
from tests.access.test_demo_mode import _tiny_demo
from tests.auth_helpers import login_as, sign_in_state
from tests.coverage_demo import DASHBOARD, demo_db

ISO_OR_DIGITS = re.compile(r"\d{4}-\d\d-\d\d|\d\d-\d\d-\d{4}")


@pytest.fixture
def demo(tmp_path_factory, monkeypatch, tmp_path) -> str:
    url = demo_db(tmp_path_factory)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return url


def test_a_demo_roles_name_follows_the_language_switch(sqlite_url, tmp_path, monkeypatch):
    """Entered in English ("Demo SP (district)"), then read in Hindi: the name is the role's,
    in Hindi, and no English is left beside it."""
    build_demo_database(migrate(sqlite_url), tmp_path / "demo" / "inbox", write=_tiny_demo)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SAMPARK_DEMO_SWITCHER", raising=False)
    user = SignedIn("demo-sp", "sp", "BR-PAT", display_name="Demo SP (district)", demo=True)
    at = sign_in_state(AppTest.from_file(DASHBOARD, default_timeout=90), user, now_local())
    at.session_state["lang"] = "hi"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    lines = [m.value for m in at.sidebar.markdown]
    assert lines == ["**डेमो एसपी (जिला)**"]


def test_an_accounts_name_and_role_stay_side_by_side(demo):
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=90), "dgp", name="Kumar")
    at.run()
    assert [m.value for m in at.sidebar.markdown] == ["**Kumar** · DGP / PHQ"]


@pytest.mark.parametrize(("lang", "month"), [("en", "Nov"), ("hi", "नवंबर")])
def test_group_health_names_its_reference_day_in_words(demo, lang, month):
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=90), "dgp")
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("pages/groups.py").run()
    assert not at.exception, [e.value for e in at.exception]
    caption = next(c.value for c in at.caption if "30" in c.value and "14" in c.value)
    assert month in caption and not ISO_OR_DIGITS.search(caption), caption


@pytest.mark.parametrize(("lang", "month"), [("en", "Nov"), ("hi", "नवंबर")])
def test_response_names_the_registers_latest_time_in_words(demo, lang, month):
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=90), "dgp")
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("pages/response.py").run()
    assert not at.exception, [e.value for e in at.exception]
    caption = next(c.value for c in at.caption if "IST" in c.value and "·" in c.value)
    assert month in caption and not ISO_OR_DIGITS.search(caption), caption
