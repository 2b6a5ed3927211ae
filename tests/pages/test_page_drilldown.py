"""AppTest of the coverage drill-down: treemap coloured by compliance, tables per level with
"Kotwali thana group: 143 of 200, needs 57", Excel downloads; in English and Hindi."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD, ROOT, demo_db, report


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture
def app(url, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "dgp")


def _open(app: AppTest, lang: str = "en", district: str | None = None) -> AppTest:
    app.session_state["lang"] = lang
    if district:
        app.session_state[f"range_{lang}"] = "BR-R-CEN"
        app.session_state[f"district_BR-R-CEN_{lang}"] = district
    at = app.run()
    at.switch_page("pages/drilldown.py").run()
    assert not at.exception
    return at


def test_treemap_runs_from_the_state_to_every_group(app, url):
    at = _open(app)
    tree = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    (state,) = report(url, "state")
    assert tree["type"] == "treemap"
    assert tree["ids"][0] == "BR" and tree["parents"][0] == ""
    assert sum(1 for i in tree["ids"] if i.startswith("G-")) == state["groups"]


def test_group_table_says_how_many_each_group_still_needs(app):
    groups = _open(app).dataframe[0].value
    kotwali = groups[groups["Group"] == "Patna Kotwali Thana Jan Samvad"].iloc[0]
    need = max(0, 200 - int(kotwali["Members"]))
    # Patna is not the only district with a Kotwali thana: its district is named beside it.
    # In the nine-district demo Patna's Kotwali group has passed 200 (209): "at target".
    said = f"needs {need}" if need else "at target"
    assert kotwali["Status"] == f"Kotwali (Patna) thana group: {kotwali['Members']} of 200, {said}"


def test_thana_level_of_a_district_lists_its_thanas(app, url):
    at = _open(app, district="BR-NAL")
    at.selectbox(key="drill_level_en").set_value("thana").run()
    thanas = [r for r in report(url, "thana") if str(r["unit_id"]).startswith("BR-NAL-")]
    assert len(at.dataframe[0].value) == len(thanas)
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_in_hindi_the_status_reads_in_hindi(app):
    groups = _open(app, "hi").dataframe[0].value
    status = groups["स्थिति"]
    assert status.str.contains(" में से |कोई न्यूनतम नहीं").all()
    assert status.str.contains(" में से ").sum() > 40  # thana and outpost groups
    assert (
        json.loads(_open(app, "hi").get("plotly_chart")[0].proto.spec)["data"][0]["labels"][0]
        == "बिहार"
    )


def test_page_runs_on_its_own_from_the_state(url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)
    at = login_as(
        AppTest.from_file(str(ROOT / "pages" / "drilldown.py"), default_timeout=120), "dgp"
    ).run()
    assert not at.exception
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["ids"][0] == "BR"
