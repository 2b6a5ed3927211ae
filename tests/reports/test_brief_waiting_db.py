"""The weekly brief read from the database (`report brief`) counts the stories that wait more
than a day at each step, on SQLite and PostgreSQL, measured at the `now` it is given."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from sampark.content.intake import Submission
from sampark.content.workflow import next_step
from sampark.reports.brief import weekly_brief
from sampark.settings import PROJECT_ROOT
from sampark.store.stories import record_step, submit_story
from sampark.targets import load_profile
from tests.social_setup import units_engine

SUBMITTED = datetime(2026, 11, 20, 4, 0)  # UTC
NOW = datetime(2026, 11, 22, 6, 30)  # UTC: 50.5 hours later


def _story(title: str) -> Submission:
    return Submission(
        unit_id="BR-MOT-T001",
        category="recovery",
        story_date=date(2026, 11, 20),
        submitted_by="SI Ravi",
        title=title,
        body="Two accused arrested in vehicle checking; stolen motorcycles recovered.",
    )


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian: poppler-utils) is not installed")
    kept = tmp_path / "brief.pdf"
    kept.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(kept), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return " ".join(done.stdout.split())


def test_the_brief_from_the_database_counts_waiting_stories_per_step(db_url, tmp_path):
    engine = units_engine(db_url)
    with engine.begin() as conn:
        submit_story(conn, _story("Three motorcycles recovered"), [], SUBMITTED)
        vetted = submit_story(conn, _story("Two motorcycles recovered"), [], SUBMITTED)
        # Vetted 30 hours before NOW: it waits 1 day 6 h for approval.
        vet = next_step(
            vetted, "submitted", "vet", actor="SP", at=datetime(2026, 11, 21, 0, 30), findings=[]
        )
        record_step(conn, vet)
    profile = load_profile(PROJECT_ROOT / "data" / "targets", "bihar")
    text = _pdf_text(weekly_brief(engine, profile, "en", now=NOW), tmp_path)
    assert "2 stories have waited more than a day at their step." in text
    assert "Vetting (CO/SP) 1 2 days 2 h" in text
    assert "Approval (social media cell) 1 1 day 6 h" in text
    assert "Posting (social media cell) 0 —" in text
