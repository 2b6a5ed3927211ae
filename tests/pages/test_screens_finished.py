"""Every screen finished: the data's age on every page, repeated unit names told apart, unit
ids in downloads, Response labels for the reader's scope, Data and Audit in words, and no
English word of Streamlit's own in Hindi mode (AppTests on the small demo)."""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from sampark.tables.display import for_screen
from sampark.tables.logs import audit_table
from sampark.tables.names import unit_labels
from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD, demo_db

PAGES = {
    "overview": "pages/overview.py",
    "groups": "pages/groups.py",
    "response": "pages/response.py",
    "data": "pages/data.py",
    "audit": "pages/audit.py",
    "social": "pages/social.py",
}
# Database column names that must never be a table's header.
RAW_COLUMNS = {
    "file_id",
    "run_id",
    "started_at",
    "finished_at",
    "loaded_at",
    "sha256",
    "path",
    "rows_read",
    "audit_id",
    "at",
    "actor",
    "action",
    "role",
    "unit_id",
    "created_at",
}


@pytest.fixture
def demo(tmp_path_factory, monkeypatch, tmp_path) -> str:
    url = demo_db(tmp_path_factory)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return url


def _page(role: str, page: str, unit: str | None = None, lang: str = "en") -> AppTest:
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=90), role, unit)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- pure rules ---------------------------------------------------------------------------


def test_a_repeated_thana_name_carries_its_district_and_a_unique_one_does_not():
    units = pl.DataFrame(
        {
            "unit_id": ["R", "D1", "D2", "C1", "T1", "T2", "T3"],
            "kind": ["range", "district", "district", "circle", "thana", "thana", "thana"],
            "name": ["Central", "Gaya", "Patna", "Sadar circle", "Sadar", "Sadar", "Bodh"],
            "name_hi": [None, "गया", "पटना", None, "सदर", "सदर", None],
            "parent_id": [None, "R", "R", "D1", "C1", "D2", "D1"],
        }
    )
    assert unit_labels(units, "en") == {
        "R": "Central",
        "D1": "Gaya",
        "D2": "Patna",
        "C1": "Sadar circle",
        "T1": "Sadar (Gaya)",
        "T2": "Sadar (Patna)",
        "T3": "Bodh",
    }
    assert unit_labels(units, "hi")["T1"] == "सदर (गया)"


def test_tables_on_screen_group_figures_the_readers_way_and_never_say_none():
    frame = pl.DataFrame({"Members": [1455300, None], "Days": [17493.0 / 24, None]})
    assert for_screen(frame, "hi").rows() == [("14,55,300", "728.9"), ("—", "—")]
    assert for_screen(frame, "en").rows() == [("1,455,300", "728.9"), ("—", "—")]


def test_the_audit_log_reads_in_words_and_in_ist():
    log = pl.DataFrame(
        {
            "audit_id": [1],
            "at": [datetime(2026, 11, 20, 4, 30)],
            "actor": ["sp.nalanda"],
            "action": ["sign_in"],
            "target": ["user:sp.nalanda"],
            "detail": [None],
            "times": [1],
        }
    )
    shown = audit_table(log, "hi", timedelta(hours=5, minutes=30))
    assert shown.columns == ["कब (IST)", "किसने", "कार्य", "किस पर", "विवरण", "बार"]
    assert shown.row(0)[:3] == ("20-11-2026 10:00", "sp.nalanda", "साइन इन")


# --- pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "page"),
    [
        ("dgp", "overview"),
        ("dgp", "groups"),
        ("dgp", "response"),
        ("data_officer", "data"),
        ("admin", "audit"),
        ("social", "social"),
    ],
)
def test_every_page_says_how_old_its_data_is(demo, role, page):
    for lang, words in (("en", "Data as of "), ("hi", "डेटा ")):
        at = _page(role, page, lang=lang)
        assert any(c.value.startswith(words) and "IST" in c.value for c in at.caption), page


def test_the_needs_action_table_names_the_district_of_a_repeated_thana_and_keeps_its_id(demo):
    at = _page("dgp", "overview")
    actions = next(d.value for d in at.dataframe if "Where" in d.value.columns)
    assert "Unit ID" in actions.columns  # for the download; hidden on screen
    kotwalis = {w for w in actions["Where"] if w.startswith("Kotwali")}
    assert kotwalis and all(" (" in w for w in kotwalis)


def test_an_sp_reads_alerts_of_the_district_not_statewide_and_overdue_in_days(demo):
    at = _page("sp", "response", unit="BR-NAL")
    alerts = [c.value for c in at.caption if " alerts. Minutes" in c.value]
    assert alerts and alerts[0].startswith("Nalanda:"), alerts
    assert not any(c.value.startswith("Statewide") for c in at.caption)
    breaches = next(d.value for d in at.dataframe if "Stage missed" in d.value.columns)
    assert "Days over the limit" in breaches.columns and "Hours over" not in breaches.columns


def test_the_alert_desk_reads_statewide(demo):
    at = _page("scrb", "response")
    assert any(c.value.startswith("Statewide:") for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_data_and_audit_tables_have_no_database_column_names(demo, lang):
    for role, page in (("data_officer", "data"), ("admin", "audit")):
        at = _page(role, page, lang=lang)
        headers = {c for d in at.dataframe for c in d.value.columns}
        assert headers and not headers & RAW_COLUMNS, headers & RAW_COLUMNS


def test_the_audit_log_shows_its_actions_as_words_in_ist(demo):
    at = _page("admin", "audit")
    log = at.dataframe[0].value
    assert "When (IST)" in log.columns
    assert "account added" in set(log["Action"])
    assert not {"user_added", "sign_in", "export"} & set(log["Action"])


def test_group_kinds_and_member_categories_are_words(demo):
    at = _page("sp", "groups", unit="BR-NAL")
    groups = next(d.value for d in at.dataframe if "Kind" in d.value.columns)
    assert "thana_public" not in set(groups["Kind"]) and "thana group" in set(groups["Kind"])


def test_a_group_without_an_export_for_two_weeks_is_no_recent_export_not_dormant(demo, monkeypatch):
    # The demo's exports were loaded on the frozen day; a month on, none is recent.
    monkeypatch.setenv("SAMPARK_NOW", "2026-12-20T10:00:00+05:30")
    at = _page("dgp", "groups")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Dormant groups"] == "0"
    assert metrics["No recent export"] == metrics["Groups"]


def test_in_hindi_streamlit_widgets_carry_hindi_placeholders_and_no_select_all(demo):
    at = _page("dgp", "groups", lang="hi")
    kinds = at.multiselect(key="health_kinds")
    assert kinds.placeholder == "सभी प्रकार"
    assert kinds.proto.select_all is False or not kinds.proto.select_all
    assert kinds.options[0] == "थाना समूह"
