"""AppTest of the Response page on the small demo, compared with `python -m sampark report`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from etl.demo import DemoSummary, write_demo
from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGE = "pages/response.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[str, DemoSummary]:
    root = tmp_path_factory.mktemp("demo_response")
    summary = write_demo(root / "inbox", scale="small", seed=7)
    url = f"sqlite:///{root}/demo.db"
    run_inbox(migrate(url), root / "inbox")
    return url, summary


@pytest.fixture
def app(demo, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", demo[0])
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return login_as(AppTest.from_file(DASHBOARD, default_timeout=90), "dgp")


def _report(url: str, kind: str, level: str) -> list[dict]:
    args = ["report", kind, "--level", level, "--format", "json", "--db", url]
    out = subprocess.run(
        [sys.executable, "-m", "sampark", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def _open(app: AppTest) -> AppTest:
    at = app.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_page_shows_the_state_figures_the_report_prints(app, demo):
    at = _open(app)
    state = {r["stage"]: r for r in _report(demo[0], "response", "state")}
    metrics = _metrics(at)
    assert metrics["Median to Cognizance"] == f"{state['cognizance']['median_h']:.1f} h"
    assert metrics["Median to Closed"] == f"{state['closed']['median_h']:.1f} h"
    assert metrics["Cognizance within 2 h"] == f"{100 * state['cognizance']['within_sla']:.1f}%"
    assert metrics["Closed within 504 h"] == f"{100 * state['closed']['within_sla']:.1f}%"


def test_district_table_matches_the_report_and_states_the_minimum(app, demo):
    at = _open(app)
    table = next(d.value for d in at.dataframe if "Open > 21 days" in d.value.columns)
    rows = [r for r in _report(demo[0], "response", "district") if r["stage"] == "cognizance"]
    assert table["Entries"].tolist() == [f"{r['cases']:,}" for r in rows]
    assert table["Median (h)"].tolist() == [
        "—" if r["median_h"] is None else f"{r['median_h']:,.1f}" for r in rows
    ]
    assert any("fewer than 20 entries" in c.value for c in at.caption)


def test_stage_chart_draws_each_stage_limit_and_the_trend_its_limit_line(app):
    at = _open(app)
    charts = _charts(at)
    titles = [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts]
    assert titles[:3] == [
        "Hours from receipt to each stage, against its time limit",
        "Hours to Cognizance, week by week",
        "Open entries by age",
    ]
    assert charts[0]["data"][1]["y"] == [2, 24, 72, 504]
    assert charts[1]["layout"]["shapes"][0]["y0"] == 2


def test_scoped_to_a_district_lists_its_thanas_with_deltas_to_the_state(app, demo):
    app.session_state["range_en"] = "BR-R-CEN"
    app.session_state["district_BR-R-CEN_en"] = "BR-NAL"
    at = _open(app)
    assert at.subheader[1].value == "By thana"
    thanas = [
        r
        for r in _report(demo[0], "response", "thana")
        if r["unit_id"].startswith("BR-NAL-") and r["stage"] == "cognizance"
    ]
    table = next(d.value for d in at.dataframe if "Open > 21 days" in d.value.columns)
    assert len(table) == len(thanas) > 0
    assert all("vs state" in m.proto.delta for m in at.metric[:4])


def test_drill_down_to_a_thana_lists_only_its_breaches(app, demo):
    app.session_state["range_en"] = "BR-R-CEN"
    app.session_state["district_BR-R-CEN_en"] = "BR-NAL"
    app.session_state["resp_drill_en"] = "BR-NAL-T001"
    at = _open(app)
    with sa.create_engine(demo[0]).connect() as conn:
        name = conn.execute(
            sa.text("SELECT name FROM units WHERE unit_id = 'BR-NAL-T001'")
        ).scalar()
    breaches = next(d.value for d in at.dataframe if "Stage missed" in d.value.columns)
    assert len(breaches) > 0 and set(breaches["Unit ID"]) == {"BR-NAL-T001"}
    assert {u.split(" (")[0] for u in breaches["Unit"]} == {name}


def test_alerts_section_is_hidden_from_roles_that_do_not_act_on_alerts(app):
    at = _open(app)  # the DGP watches; the SCRB helpdesk, SP and SHO act
    assert any("only to the roles that act on them" in i.value for i in at.info)
    assert "Alerts, stage by stage (share of all alerts)" not in [
        c["layout"]["title"]["text"].replace("<br>", " ") for c in _charts(at)
    ]


def test_alerts_section_shows_funnel_and_units_as_the_report(app, demo):
    at = _open(login_as(app, "scrb"))
    titles = [c["layout"]["title"]["text"].replace("<br>", " ") for c in _charts(at)]
    assert "Alerts, stage by stage (share of all alerts)" in titles
    funnel = next(d.value for d in at.dataframe if "Of previous stage %" in d.value.columns)
    assert funnel["Alerts"].iloc[0] == f"{demo[1].alerts:,}"
    by_unit = next(d.value for d in at.dataframe if "State reached %" in d.value.columns)
    assert by_unit["Alerts"].tolist() == [
        f"{r['alerts']:,}" for r in _report(demo[0], "alerts", "district")
    ]


def test_no_restricted_alert_field_reaches_the_page_unless_asked_for(app):
    at = _open(login_as(app, "scrb"))
    shown = " ".join(d.value.to_csv() for d in at.dataframe)
    assert "+91" not in shown and "203.0.113." not in shown and "synthetic demo" not in shown


def test_alert_details_are_shown_to_the_helpdesk_on_request_and_audited(app, demo):
    at = _open(login_as(app, "scrb", name="HC Meena"))
    at.toggle(key="alert_details_show").set_value(True).run()
    details = next(d.value for d in at.dataframe if "Mobile" in d.value.columns)
    with sa.create_engine(demo[0]).connect() as conn:
        open_alerts = conn.execute(
            sa.text(
                "SELECT count(*) FROM alerts WHERE outcome IS NULL OR received_at >= "
                "(SELECT datetime(max(received_at), '-7 days') FROM alerts)"
            )
        ).scalar()
        audit = conn.execute(
            sa.text("SELECT actor, action FROM audit_log WHERE action = 'alert_details_viewed'")
        ).all()
    assert len(details) == open_alerts > 0
    assert details["Mobile"].str.startswith("+91").all()
    assert ("HC Meena (test-scrb)", "alert_details_viewed") in audit


def test_an_sp_sees_the_alerts_funnel_of_the_district_but_no_identifying_details(app):
    at = _open(login_as(app, "sp", "BR-NAL"))
    titles = [c["layout"]["title"]["text"].replace("<br>", " ") for c in _charts(at)]
    assert "Alerts, stage by stage (share of all alerts)" in titles
    assert not [w for w in at.toggle if w.key == "alert_details_show"]


def test_page_in_hindi_uses_hindi_labels(app):
    app.session_state["lang"] = "hi"
    at = _open(app)
    assert at.title[0].value == "हम कितनी तेज़ी से कार्रवाई करते हैं, और कहाँ चूकते हैं"
    assert _metrics(at)["संज्ञान तक माध्यिका"].endswith(" घंटे")
    assert "जिला अनुसार" in [s.value for s in at.subheader]


def test_page_runs_on_its_own(demo, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo[0])
    at = login_as(AppTest.from_file(str(ROOT / PAGE), default_timeout=90), "dgp").run()
    assert not at.exception
    assert len(at.metric) == 8


def test_demo_response_files_account_for_every_row(demo):
    with sa.create_engine(demo[0]).connect() as conn:
        read, loaded, rejected = conn.execute(
            sa.text(
                "SELECT sum(rows_read), sum(rows_loaded), sum(rows_rejected) FROM etl_files"
                " WHERE source IN ('registers', 'alerts', 'stories')"
            )
        ).one()
    summary = demo[1]
    assert read == loaded + rejected
    assert loaded == summary.registers + summary.alerts + summary.stories
    assert rejected == summary.response_bad_rows
