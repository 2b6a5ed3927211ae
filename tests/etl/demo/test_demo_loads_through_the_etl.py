"""The small demo through the real ETL, twice, on SQLite and PostgreSQL."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from etl.demo import write_demo
from etl.demo.calendar import REFERENCE
from etl.pipeline import run_inbox
from sampark.access import STATE
from sampark.db import migrate
from sampark.queries.network import network
from sampark.queries.registry import table_counts
from sampark.schema import etl_files, membership_events

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def demo_inbox(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("demo") / "inbox"
    write_demo(inbox, scale="small", seed=7, today=REFERENCE)
    return inbox


@pytest.fixture(scope="module")
def sqlite_engine(demo_inbox, tmp_path_factory) -> sa.Engine:
    engine = migrate(f"sqlite:///{tmp_path_factory.mktemp('ref')}/ref.db")
    run_inbox(engine, demo_inbox)
    return engine


@pytest.fixture(scope="module")
def sqlite_counts(sqlite_engine) -> dict[str, int]:
    with sqlite_engine.connect() as conn:
        return table_counts(conn)


def _hindi_phone(path: Path) -> bool:
    """The export was made on a phone set to Hindi (its encryption notice is in Hindi)."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            (name,) = [m for m in zf.namelist() if m.endswith(".txt")]
            text = zf.read(name).decode("utf-8")
    else:
        text = path.read_text("utf-8")
    return "एन्क्रिप्टेड" in text.split("\n", 1)[0]


@pytest.mark.parametrize("hindi", [False, True], ids=["english", "hindi"])
def test_dismissed_admins_and_settings_changes_reach_the_event_table(
    demo_inbox, sqlite_engine, hindi
):
    e, f = membership_events.c, etl_files.c
    with sqlite_engine.connect() as conn:
        rows = conn.execute(
            sa.select(f.path, e.event).join(etl_files, f.file_id == e.file_id)
        ).all()
    phones = {path: _hindi_phone(demo_inbox / path) for path in {p for p, _ in rows}}
    seen = {event for path, event in rows if phones[path] == hindi}
    assert {"admin_made", "admin_dismissed", "settings_changed"} <= seen
    assert "unknown" not in seen


def test_demo_twice_gives_identical_counts_on_every_database(db_url, demo_inbox, sqlite_counts):
    engine = migrate(db_url)
    first = run_inbox(engine, demo_inbox)
    with engine.connect() as conn:
        once = table_counts(conn)
    second = run_inbox(engine, demo_inbox)
    with engine.connect() as conn:
        twice = table_counts(conn)
    assert first.total("rows_read") == first.total("rows_loaded") + first.total("rows_rejected")
    assert {f.status for f in second.files} == {"skipped"}
    assert once == sqlite_counts
    assert twice == {**once, "etl_runs": once["etl_runs"] + 1}


def test_demo_rejects_are_the_planted_bad_rows(demo_inbox, sqlite_counts):
    summary = write_demo(demo_inbox.parent / "again", scale="small", seed=7, today=REFERENCE)
    planted = summary.bad_rows + summary.bad_files + summary.response_bad_rows
    assert sqlite_counts["rejects"] == planted


