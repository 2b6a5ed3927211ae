"""Group health's all-groups table counts members by the same rule as the one-group view
(the newer dated evidence wins, per person), names the source of the figure, counts joins and
exits from the membership spells, and marks a group whose chat comes from an incomplete
export, in English and Hindi. Names and numbers are invented."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as
from tests.chat_members_inbox import CHAT, NNBSP, NOW, cut_off_chat, kotwali_inbox

ROOT = Path(__file__).resolve().parents[2]
GROUPS_PAGE = str(ROOT / "pages" / "groups.py")

WORDS = {
    "en": {
        "members": "Members",
        "source": "Members from",
        "incomplete": "Incomplete export",
        "joins": "Joins (30 d)",
        "exits": "Exits (30 d)",
        "both": "both",
        "members_now": "Members now",
        "caption": "Chat figures of 1 of 1 groups come from incomplete exports",
    },
    "hi": {
        "members": "सदस्य",
        "source": "सदस्य किसके अनुसार",
        "incomplete": "अधूरा एक्सपोर्ट",
        "joins": "जुड़े (30 दिन)",
        "exits": "निकले (30 दिन)",
        "both": "दोनों",
        "members_now": "अभी सदस्य",
        "caption": "1 में से 1 समूहों के चैट आँकड़े अधूरे एक्सपोर्ट से हैं",
    },
}


def _page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> AppTest:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(GROUPS_PAGE, default_timeout=60), "sp", "BR-PAT", "Officer")
    at.session_state["lang"] = lang
    at.session_state["health_members_group"] = "G-KOT"
    return at.run()


def _group_row(at: AppTest, lang: str) -> dict[str, object]:
    w = WORDS[lang]
    (table,) = [d.value for d in at.dataframe if w["source"] in d.value.columns]
    row = pl.from_pandas(table) if not isinstance(table, pl.DataFrame) else table
    keys = ("members", "source", "incomplete", "joins", "exits")
    return {k: row.row(0, named=True)[w[k]] for k in keys}


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_table_counts_members_by_the_rule_of_the_one_group_view(
    db_url, tmp_path, monkeypatch, lang
):
    # Roster of 1 October: four; the chat after it: Ravi left, Gita added.
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", CHAT), now=NOW)
    at = _page(tmp_path, monkeypatch, lang)
    assert not at.exception
    w = WORDS[lang]
    assert _group_row(at, lang) == {
        "members": "4",
        "source": w["both"],
        "incomplete": False,
        "joins": "1",
        "exits": "1",
    }
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[w["members_now"]] == "4"
    assert not [c for c in at.caption if w["caption"] in c.value]


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_a_group_whose_every_export_was_cut_off_is_marked_and_counted(
    db_url, tmp_path, monkeypatch, lang
):
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", cut_off_chat()), now=NOW)
    at = _page(tmp_path, monkeypatch, lang)
    assert not at.exception
    w = WORDS[lang]
    # Ravi left after the roster; nobody joined in sight.
    assert _group_row(at, lang) == {
        "members": "3",
        "source": w["both"],
        "incomplete": True,
        "joins": "0",
        "exits": "1",
    }
    assert [c.value for c in at.caption if w["caption"] in c.value]


DISMISSED = f"""05/10/26, 9:15{NNBSP}am - +91 98765 00001: Good morning
05/10/26, 9:30{NNBSP}am - +91 98765 00001 is no longer an admin
06/10/26, 9:00{NNBSP}am - +91 98765 00003: Thank you
"""


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_a_dismissed_designated_admin_after_the_roster_is_no_admin_in_both_views(
    db_url, tmp_path, monkeypatch, lang
):
    # The roster of 1 October marks the SHO admin; the chat dismisses him on 5 October.
    inbox = kotwali_inbox(tmp_path / "inbox", DISMISSED)
    roster = inbox / "rosters/kotwali.csv"
    roster.write_text(roster.read_text("utf-8").replace("SHO Kotwali,no", "SHO Kotwali,yes"))
    run_inbox(migrate(db_url), inbox, now=NOW)
    at = _page(tmp_path, monkeypatch, lang)
    assert not at.exception
    label = "Designated admin is admin" if lang == "en" else "नामित एडमिन एडमिन है"
    (table,) = [d.value for d in at.dataframe if WORDS[lang]["source"] in d.value.columns]
    assert list(table[label]) == [False]
    by, chat = ("Admin check from", "chat") if lang == "en" else ("एडमिन जाँच किसके अनुसार", "चैट")
    assert list(table[by]) == [chat]
    assert {m.label: m.value for m in at.metric}[label] == ("no" if lang == "en" else "नहीं")
