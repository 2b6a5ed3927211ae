"""`python -m sampark report` judges the demo against the demo-scale target while demo mode is
on, as the dashboard does, and against the state's own once it is over."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.demo.calendar import calendar_for
from etl.demo.write.database import build_demo_database
from etl.demo.write.profile import write_demo_profile
from sampark.cli import report as report_cli
from sampark.db import migrate
from sampark.settings import load_settings
from sampark.targets import Profile, profile_in_force
from tests.access.test_demo_mode import _tiny_demo

TARGETS = load_settings({}).targets_dir


def _demo_profile(folder: Path) -> Path:
    return write_demo_profile(TARGETS, folder, "bihar", calendar_for(date(2026, 12, 6))).parent


def test_the_demo_scale_profile_is_in_force_only_while_demo_mode_is_on(tmp_path):
    demo = _demo_profile(tmp_path / "targets")
    assert profile_in_force(TARGETS, demo, "bihar", demo_on=True).demo_scale
    assert not profile_in_force(TARGETS, demo, "bihar", demo_on=False).demo_scale


def test_without_a_demo_profile_written_the_states_is_in_force(tmp_path):
    assert not profile_in_force(TARGETS, tmp_path / "none", "bihar", demo_on=True).demo_scale


def _brief_profile(monkeypatch: pytest.MonkeyPatch, url: str, out: Path) -> Profile:
    seen: list[Profile] = []

    def brief(engine: object, profile: Profile, lang: str) -> bytes:
        seen.append(profile)
        return b"%PDF"

    monkeypatch.setattr(report_cli, "weekly_brief", brief)
    report_cli.report_command("brief", db=url, out=out)
    return seen[0]


def test_report_brief_uses_the_demo_target_while_demo_mode_is_on(sqlite_url, tmp_path, monkeypatch):
    build_demo_database(migrate(sqlite_url), tmp_path / "demo" / "inbox", write=_tiny_demo)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_STATE", "bihar")
    _demo_profile(tmp_path / "demo" / "targets")
    profile = _brief_profile(monkeypatch, sqlite_url, tmp_path / "b.pdf")
    assert profile.demo_scale and "demo" in profile.name


def test_report_brief_uses_the_states_target_on_a_real_database(sqlite_url, tmp_path, monkeypatch):
    migrate(sqlite_url)  # empty: not the demo's
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_STATE", "bihar")
    _demo_profile(tmp_path / "demo" / "targets")  # left over from an earlier demo
    profile = _brief_profile(monkeypatch, sqlite_url, tmp_path / "b.pdf")
    assert not profile.demo_scale and profile.name == "Bihar"
