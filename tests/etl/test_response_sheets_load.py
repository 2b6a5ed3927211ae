"""Registers, alerts and stories through the pipeline, on SQLite and PostgreSQL."""

# ruff: noqa: E501  (sheet rows read better whole)
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa
import xlsxwriter
from typer.testing import CliRunner

from etl.__main__ import app
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.metrics.coverage.totals import LEVELS
from sampark.metrics.response.snapshot import FRAMES, SNAPSHOT_KIND, profile_key
from sampark.queries.derived import stored_parts
from sampark.queries.registry import data_version
from sampark.reports.frames import response_report
from sampark.schema import derived_frames, register_entries
from sampark.settings import load_settings
from sampark.store.derived import refresh_response_figures, response_figures
from sampark.targets import Profile, load_profile

NOW = datetime(2026, 11, 1, 12, 0)

UNITS = """unit_id,kind,name,parent_id
BR,state,Bihar,
BR-R-CEN,range,Central,BR
BR-PAT,district,Patna,BR-R-CEN
BR-PAT-C01,circle,Sadar,BR-PAT
BR-PAT-T001,thana,Kotwali,BR-PAT-C01
BR-PAT-T002,thana,Gandhi Maidan,BR-PAT-C01
"""

# Hindi headers; five good rows, then: future, out of order, unknown unit, duplicate of line 2.
REGISTERS = """इकाई आईडी,प्राप्ति समय,श्रेणी,संज्ञान समय,प्राथमिकी संख्या,प्राथमिकी समय,निस्तारण समय
BR-PAT-T001,08-01-2026 10:15,मारपीट,08-01-2026 10:40,12/2026,08-01-2026 13:05,20-01-2026 18:00
BR-PAT-T001,09-01-2026 11:00,चोरी,09-01-2026 11:30,,,
BR-PAT-T002,2026-02-01 09:00,traffic,,,,
BR-PAT-T002,2026-02-02T09:00:00+05:30,rumour,2026-02-02 09:05,,,2026-02-03 09:00
BR-PAT-T002,46060.5,theft,46060.75,,,
BR-PAT-T001,01-12-2026 10:00,theft,,,,
BR-PAT-T001,10-01-2026 10:00,theft,10-01-2026 09:00,,,
BR-PAT-T9,10-01-2026 10:00,theft,,,,
BR-PAT-T001,08-01-2026 10:15,assault,08-01-2026 10:40,12/2026,08-01-2026 13:05,20-01-2026 18:00
"""

ALERTS = """Platform,Received at,Traced at,Forwarded at,Contacted at,Outcome,Unit ID,Mobile of the person
Instagram,2026-03-01 22:10,2026-03-01 22:55,2026-03-01 23:00,2026-03-01 23:20,reached,BR-PAT-T001,9876543210
Facebook,2026-03-02 01:00,,,,पता नहीं चला,,
X,2026-03-03 01:00,2026-03-03 00:30,,,not_traceable,,
"""

STORIES = """Unit ID,Date,Category,Title,Story,Media files
BR-PAT-T001,05-01-2026,arrest,Six arrested,Six accused arrested the next day.,a.jpg; b.jpg
BR-PAT-T001,06-01-2026,misc,Odd,Something,
"""


