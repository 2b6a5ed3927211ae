"""`report directives|rumours` on SQLite and PostgreSQL: the stored figures per directive, per
unit of a level, and the rumours with the cell's verdict; no sender named; a clear line
before any run stored figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.reports.spread import NO_FIGURES, directives_report, rumours_report
from sampark.store.rumours import set_verdict
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile
from tests.spread_setup import NOW, PEPPER, spread_inbox

ROOT = Path(__file__).resolve().parents[2]
PROFILE = load_profile(ROOT / "data/targets", "bihar")


@pytest.fixture
def loaded(db_url: str, tmp_path: Path) -> sa.Engine:
    engine = migrate(db_url)
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, spread_inbox(tmp_path / "inbox"), now=NOW, prints=prints)
    refresh_spread(engine, PROFILE, PEPPER, texts=prints.texts_by_hash(), at=NOW)
    return engine


def test_the_directives_report_gives_reach_and_times_per_directive(loaded):
    table, title = directives_report(loaded, "state")
    assert title == "Directives"
    assert table.select(
        "directive", "issued_by", "registered", "targets", "reached", "share", "t50_h", "t90_h"
    ).rows() == [("PHQ/14", "ADG", True, 5, 4, 0.8, 1.0, None)]


def test_the_directives_report_by_district_counts_deliveries_in_time_and_never(loaded):
    table, title = directives_report(loaded, "district")
    assert title == "Directives by district"
    assert table.select("unit_id", "name", "due", "within", "never", "median_delay_h").rows() == [
        ("D1", "One", 2, 2, 0, 0.33),
        ("D2", "Two", 3, 2, 1, 1.5),
    ]


def test_the_rumours_report_counts_groups_and_districts_and_shows_the_verdict(loaded):
    with loaded.begin() as conn:
        cluster = int(conn.execute(sa.text("SELECT cluster FROM rumours")).scalar_one())
        set_verdict(conn, cluster, "false", "Cell: Asha", NOW)
    table, _ = rumours_report(loaded)
    assert table.select("first_group", "groups", "districts", "verdict").rows() == [
        ("GT1", 5, 2, "false")
    ]
    assert not any("98765" in str(v) for row in table.rows() for v in row)


def test_before_any_figures_the_report_says_how_to_get_them(db_url):
    table, title = directives_report(migrate(db_url), "state")
    assert (table.height, title) == (0, NO_FIGURES)


def test_the_command_prints_both_reports_as_json(loaded, db_url):
    env = {**os.environ, "SAMPARK_STATE": "bihar"}
    out = {}
    for kind in ("directives", "rumours"):
        args = ["report", kind, "--format", "json", "--db", db_url]
        out[kind] = json.loads(
            subprocess.run(
                [sys.executable, "-m", "sampark", *args],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    assert [(d["directive"], d["reached"]) for d in out["directives"]] == [("PHQ/14", 4)]
    assert [(r["groups"], r["districts"]) for r in out["rumours"]] == [(5, 2)]
