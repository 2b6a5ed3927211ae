"""A stories sheet's titles and texts are held to the form's limits: a longer one is rejected
with its reason, the rest of the sheet loads (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.content.intake import TEXT_MAX_CHARS, TITLE_MAX_CHARS
from sampark.db import migrate

NOW = datetime(2026, 11, 1, 12, 0)
UNITS = """unit_id,kind,name,parent_id
BR,state,Bihar,
BR-R-CEN,range,Central,BR
BR-PAT,district,Patna,BR-R-CEN
BR-PAT-T001,thana,Kotwali,BR-PAT
"""


def _stories(inbox: Path) -> None:
    long_body = ("Police held a road safety camp. " * 2_500).strip()  # 79,999 characters
    rows = [
        "Unit ID,Date,Category,Title,Story,Title in Hindi,Story in Hindi",
        "BR-PAT-T001,01-10-2026,awareness,Camp,Police held a road safety camp.,,",
        f"BR-PAT-T001,02-10-2026,awareness,Long camp,{long_body},,",
        f"BR-PAT-T001,03-10-2026,awareness,,,{'शि' * 151},पुलिस ने शिविर लगाया।",
        f"BR-PAT-T001,04-10-2026,awareness,Edge,{'x' * TEXT_MAX_CHARS},{'श' * TITLE_MAX_CHARS},",
    ]
    (inbox / "stories").mkdir(parents=True)
    (inbox / "stories" / "stories.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_a_story_longer_than_the_form_takes_is_rejected_with_its_length(db_url, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "units").mkdir(parents=True)
    (inbox / "units" / "units.csv").write_text(UNITS, encoding="utf-8")
    _stories(inbox)
    engine = migrate(db_url)
    result = run_inbox(engine, inbox, now=NOW)
    (sheet,) = [f for f in result.files if f.path == "stories/stories.csv"]
    assert (sheet.rows_read, sheet.rows_loaded, sheet.rows_rejected) == (4, 2, 2)
    with engine.connect() as conn:
        rejects = conn.execute(sa.text("SELECT line, reason FROM rejects ORDER BY line")).all()
        titles = conn.execute(sa.text("SELECT title FROM stories ORDER BY story_date")).all()
    assert [tuple(r) for r in rejects] == [
        (3, "Story is 79999 characters long; a story text takes at most 5,000"),
        (4, "Title in Hindi is 302 characters long; a title takes at most 300"),
    ]
    assert [t for (t,) in titles] == ["Camp", "Edge"]
