"""AppTest of directive reach beside coverage, on a small network with one directive (SQLite):
the Districts league and the Drill-down's district and group tables show the share within 24 h
and the median delay, in English and Hindi; a month later they say "no directive"."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile
from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD
from tests.download_helpers import RecordingManager, fetch_without_click, recorded_managers
from tests.pages.test_brief_download import _pdf_text
from tests.spread_setup import NOW, PEPPER, spread_inbox

ROOT = Path(__file__).resolve().parents[2]
IST_NOW = NOW.isoformat() + "+05:30"


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("reach_pages")
    url = f"sqlite:///{root}/reach.db"
    engine = migrate(url)
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, spread_inbox(root / "inbox"), now=NOW, prints=prints)
    profile = load_profile(ROOT / "data/targets", "bihar")
    refresh_spread(engine, profile, PEPPER, texts=prints.texts_by_hash(), at=NOW)
    return url


def _page(url, monkeypatch, tmp_path, page: str, lang: str = "en", now: str = IST_NOW):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_NOW", now)
    at = login_as(AppTest.from_file(str(ROOT / "pages" / page), default_timeout=120), "dgp")
    at.session_state["lang"] = lang
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _rows(at: AppTest, unit: str) -> dict[str, dict[str, object]]:
    table = at.dataframe[0].value
    return {r[unit]: r for r in table.to_dict("records")}


def test_the_league_shows_each_district_share_within_24_hours_and_median(
    url, monkeypatch, tmp_path
):
    at = _page(url, monkeypatch, tmp_path, "districts.py")
    rows = _rows(at, "Unit")
    assert (rows["One"]["Directives within 24 h"], rows["One"]["Directive median delay"]) == (
        "100.0% (2 of 2)",
        "10 min",
    )
    assert (rows["Two"]["Directives within 24 h"], rows["Two"]["Directive median delay"]) == (
        "66.7% (2 of 3)",
        "2.0 h",
    )
    assert any("last 28 days" in c.value for c in at.caption)


def test_in_hindi_the_league_columns_are_hindi(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "districts.py", "hi")
    two = _rows(at, "इकाई")["Two"]
    assert two["24 घंटे में पहुँचे निर्देश"] == "66.7% (3 में से 2)"
    assert two["निर्देश पहुँचने की माध्यिका देरी"] == "2.0 घंटे"


def test_a_month_after_the_directive_the_league_says_no_directive(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "districts.py", now="2024-02-10T12:00:00+05:30")
    table = at.dataframe[0].value
    assert set(table["Directives within 24 h"]) == {"no directive"}
    assert set(table["Directive median delay"]) == {"no directive"}


def test_the_drill_down_shows_each_group_and_district(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "drilldown.py")
    groups = _rows(at, "Group")
    assert groups["T1 Jan Samvad"]["Directives within 24 h"] == "100.0% (1 of 1)"
    assert groups["T1 Jan Samvad"]["Directive median delay"] == "10 min"
    assert groups["T5 Jan Samvad"]["Directives within 24 h"] == "0.0% (0 of 1)"
    assert groups["T5 Jan Samvad"]["Directive median delay"] == "never reached"
    at.selectbox(key="drill_level_en").set_value("district").run()
    two = _rows(at, "Unit")["Two"]
    assert (two["Directives within 24 h"], two["Directive median delay"]) == (
        "66.7% (2 of 3)",
        "2.0 h",
    )


def test_in_hindi_the_drill_down_columns_are_hindi(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "drilldown.py", "hi")
    t5 = _rows(at, "समूह")["T5 Jan Samvad"]
    assert t5["24 घंटे में पहुँचे निर्देश"] == "0.0% (1 में से 0)"
    assert t5["निर्देश पहुँचने की माध्यिका देरी"] == "कभी नहीं पहुँचा"


def test_an_sho_drill_down_has_no_directive_reach(url, monkeypatch, tmp_path):
    # Directive reach is for the roles that see how directives travelled (DGP, IG, SP).
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_NOW", IST_NOW)
    page = AppTest.from_file(str(ROOT / "pages" / "drilldown.py"), default_timeout=120)
    at = login_as(page, "sho", "T1").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Directives within 24 h" not in at.dataframe[0].value.columns
    assert not any("last 28 days" in c.value for c in at.caption)


def _dashboard_brief(url, monkeypatch, tmp_path, media_files, role, unit, lang) -> str:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_NOW", IST_NOW)
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=180), role, unit)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    made = [b for n, b in fetch_without_click(media_files[-1]) if n.endswith(".pdf")]
    assert len(made) == 1
    return " ".join(_pdf_text(made[0], tmp_path).split())


@pytest.fixture
def media_files(monkeypatch: pytest.MonkeyPatch) -> list[RecordingManager]:
    return recorded_managers(monkeypatch)


def test_the_dgp_dashboard_brief_carries_the_directive_line(
    url, monkeypatch, tmp_path, media_files
):
    text = _dashboard_brief(url, monkeypatch, tmp_path, media_files, "dgp", None, "en")
    assert "Directive reach: 80.0% within 24 h, median 1.0 h; behind: Two (66.7%)." in text


def test_an_sho_dashboard_brief_leaves_directive_reach_out(url, monkeypatch, tmp_path, media_files):
    text = _dashboard_brief(url, monkeypatch, tmp_path, media_files, "sho", "T5", "en")
    assert "Directive reach" not in text
