"""The Social page on a server without the card fonts (fonts-noto-core not installed): it says
so in the reader's language and keeps working: the queue, the drafts with their copy boxes, the
workflow buttons and the CSV export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from sampark.access import STATE
from sampark.content import card as card_module
from sampark.content.workflow import next_step
from sampark.i18n import t
from sampark.queries.stories import all_stories, stored_guard_findings
from sampark.store.stories import record_step
from tests.auth_helpers import login_as
from tests.social_setup import submit_all, units_engine

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "social.py")
AT = datetime(2026, 11, 22, 8, 0)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[sa.Engine, list[int]]:
    url = f"sqlite:///{tmp_path}/social.db"
    engine = units_engine(url)
    ids = submit_all(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(card_module, "FONT_DIR", tmp_path / "no-fonts")  # a bare server
    return engine, ids


def _approve(engine: sa.Engine, story_id: int) -> None:
    for action in ("vet", "approve"):
        with engine.begin() as conn:
            story = all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)
            findings = stored_guard_findings(conn)[story_id]
            step = next_step(
                story_id, story["status"], action, actor="Cell", at=AT, findings=findings
            )
            record_step(conn, step)


def _page(lang: str, story_id: int) -> AppTest:
    at = login_as(AppTest.from_file(PAGE, default_timeout=60), "social", None, None)
    at.session_state["lang"] = lang
    at.session_state["social_story"] = story_id
    return at.run()


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_page_says_the_fonts_are_missing_and_keeps_working(
    db: tuple[sa.Engine, list[int]], lang: str
) -> None:
    engine, ids = db
    _approve(engine, ids[0])
    at = _page(lang, ids[0])
    assert not at.exception
    message = t("social_cards_unavailable", lang)
    assert message in [w.value for w in at.warning]
    assert ("fonts-noto-core" in message) and (
        "Drafts" in message if lang == "en" else "ड्राफ़्ट" in message
    )
    assert at.dataframe  # the queue
    assert len(at.text_area) >= 4 and at.code  # drafts with their copy boxes
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("export_csv", lang) in labels
    assert t("export_zip", lang) not in labels  # no cards to zip
    assert not [i for i in at.get("imgs")]  # no card drawn
