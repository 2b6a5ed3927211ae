"""The one clock (`sampark/clock.py`) and the setting that freezes it (`SAMPARK_NOW`)."""

from __future__ import annotations

import ast
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from sampark import clock
from sampark.db import migrate
from sampark.inbox import etl_stdout
from sampark.schema import rejects
from sampark.settings import SettingError, frozen_instant, load_settings
from tests.conftest import FROZEN_NOW


@pytest.fixture
def zone() -> Iterator[None]:
    """Lets a test set the server's zone (TZ); the process's own zone is restored after."""
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _set_zone(name: str) -> None:
    os.environ["TZ"] = name
    time.tzset()


def test_the_suite_runs_on_the_frozen_instant():
    assert clock.instant() == datetime.fromisoformat(FROZEN_NOW)
    assert clock.now_ist() == datetime(2026, 11, 20, 10, 0)
    assert clock.now_utc() == datetime(2026, 11, 20, 4, 30)


def test_a_frozen_instant_reads_in_utc_and_ist_whatever_its_offset(monkeypatch):
    monkeypatch.setenv("SAMPARK_NOW", "2026-03-01T18:45:00Z")
    assert clock.now_utc() == datetime(2026, 3, 1, 18, 45)
    assert clock.now_ist() == datetime(2026, 3, 2, 0, 15)


def test_a_frozen_time_without_offset_is_ist(monkeypatch):
    monkeypatch.setenv("SAMPARK_NOW", "2026-11-20 10:00")
    assert clock.now_ist() == datetime(2026, 11, 20, 10, 0)
    assert clock.now_utc() == datetime(2026, 11, 20, 4, 30)
    assert frozen_instant("2026-11-20") == datetime.fromisoformat("2026-11-20T00:00+05:30")


def test_local_time_and_today_follow_the_servers_zone(monkeypatch, zone):
    # 02:00 in India is still the previous evening in UTC: "today" differs by zone.
    monkeypatch.setenv("SAMPARK_NOW", "2026-11-20T02:00:00+05:30")
    _set_zone("Asia/Kolkata")
    assert clock.now_local() == datetime(2026, 11, 20, 2, 0)
    assert clock.today_local() == date(2026, 11, 20)
    _set_zone("UTC")
    assert clock.now_local() == datetime(2026, 11, 19, 20, 30)
    assert clock.today_local() == date(2026, 11, 19)


def test_an_empty_setting_reads_the_real_clock(monkeypatch):
    monkeypatch.setenv("SAMPARK_NOW", "  ")
    assert load_settings().frozen_now is None
    before = datetime.now(UTC)
    read = clock.instant()
    assert before <= read <= datetime.now(UTC)
    monkeypatch.delenv("SAMPARK_NOW")
    assert load_settings().frozen_now is None


@pytest.mark.parametrize("bad", ["tomorrow", "20-11-2026 10:00", "2026-13-01T10:00"])
def test_a_bad_frozen_time_names_the_setting_and_the_value(monkeypatch, bad):
    with pytest.raises(SettingError, match=rf"^SAMPARK_NOW: '{bad}' is not an ISO date-time"):
        load_settings({"SAMPARK_NOW": bad})
    monkeypatch.setenv("SAMPARK_NOW", bad)
    with pytest.raises(SettingError, match="SAMPARK_NOW"):
        clock.now_ist()


def test_settings_doctests_pass():
    import doctest

    import sampark.settings as module

    assert doctest.testmod(module).failed == 0


def test_the_etl_process_the_dashboard_starts_reads_the_frozen_clock(tmp_path: Path):
    # 25 Nov is after the frozen 20 Nov but before any date this test can really run on:
    # only a child process that reads SAMPARK_NOW finds it in the future.
    inbox = tmp_path / "inbox"
    (inbox / "units").mkdir(parents=True)
    (inbox / "registers").mkdir()
    (inbox / "units" / "u.csv").write_text(
        "unit_id,kind,name,parent_id\nBR,state,Bihar,\nBR-R-CEN,range,Central,BR\n"
        "BR-PAT,district,Patna,BR-R-CEN\nBR-PAT-C01,circle,Sadar,BR-PAT\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT-C01\n",
        encoding="utf-8",
    )
    (inbox / "registers" / "r.csv").write_text(
        "Unit ID,Received at,Category\n"
        "BR-PAT-T001,19-11-2026 09:00,theft\nBR-PAT-T001,25-11-2026 09:00,theft\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path}/t.db"
    summary = json.loads(etl_stdout("run", "--inbox", str(inbox), "--db", url, "--json"))
    assert summary["rows_rejected"] == 1
    with migrate(url).connect() as conn:
        reasons = conn.execute(sa.select(rejects.c.line, rejects.c.reason)).all()
    assert [tuple(r) for r in reasons] == [(3, "received at 25-11-2026 09:00 is in the future")]


ROOT = Path(__file__).resolve().parent.parent
_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("func", "now"),  # the database server's clock: SAMPARK_NOW cannot freeze it
    ("func", "current_timestamp"),
    ("func", "current_date"),
    ("func", "localtimestamp"),
}


def _clock_reads(source: str, name: str) -> list[str]:
    """`name:line owner.call()` for every read of a clock other than sampark.clock."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        base = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if (base, node.func.attr) in _CLOCK_CALLS:
            found.append(f"{name}:{node.lineno} {base}.{node.func.attr}()")
    return found


def test_no_code_or_test_reads_a_clock_but_sampark_clock():
    files = [ROOT / "dashboard.py"]
    for folder in ("sampark", "etl", "ui", "pages", "migrations", "tests"):
        files += sorted((ROOT / folder).rglob("*.py"))
    # The clock itself, and this file's check that an empty setting follows the real time.
    allowed = {ROOT / "sampark" / "clock.py", Path(__file__).resolve()}
    reads = [
        hit
        for f in files
        if f not in allowed
        for hit in _clock_reads(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))
    ]
    assert reads == []


def test_the_clock_guard_finds_a_direct_read():
    source = "import datetime\nx = datetime.datetime.now()\ny = sa.func.now()\nz = date.today()\n"
    assert _clock_reads(source, "m.py") == [
        "m.py:2 datetime.now()",
        "m.py:3 func.now()",
        "m.py:4 date.today()",
    ]
