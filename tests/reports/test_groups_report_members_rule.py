"""`python -m sampark report groups` prints Group health's members by the chat and roster rule,
its source, the joins and exits of the membership spells and the incomplete-export mark, as
the page shows them, on SQLite and PostgreSQL. Names and numbers are invented."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.chat_members_inbox import CHAT, NOW, cut_off_chat, kotwali_inbox

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("group_id", "members", "member_source", "joins_30d", "exits_30d", "incomplete_export")


def _report(url: str, level: str) -> list[dict[str, object]]:
    command = [sys.executable, "-m", "sampark", "report", "groups", "--level", level]
    command += ["--format", "json", "--db", url]
    env = {**os.environ, "SAMPARK_NOW": NOW.isoformat() + "+05:30"}
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows


def test_report_groups_counts_members_and_moves_by_the_rule(db_url, tmp_path):
    # Roster of 1 October: four; the chat after it: Ravi left, Gita added.
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", CHAT), now=NOW)
    (row,) = _report(db_url, "group")
    assert {k: row[k] for k in COLUMNS} == {
        "group_id": "G-KOT",
        "members": 4,
        "member_source": "both",
        "joins_30d": 1,
        "exits_30d": 1,
        "incomplete_export": False,
    }


def test_report_groups_marks_and_rolls_up_incomplete_exports(db_url, tmp_path):
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", cut_off_chat()), now=NOW)
    (row,) = _report(db_url, "group")
    assert {k: row[k] for k in COLUMNS} == {
        "group_id": "G-KOT",
        "members": 3,
        "member_source": "both",
        "joins_30d": 0,
        "exits_30d": 1,
        "incomplete_export": True,
    }
    (district,) = _report(db_url, "district")
    assert {k: district[k] for k in ("unit_id", "members", "incomplete_exports")} == {
        "unit_id": "BR-PAT",
        "members": 3,
        "incomplete_exports": 1,
    }
