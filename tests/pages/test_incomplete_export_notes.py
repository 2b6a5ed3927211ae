"""The league table, the drill-down and the directives page say when figures they draw from
the chats rest on incomplete exports, counting only the groups the officer sees, in English
and Hindi. Names and numbers are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as
from tests.chat_members_inbox import CHAT, NOW, cut_off_chat, kotwali_inbox

ROOT = Path(__file__).resolve().parents[2]
NOTE = {
    "en": "Figures drawn from the chats here rest in part on incomplete exports: for 1 of the"
    " 1 groups with a chat loaded",
    "hi": "यहाँ चैट से बने आँकड़े कुछ हद तक अधूरे एक्सपोर्ट पर टिके हैं: चैट लोड वाले 1 में से 1 समूहों",
}
PAGES = [
    ("districts", ("ig", "BR-R-CEN")),
    ("drilldown", ("sp", "BR-PAT")),
    ("directives", ("sp", "BR-PAT")),
]


def _inbox(root: Path, chat: str) -> Path:
    """Kotwali (Patna) with `chat`, and a Gaya thana group with no chat loaded."""
    kotwali_inbox(root, chat)
    (root / "units/units.csv").write_text(
        "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT\nBR-GAY,district,Gaya,BR-R-CEN\n"
        "BR-GAY-T001,thana,Civil Lines,BR-GAY\n",
        encoding="utf-8",
    )
    (root / "groups/groups.csv").write_text(
        "Group ID,Unit ID,Group kind,Group name,Admin mobile\n"
        "G-KOT,BR-PAT-T001,thana_public,Kotwali Jan Sampark,9876500001\n"
        "G-CIV,BR-GAY-T001,thana_public,Civil Lines Jan Sampark,9876500009\n",
        encoding="utf-8",
    )
    return root


def _notes(tmp_path: Path, monkeypatch, page: str, role: tuple[str, str], lang: str) -> list[str]:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    app = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=90)
    at = login_as(app, *role, "Officer")
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return [c.value for c in at.caption if c.value.startswith(NOTE[lang])]


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize(("page", "role"), PAGES)
def test_a_page_says_its_chat_figures_rest_on_an_incomplete_export(
    db_url, tmp_path, monkeypatch, page, role, lang
):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox", cut_off_chat()), now=NOW)
    assert len(_notes(tmp_path, monkeypatch, page, role, lang)) == 1


@pytest.mark.parametrize(("page", "role"), PAGES)
def test_no_note_when_every_export_reaches_back_far_enough(
    db_url, tmp_path, monkeypatch, page, role
):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox", CHAT), now=NOW)
    assert _notes(tmp_path, monkeypatch, page, role, "en") == []


@pytest.mark.parametrize("page", ["drilldown", "directives"])
def test_an_officer_of_another_district_sees_no_note(db_url, tmp_path, monkeypatch, page):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox", cut_off_chat()), now=NOW)
    assert _notes(tmp_path, monkeypatch, page, ("sp", "BR-GAY"), "en") == []