def test_etl_run_json_accounts_for_every_row(demo_inbox, tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "run",
            "--inbox",
            str(demo_inbox),
            "--db",
            f"sqlite:///{tmp_path}/cli.db",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    assert set(result) >= {"files", "rows_read", "rows_loaded", "rows_rejected"}
    assert result["rows_read"] == result["rows_loaded"] + result["rows_rejected"] > 0
    assert sum(f["status"] == "rejected" for f in result["files"]) == 1


def test_templates_are_read_back_as_their_own_sheet_kind(tmp_path):
    from etl.sources.sheets.tabular import read_table
    from etl.templates import write_templates

    kinds = [read_table(p).kind for p in write_templates(tmp_path)]
    assert kinds == [
        "units",
        "groups",
        "rosters",
        "staff",
        "blocklist",
        "registers",
        "alerts",
        "stories",
        "directives",
    ]


# Rajasthan and UP: each small demo through the real ETL once, checked against its own profile.

ORDER_KINDS = {
    "rajasthan": {"circle", "apex", "district_staff"},
    "up": {"thana_public", "district_staff"},
}


_LOADED: dict[str, tuple] = {}


def _loaded(state: str, tmp_path_factory) -> tuple:
    """(state, what the demo wrote, what the ETL did, the loaded network, the state's profile,
    table counts), built once per state for this module."""
    from sampark.targets import load_profile

    if state not in _LOADED:
        root = tmp_path_factory.mktemp(f"demo_{state}")
        summary = write_demo(root / "inbox", state=state, scale="small", seed=7, today=REFERENCE)
        engine = migrate(f"sqlite:///{root}/demo.db")
        result = run_inbox(engine, root / "inbox")
        with engine.connect() as conn:
            net = network(conn, STATE)
            counts = table_counts(conn)
        profile = load_profile(ROOT / "data" / "targets", state)
        _LOADED[state] = (state, summary, result, net, profile, counts)
    return _LOADED[state]


@pytest.fixture(params=["rajasthan", "up"])
def state_demo(request, tmp_path_factory):
    return _loaded(request.param, tmp_path_factory)


@pytest.fixture
def rajasthan_demo(tmp_path_factory):
    return _loaded("rajasthan", tmp_path_factory)


def test_state_demo_loads_with_only_the_planted_rejects(state_demo):
    _state, summary, result, _net, _profile, counts = state_demo
    assert result.total("rows_read") == result.total("rows_loaded") + result.total("rows_rejected")
    assert [f.path for f in result.files if f.status == "rejected"] == ["rosters/notes.csv"]
    assert counts["rejects"] == summary.bad_rows + summary.bad_files + summary.response_bad_rows
    assert counts["groups"] == summary.groups
    assert counts["staff"] == summary.staff


def test_state_demo_has_the_group_kinds_of_its_order(state_demo):
    state, _summary, _result, net, _profile, _counts = state_demo
    assert set(net.groups["kind"].unique()) == ORDER_KINDS[state]


def test_state_demo_has_units_meeting_and_missing_the_profile(state_demo):
    from sampark.metrics.coverage.rules import officers_by_group
    from sampark.metrics.coverage.totals import group_slots

    _state, _summary, _result, net, profile, _counts = state_demo
    slots = group_slots(net, profile)
    required = set(profile.required_groups[k][0] for k in profile.required_groups)
    assert set(slots["group_kind"]) == required
    # Some required groups exist and hold their minimum, some fall short, some are missing.
    main = slots.filter(pl.col("group_kind") != "apex")
    assert main["compliant"].sum() > 0
    assert (main["present"] & ~main["compliant"]).sum() > 0
    assert (~main["present"]).sum() > 0
    # The admin rule is met in most groups and broken in some.
    officers = officers_by_group(net, profile)
    assert 0 < (~officers["admin_ok"]).sum() < 0.25 * officers.height


def test_rajasthan_circle_and_apex_groups_miss_some_required_officers(rajasthan_demo):
    from sampark.metrics.coverage.rules import officers_by_group

    _state, _summary, _result, net, profile, _counts = rajasthan_demo
    officers = officers_by_group(net, profile).join(
        net.groups.select("group_id", "kind"), on="group_id"
    )
    circles = officers.filter(pl.col("kind") == "circle")
    missing = set(circles.explode("roles_missing")["roles_missing"].drop_nulls())
    assert missing == {"SP", "IG"}
    assert 0 < (circles["officers_missing"] > 0).sum() < circles.height
    apex = officers.filter(pl.col("kind") == "apex").row(0, named=True)
    assert apex["admin_ok"] and apex["roles_missing"] == ["SP"]