def _late_entries(path: Path) -> None:
    """An Excel sheet whose times are serial numbers: one new entry, one already loaded."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Unit ID", "Received at", "Category", "FIR number"])
    sheet.write_row(1, 0, ["BR-PAT-T002", 46070.25, "liquor", ""])
    sheet.write_row(2, 0, ["BR-PAT-T001", 46030.427083333336, "assault", "12/2026"])
    book.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    for rel, text in {
        "units/units.csv": UNITS,
        "registers/a.csv": REGISTERS,
        "alerts/alerts.csv": ALERTS,
        "stories/stories.csv": STORIES,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    _late_entries(root / "registers" / "b.xlsx")
    return root


def _by_file(result) -> dict[str, tuple[int, int, int]]:
    return {f.path: (f.rows_read, f.rows_loaded, f.rows_rejected) for f in result.files}


def test_rows_read_equal_loaded_plus_rejected_for_each_file(db_url, inbox):
    result = run_inbox(migrate(db_url), inbox, now=NOW)
    files = _by_file(result)
    assert files["registers/a.csv"] == (9, 5, 4)
    assert files["registers/b.xlsx"] == (2, 1, 1)
    assert files["alerts/alerts.csv"] == (3, 2, 1)
    assert files["stories/stories.csv"] == (2, 1, 1)
    assert all(read == loaded + rejected for read, loaded, rejected in files.values())


def test_rejects_name_line_and_reason(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT f.path, r.line, r.reason FROM rejects r JOIN etl_files f"
                " ON f.file_id = r.file_id WHERE f.source = 'registers' ORDER BY f.path, r.line"
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("registers/a.csv", 7, "received at 01-12-2026 10:00 is in the future"),
        (
            "registers/a.csv",
            8,
            "stage times out of order: cognizance at 10-01-2026 09:00"
            " is before received at 10-01-2026 10:00",
        ),
        ("registers/a.csv", 9, "unknown unit BR-PAT-T9"),
        ("registers/a.csv", 10, "duplicate entry (same as line 2)"),
        ("registers/b.xlsx", 3, "duplicate entry: already loaded from an earlier file"),
    ]


def test_an_entry_loaded_before_is_named_by_its_time_as_typed(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        raw = conn.execute(
            sa.text(
                "SELECT r.raw FROM rejects r JOIN etl_files f ON f.file_id = r.file_id"
                " WHERE f.path = 'registers/b.xlsx'"
            )
        ).scalar_one()
    assert raw == "BR-PAT-T001 | 08-01-2026 10:15"


def test_loaded_times_are_ist_whatever_form_they_came_in(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        t = register_entries
        got = conn.execute(
            sa.select(t.c.unit_id, t.c.received_at, t.c.cognizance_at, t.c.status)
            .where(t.c.unit_id == "BR-PAT-T002")
            .order_by(t.c.received_at)
        ).all()
    assert [tuple(r) for r in got] == [
        ("BR-PAT-T002", datetime(2026, 2, 1, 9, 0), None, "open"),
        ("BR-PAT-T002", datetime(2026, 2, 2, 9, 0), datetime(2026, 2, 2, 9, 5), "closed"),
        ("BR-PAT-T002", datetime(2026, 2, 7, 12, 0), datetime(2026, 2, 7, 18, 0), "open"),
        ("BR-PAT-T002", datetime(2026, 2, 17, 6, 0), None, "open"),
    ]


def test_alert_restricted_fields_are_stored_and_story_is_submitted(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        alert = conn.execute(
            sa.text("SELECT subject_phone, outcome FROM alerts ORDER BY received_at")
        ).all()
        story = conn.execute(sa.text("SELECT status, category, media FROM stories")).one()
    assert [tuple(a) for a in alert] == [
        ("+919876543210", "reached_counselled"),
        (None, "not_traceable"),
    ]
    media = story[2] if isinstance(story[2], list) else json.loads(story[2])
    assert (story[0], story[1], media) == ("submitted", "arrest", ["a.jpg", "b.jpg"])


def test_rerunning_the_same_inbox_changes_nothing(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)

    def counts() -> tuple[int, ...]:
        with engine.connect() as conn:
            return tuple(
                conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("register_entries", "alerts", "stories", "rejects")
            )

    before = counts()
    again = run_inbox(engine, inbox, now=NOW)
    assert {f.status for f in again.files} == {"skipped"}
    assert counts() == before == (6, 2, 1, 7)


def test_the_same_file_under_a_new_name_loads_nothing_new(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    copy = pl.read_csv(inbox / "registers" / "a.csv", infer_schema=False)
    copy.head(5).write_csv(inbox / "registers" / "c.csv")
    result = run_inbox(engine, inbox, now=NOW)
    assert _by_file(result)["registers/c.csv"] == (5, 0, 5)


def _bihar() -> Profile:
    return load_profile(load_settings().targets_dir, "bihar")


def test_response_figures_are_built_once_then_read_as_stored(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    built, was_built = response_figures(engine, _bihar())
    stored, again = response_figures(engine, _bihar())
    assert (was_built, again) == (True, False)
    assert built.entries == stored.entries == 6
    assert stored.as_of == built.as_of == datetime(2026, 2, 17, 6, 0)  # b.xlsx: 46070.25
    for name in FRAMES:
        assert getattr(stored, name).equals(getattr(built, name)), name
    # Other SLAs are other figures: built again, not read.
    other = replace(_bihar(), response_sla_hours={"cognizance": 1.0})
    assert response_figures(engine, other)[1] is True


def test_a_new_file_makes_the_stored_figures_stale(db_url, inbox, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    response_figures(engine, _bihar())
    more = tmp_path / "more"
    (more / "registers").mkdir(parents=True)
    (more / "registers" / "c.csv").write_text(
        "Unit ID,Received at,Category\nBR-PAT-T002,2026-03-01 09:00,theft\n", encoding="utf-8"
    )
    run_inbox(engine, more, now=NOW)
    figures, was_built = response_figures(engine, _bihar())
    assert was_built and figures.entries == 7
    with engine.connect() as conn:
        versions = conn.execute(sa.select(derived_frames.c.data_version).distinct()).all()
    assert len(versions) == 1  # only the newest figures are kept


def test_etl_run_command_stores_the_figures_the_dashboard_reads(db_url, inbox, monkeypatch):
    monkeypatch.setenv("SAMPARK_STATE", "bihar")
    out = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--db", db_url, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["rows_loaded"] > 0
    figures, was_built = response_figures(migrate(db_url), _bihar())
    assert not was_built and figures.entries == 6


def test_report_reads_the_stored_figures_and_prints_what_it_computed_before(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    with engine.connect() as conn:
        computed = {lv: response_report(conn, "response", _bihar(), lv) for lv in LEVELS}
    response_figures(engine, _bihar())
    with engine.connect() as conn:
        assert stored_parts(conn, SNAPSHOT_KIND, data_version(conn), profile_key(_bihar()))
        for level, before in computed.items():
            assert response_report(conn, "response", _bihar(), level).equals(before), level


def test_refresh_works_figures_out_only_when_the_data_has_none(db_url, inbox):
    engine = migrate(db_url)
    run_inbox(engine, inbox, now=NOW)
    assert refresh_response_figures(engine, _bihar()) is True
    assert refresh_response_figures(engine, _bihar()) is False
    assert response_figures(engine, _bihar())[1] is False
