"""Group health shows one group's members by the chat and roster rule: members now with their
source, the chat's joins and exits, where the sources disagree, the designated admin, and
"incomplete export" beside figures from a cut-off chat. Names and numbers are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as
from tests.chat_members_inbox import CHAT, NOW, cut_off_chat, kotwali_inbox

ROOT = Path(__file__).resolve().parents[2]
GROUPS_PAGE = str(ROOT / "pages" / "groups.py")


def _page(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    role: tuple[str, str] = ("sp", "BR-PAT"),
) -> AppTest:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(GROUPS_PAGE, default_timeout=60), *role, "Officer")
    at.session_state["lang"] = lang
    at.session_state["health_members_group"] = "G-KOT"
    return at.run()


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "Members now": "4",
                "Joined in the chat (30 days)": "1",
                "Left in the chat (30 days)": "1",
                "Chat and roster disagree": "1",
                "Designated admin is admin": "yes",
            },
        ),
        (
            "hi",
            {
                "अभी सदस्य": "4",
                "चैट में जुड़े (30 दिन)": "1",
                "चैट से निकले (30 दिन)": "1",
                "चैट और सूची में अंतर": "1",
                "नामित एडमिन एडमिन है": "हाँ",
            },
        ),
    ],
)
def test_members_now_follow_the_newer_evidence_in_both_languages(
    db_url, tmp_path, monkeypatch, lang, expected
):
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", CHAT), now=NOW)
    at = _page(tmp_path, monkeypatch, lang)
    assert not at.exception
    shown = _metrics(at)
    assert {k: shown[k] for k in expected} == expected
    person, source = ("Person", "Source") if lang == "en" else ("व्यक्ति", "स्रोत")
    (table,) = [d.value for d in at.dataframe if source in d.value.columns]
    sources = dict(zip(table[person], table[source], strict=True))
    chat, roster = ("chat", "roster") if lang == "en" else ("चैट", "सूची")
    # Ravi left after the roster (the chat's word), Sita and Mohan are in no membership line
    # (writing is not one: the roster's), Gita was added (the chat's), the SHO made admin.
    assert sources == {
        "+919876500001": chat,
        "+919876500002": chat,
        "+919876500003": roster,
        "+919876500004": roster,
        "+919876500005": chat,
    }
    assert not [w for w in at.warning if "Incomplete" in w.value or "अधूरा" in w.value]


def test_phones_are_masked_for_a_role_without_phone_rights(db_url, tmp_path, monkeypatch):
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", CHAT), now=NOW)
    at = _page(tmp_path, monkeypatch, "en", ("ig", "BR-R-CEN"))
    assert not at.exception
    (table,) = [d.value for d in at.dataframe if "Source" in d.value.columns]
    assert sorted(table["Person"]) == [f"+91 98•••••00{i}" for i in range(1, 6)]


def test_an_export_cut_off_at_the_cap_is_marked_beside_its_figures(db_url, tmp_path, monkeypatch):
    run_inbox(migrate(db_url), kotwali_inbox(tmp_path / "inbox", cut_off_chat()), now=NOW)
    at = _page(tmp_path, monkeypatch, "en")
    assert not at.exception
    assert [w.value for w in at.warning if w.value.startswith("Incomplete export")]
    assert "Members now (incomplete export)" in _metrics(at)
