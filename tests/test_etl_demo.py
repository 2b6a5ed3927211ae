"""The small demo through the real ETL, twice, on SQLite and PostgreSQL."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark import queries
from sampark.db import migrate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_inbox(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("demo") / "inbox"
    write_demo(inbox, scale="small", seed=7)
    return inbox


@pytest.fixture(scope="module")
def sqlite_counts(demo_inbox, tmp_path_factory) -> dict[str, int]:
    url = f"sqlite:///{tmp_path_factory.mktemp('ref')}/ref.db"
    engine = migrate(url)
    run_inbox(engine, demo_inbox)
    with engine.connect() as conn:
        return queries.table_counts(conn)


def test_demo_twice_gives_identical_counts_on_every_database(db_url, demo_inbox, sqlite_counts):
    engine = migrate(db_url)
    first = run_inbox(engine, demo_inbox)
    with engine.connect() as conn:
        once = queries.table_counts(conn)
    second = run_inbox(engine, demo_inbox)
    with engine.connect() as conn:
        twice = queries.table_counts(conn)
    assert first.total("rows_read") == first.total("rows_loaded") + first.total("rows_rejected")
    assert {f.status for f in second.files} == {"skipped"}
    assert once == sqlite_counts
    assert twice == {**once, "etl_runs": once["etl_runs"] + 1}


def test_demo_rejects_are_the_planted_bad_rows(demo_inbox, sqlite_counts):
    summary = write_demo(demo_inbox.parent / "again", scale="small", seed=7)
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
    from etl.sources.tabular import read_table
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
    ]
