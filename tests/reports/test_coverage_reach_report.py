"""`python -m sampark report coverage` carries directive reach per unit, as the league shows
it, in JSON and CSV, on SQLite and PostgreSQL; no directive in the window is 0 directives and
no share (never 0 %); before any run with a pepper the columns are empty."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile
from tests.spread_setup import NOW, PEPPER, spread_inbox

ROOT = Path(__file__).resolve().parents[2]
PROFILE = load_profile(ROOT / "data/targets", "bihar")


def _cli(url: str, fmt: str, now: str = NOW.isoformat() + "+05:30") -> str:
    env = {**os.environ, "SAMPARK_NOW": now}
    command = [sys.executable, "-m", "sampark", "report", "coverage", "--level", "district"]
    command += ["--format", fmt, "--db", url]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def _engine(url: str, root: Path, pepper: bool = True) -> sa.Engine:
    engine = migrate(url)
    prints = Fingerprinting(PEPPER) if pepper else None
    run_inbox(engine, spread_inbox(root), now=NOW, prints=prints)
    if prints is not None:
        refresh_spread(engine, PROFILE, PEPPER, texts=prints.texts_by_hash(), at=NOW)
    return engine


def test_the_coverage_report_gives_each_district_its_directive_reach(db_url, tmp_path):
    _engine(db_url, tmp_path / "inbox")
    rows = {r["unit_id"]: r for r in json.loads(_cli(db_url, "json"))}
    reach = {
        u: (
            r["directives"],
            r["directive_deliveries_due"],
            r["directive_within_24h"],
            r["directive_never_arrived"],
            round(r["directive_share_within_24h"], 3),
            r["directive_median_delay_h"],
        )
        for u, r in rows.items()
    }
    assert reach == {"D1": (1, 2, 2, 0, 1.0, 0.17), "D2": (1, 3, 2, 1, 0.667, 2.0)}
    table = list(csv.DictReader(io.StringIO(_cli(db_url, "csv"))))
    two = next(r for r in table if r["unit_id"] == "D2")
    assert (two["directive_within_24h"], two["directive_median_delay_h"]) == ("2", "2.0")


def test_a_month_later_no_directive_is_zero_directives_and_no_share(db_url, tmp_path):
    _engine(db_url, tmp_path / "inbox")
    rows = json.loads(_cli(db_url, "json", now="2024-02-10T12:00:00+05:30"))
    assert {(r["directives"], r["directive_share_within_24h"]) for r in rows} == {(0, None)}


def test_before_any_run_with_a_pepper_the_reach_columns_are_empty(sqlite_url, tmp_path):
    _engine(sqlite_url, tmp_path / "inbox", pepper=False)
    rows = json.loads(_cli(sqlite_url, "json"))
    assert {(r["directives"], r["directive_median_delay_h"]) for r in rows} == {(None, None)}
    assert sorted(r["unit_id"] for r in rows) == ["D1", "D2"]
