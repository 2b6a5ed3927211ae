"""AppTest of every page, on a real SQLite database holding the small demo state."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.i18n import indian_grouping
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("demo")
    write_demo(root / "inbox", scale="small", seed=7)
    url = f"sqlite:///{root}/demo.db"
    run_inbox(migrate(url), root / "inbox")
    return url


@pytest.fixture
def app(demo_db, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", demo_db)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return login_as(AppTest.from_file(DASHBOARD, default_timeout=60), "dgp")


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _report(url: str, level: str) -> list[dict]:
    """What `python -m sampark report` prints for the same database: `coverage` by unit, or
    `groups` at the group level."""
    kind = "groups" if level == "group" else "coverage"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sampark",
            "report",
            kind,
            "--level",
            level,
            "--format",
            "json",
            "--db",
            url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


def test_overview_shows_the_numbers_the_report_prints(app, demo_db):
    at = app.run()
    assert not at.exception
    (state,) = _report(demo_db, "state")
    assert _metrics(at) == {
        "Members (people)": f"{state['members']:,}",
        "Required groups existing": _pct(state["groups_present"], state["groups_required"]),
        "Thana groups at ≥200": _pct(state["thanas_at_target"], state["thanas"]),
        "Outpost groups at ≥100": _pct(state["outposts_at_target"], state["outposts"]),
        "Staff connected": _pct(state["staff_connected"], state["staff"]),
        "Required groups at their minimum": _pct(
            state["groups_compliant"], state["groups_required"]
        ),
        "Members still needed": f"{state['members_needed']:,}",
        "Groups without required officers": f"{state['groups_short_officers']:,}",
        "Blocklisted in public groups": f"{state['blocklisted_in_public']:,}",
    }


def test_demo_state_tells_the_story_of_the_order(demo_db):
    (state,) = _report(demo_db, "state")
    # Most thana groups below 200, some staff in no group, blocklisted people inside.
    assert state["thanas_at_target"] < state["thanas"] / 2
    assert 0 < state["staff_connected"] < state["staff"]
    assert state["blocklisted_in_public"] > 0


def test_overview_draws_progress_and_district_charts_with_target(app):
    at = app.run()
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts]
    assert titles == [
        "Members week by week, the target and where the recent pace leads",
        "Compliance by range and district (share of each measure met)",
        "Members by district against the members all required groups need",
    ]
    target_line = charts[0]["layout"]["shapes"][0]
    assert (target_line["y0"], target_line["y1"]) == (200000, 200000)
    # The small demo's nine thin districts (was Nalanda and Patna only).
    assert charts[2]["data"][0]["x"] == [
        "Bhojpur", "Buxar", "Gopalganj", "Kaimur", "Nalanda", "Patna", "Rohtas", "Saran", "Siwan",
    ]  # fmt: skip


def test_overview_in_hindi_uses_hindi_labels_and_indian_grouping(app, demo_db):
    app.session_state["lang"] = "hi"
    at = app.run()
    assert not at.exception
    (state,) = _report(demo_db, "state")
    assert state["members"] > 1000  # so the grouping shows
    assert _metrics(at)["सदस्य (व्यक्ति)"] == indian_grouping(state["members"])
    assert at.title[0].value == "आदेश के लक्ष्यों के सापेक्ष कवरेज"
    assert "पटना" in at.dataframe[-1].value.iloc[:, 0].tolist()


def test_overview_scoped_to_a_district_lists_its_thanas(app, demo_db):
    # Chosen as a returning user's session holds them (AppTest drops the sidebar tree of a
    # navigation app on rerun, so the widgets cannot be clicked twice here).
    app.session_state["range_en"] = "BR-R-CEN"
    app.session_state["district_BR-R-CEN_en"] = "BR-NAL"
    at = app.run()
    assert [s.value for s in at.sidebar.selectbox] == ["BR-R-CEN", "BR-NAL"]
    assert not at.exception
    nalanda = next(r for r in _report(demo_db, "district") if r["unit_id"] == "BR-NAL")
    thanas = [r for r in _report(demo_db, "thana") if r["unit_id"].startswith("BR-NAL-")]
    assert _metrics(at)["Members (people)"] == f"{nalanda['members']:,}"
    assert at.subheader[-1].value == "By thana"
    assert len(at.dataframe[-1].value) == len(thanas) > 0


def test_data_page_lists_every_reject_with_reason(app):
    at = login_as(app, "data_officer").run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    metrics = {k: int(v.replace(",", "")) for k, v in _metrics(at).items()}
    assert metrics["Rows read"] == metrics["Rows loaded"] + metrics["Rows rejected"]
    assert metrics["Files rejected whole"] == 1
    rejects = at.dataframe[0].value
    assert "unknown category 'visitor'" in rejects["Reason"].tolist()
    assert "—" not in rejects["Line"].tolist()


def test_data_page_filters_rejects_by_file(app):
    at = login_as(app, "data_officer").run()
    at.switch_page("pages/data.py").run()
    at.selectbox[0].set_value("rosters/notes.csv").run()
    assert at.dataframe[0].value["Line"].tolist() == ["1"]


def test_each_page_runs_on_its_own(demo_db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_db)
    for page, role in (("overview.py", "dgp"), ("groups.py", "sp"), ("data.py", "data_officer")):
        unit = "BR-NAL" if role == "sp" else None
        at = login_as(
            AppTest.from_file(str(ROOT / "pages" / page), default_timeout=60), role, unit
        ).run()
        assert not at.exception, page
        assert at.metric, page


def test_empty_database_builds_the_demo_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/empty.db")
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=120).run()
    assert not at.exception
    assert at.status[0].label.startswith("Demo state built: ")
    assert (tmp_path / "demo" / "inbox" / "units" / "units.csv").is_file()
    assert not (tmp_path / "inbox").exists()  # the demo never writes into the real inbox
    # Nothing but the sign-in until someone enters; the demo offers its labelled switcher.
    assert at.title[0].value == "Sampark — sign in" and not at.metric
    assert at.subheader[0].value == "Demo: enter as a role"
    at.selectbox(key="auth_demo_role").set_value("dgp")
    next(b for b in at.button if b.label == "Enter the demo").click().run()
    (state,) = _report(f"sqlite:///{tmp_path}/empty.db", "state")
    assert _metrics(at)["Members (people)"] == f"{state['members']:,}"


def test_group_health_page_shows_chat_activity_with_dormancy_line(app, demo_db):
    at = app.run()
    at.switch_page("pages/groups.py").run()
    assert not at.exception
    (state,) = _report(demo_db, "state")
    health = _report(demo_db, "group")
    metrics = _metrics(at)
    assert metrics["Groups"] == f"{state['groups']:,}"
    assert metrics["Dormant groups"] == f"{sum(g['dormant'] for g in health):,}"
    assert 0 < sum(g["dormant"] for g in health) < len(health)
    assert metrics["Noise share"] != "—"
    assert not at.info
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert (
        charts[0]["layout"]["title"]["text"].replace("<br>", " ")
        == "Days since the last message, per group"
    )
    assert charts[0]["layout"]["shapes"][0]["x0"] == 14


def test_group_health_lists_roster_chat_disagreements_with_masked_phones(app, demo_db):
    at = app.run()
    at.switch_page("pages/groups.py").run()
    found = next(d.value for d in at.dataframe if "Finding" in d.value.columns)
    health = _report(demo_db, "group")
    assert len(found) == sum(g["left_chat"] + g["not_on_roster"] for g in health) > 0
    assert found["Person"].str.fullmatch(r"\+91 \d\d•••••\d{3}").all()


def test_group_health_drills_down_to_a_thanas_groups(app, demo_db):
    app.session_state["range_en"] = "BR-R-CEN"
    app.session_state["district_BR-R-CEN_en"] = "BR-NAL"
    app.session_state["health_unit_en"] = "BR-NAL-T001"
    at = app.run()
    at.switch_page("pages/groups.py").run()
    assert not at.exception
    with sa.create_engine(demo_db).connect() as conn:
        expected = (
            conn.execute(sa.text("SELECT name FROM groups WHERE unit_id = 'BR-NAL-T001'"))
            .scalars()
            .all()
        )
    assert expected
    groups = next(d.value for d in at.dataframe if "Designated admin is admin" in d.value.columns)
    assert sorted(groups["Group"].tolist()) == sorted(expected)
