"""The demo is built for the day it is built: its newest data is that day (from the clock seam),
and the same seed on the same day writes the same bytes."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from etl.demo import write_demo
from etl.demo.calendar import REFERENCE, DemoCalendar, calendar_for

DAY = date(2027, 3, 15)


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("day") / "inbox"
    write_demo(root, state="up", seed=3, today=DAY)
    return root


def test_calendar_moves_the_reference_story_to_the_build_day() -> None:
    calendar = DemoCalendar(DAY)
    assert calendar.day(REFERENCE) == DAY
    assert calendar.day(date(2026, 10, 25)) == date(2027, 3, 8)
    assert calendar.now == datetime(2027, 3, 15, 0, 0)


def test_calendar_reads_the_clock_seam_in_ist(monkeypatch: pytest.MonkeyPatch) -> None:
    # 20:00 UTC on 14 March is already 15 March in IST, the registers' zone.
    monkeypatch.setenv("SAMPARK_NOW", "2027-03-14T20:00:00+00:00")
    assert calendar_for() == DemoCalendar(DAY)
    assert calendar_for(date(2027, 1, 2)) == DemoCalendar(date(2027, 1, 2))


def test_same_seed_same_day_same_bytes_other_day_differs(built: Path, tmp_path: Path) -> None:
    write_demo(tmp_path / "again", state="up", seed=3, today=DAY)
    assert _hashes(tmp_path / "again") == _hashes(built)
    write_demo(tmp_path / "later", state="up", seed=3, today=date(2027, 3, 16))
    later = _hashes(tmp_path / "later")
    assert any(k.startswith("rosters/2027-03-16_") for k in later)
    assert later != _hashes(built)


def test_the_frozen_clock_picks_the_day(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMPARK_NOW", "2027-03-15T10:00:00+05:30")
    write_demo(tmp_path / "clock", state="up", seed=3)
    assert _hashes(tmp_path / "clock") == _hashes(built)


def test_newest_data_is_the_build_day(built: Path) -> None:
    rosters = sorted(p.name[:10] for p in (built / "rosters").iterdir() if p.name[:4].isdigit())
    assert rosters[-1] == "2027-03-15"
    # Two years of registers up to the build day: one file per district and year.
    years = {p.stem.rsplit("_", 1)[1] for p in (built / "registers").glob("*.csv")}
    assert years == {"2025", "2026", "2027"}
    for path in (built / "chats").glob("*.zip"):
        with zipfile.ZipFile(path) as zf:
            assert {i.date_time for i in zf.infolist()} == {(2027, 3, 15, 0, 0, 0)}
