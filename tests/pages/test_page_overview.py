"""AppTest of the Overview (DGP): KPI strip with weekly change, progress with projection,
heatmap, districts furthest behind, needs action; in English and Hindi."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.i18n import indian_grouping
from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD, demo_db, report


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture
def app(url, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "dgp")


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_kpis_equal_the_report_with_change_since_last_week(app, url):
    at = app.run()
    assert not at.exception
    (state,) = report(url, "state")
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Members still needed"][0] == f"{state['members_needed']:,}"
    assert metrics["Groups without required officers"][0] == f"{state['groups_short_officers']:,}"
    assert metrics["Members (people)"][1].endswith(" since last week")
    assert metrics["Members (people)"][1].startswith("+")  # the demo grows week by week


def test_weekly_series_climbs_to_the_latest_members_with_the_target_line(app, url):
    at = app.run()
    (state,) = report(url, "state")
    weekly = _charts(at)[0]
    members = weekly["data"][0]["y"]
    assert len(members) == 26
    assert members[-1] == state["members"] and members[0] < members[-1]
    assert weekly["layout"]["shapes"][0]["y0"] == 200000


def test_projection_sentence_says_the_target_is_not_reached_at_this_pace(app):
    at = app.run()
    said = [m.value for m in at.markdown if "pace" in m.value]
    assert len(said) == 1 and said[0].startswith("**Not at this pace:")


def test_heatmap_has_a_row_per_district_labelled_with_its_range(app):
    heat = _charts(app.run())[1]
    # The small demo's nine thin districts in three ranges (was Nalanda and Patna only).
    assert heat["data"][0]["y"] == [
        "Central Range · Nalanda",
        "Central Range · Patna",
        "Saran Range · Gopalganj",
        "Saran Range · Saran",
        "Saran Range · Siwan",
        "Shahabad Range · Bhojpur",
        "Shahabad Range · Buxar",
        "Shahabad Range · Kaimur",
        "Shahabad Range · Rohtas",
    ]


def test_needs_action_lists_the_missing_women_staff_group_and_the_circle_without_sp(app):
    at = app.run()
    actions = next(d.value for d in at.dataframe if "What" in d.value.columns)
    what = actions["What"].tolist()
    assert "Required group missing" in what
    assert "Required officer not in the group" in what
    assert "women staff group" in actions["Detail"].tolist()


def test_districts_furthest_behind_put_the_lagging_district_first(app):
    at = app.run()
    behind = next(d.value for d in at.dataframe if "Behind since" in d.value.columns)
    assert behind["Unit"].tolist()[0] == "Gopalganj"  # the demo's last district lags


def test_brief_download_is_offered(app):
    at = app.run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Weekly brief (PDF)" in labels


def test_in_hindi_the_kpis_the_projection_and_the_tables_are_hindi(app, url):
    app.session_state["lang"] = "hi"
    at = app.run()
    assert not at.exception
    (state,) = report(url, "state")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["अभी आवश्यक सदस्य"] == indian_grouping(state["members_needed"])
    said = [m.value for m in at.markdown if "गति" in m.value]
    assert said and said[0].startswith("**इस गति से नहीं")
    assert (
        _charts(at)[0]["layout"]["title"]["text"].replace("<br>", " ")
        == "सप्ताहवार सदस्य, लक्ष्य और हाल की गति से अनुमान"
    )
    actions = next(d.value for d in at.dataframe if "क्या" in d.value.columns)
    assert "अपेक्षित समूह नहीं बना" in actions["क्या"].tolist()


def test_rajasthan_overview_has_no_thana_or_outpost_tile(tmp_path, monkeypatch):
    # Rajasthan's order works by circle: no "Thana groups at ≥0" tile.
    write_demo(tmp_path / "inbox", scale="small", seed=7, state="rajasthan")
    url = f"sqlite:///{tmp_path}/rj.db"
    run_inbox(migrate(url), tmp_path / "inbox")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_STATE", "rajasthan")
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "dgp").run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "Staff connected" in labels
    assert not [label for label in labels if label.startswith(("Thana groups", "Outpost groups"))]
