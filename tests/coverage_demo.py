"""The small demo database the coverage page tests share: built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark.db import migrate

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
_BUILT: dict[str, str] = {}


def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a SQLite database holding the small demo (seed 7)."""
    if "url" not in _BUILT:
        root = tmp_path_factory.mktemp("coverage_demo")
        write_demo(root / "inbox", scale="small", seed=7)
        url = f"sqlite:///{root}/demo.db"
        run_inbox(migrate(url), root / "inbox")
        _BUILT["url"] = url
    return _BUILT["url"]


def report(url: str, level: str) -> list[dict[str, object]]:
    """`python -m sampark report coverage --level LEVEL --format json` for the database."""
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sampark",
            "report",
            "coverage",
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
    rows: list[dict[str, object]] = json.loads(out)
    return rows
