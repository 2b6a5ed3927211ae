"""The Data page lists chat exports cut off at WhatsApp's cap and the unverified phrases that
typed lines of an export (file, language, phrase, count), with a line saying what that means,
in English and Hindi; never a line's text. Names and numbers are invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.pipeline import run_inbox
from sampark.db import migrate
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DATA_PAGE = str(ROOT / "pages" / "data.py")
NOW = datetime(2026, 11, 1, 12, 0)
NNBSP = "\u202f"

# An Odia phone's "this message was deleted" twice: a wording no source confirms yet.
GUESSED = f"""05/10/26, 9:15{NNBSP}am - SHO Kotwali created group "Kotwali Jan Sampark"
05/10/26, 9:16{NNBSP}am - Ravi: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
05/10/26, 9:17{NNBSP}am - Ravi: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
05/10/26, 9:18{NNBSP}am - Ravi: Secret plan at the market
"""


def _inbox(root: Path, chats: dict[str, str]) -> Path:
    files = {
        "units/units.csv": "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT\nBR-PAT-T002,thana,Sadar,BR-PAT\n",
        "groups/groups.csv": "Group ID,Unit ID,Group kind,Group name\n"
        "G-KOT,BR-PAT-T001,thana_public,Kotwali Jan Sampark\n"
        "G-SAD,BR-PAT-T002,thana_public,Sadar Jan Sampark\n",
        **{f"chats/WhatsApp Chat with {name}.txt": text for name, text in chats.items()},
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _cut_off() -> str:
    """10,000 entries not starting at the chat's creation: WhatsApp's cap cut it."""
    return "\n".join(
        f"{1 + i // 1440:02d}/10/26, {(i // 60) % 24:02d}:{i % 60:02d} - Sita: hello {i}"
        for i in range(10_000)
    )


def _page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> AppTest:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(DATA_PAGE, default_timeout=60), "data_officer")
    at.session_state["lang"] = lang
    return at.run()


@pytest.mark.parametrize(
    ("lang", "columns", "row_guess", "row_cut"),
    [
        (
            "en",
            [
                "File",
                "Group",
                "Incomplete",
                "Phone language",
                "Line typed as",
                "Unverified phrase",
                "Lines",
            ],
            ["Kotwali Jan Sampark", "no", "Odia", "deleted message", "ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି।?", "2"],
            ["Sadar Jan Sampark", "yes", "—", "—", "—", "—"],
        ),
        (
            "hi",
            ["फ़ाइल", "समूह", "अधूरा", "फ़ोन की भाषा", "पंक्ति की पहचान", "अपुष्ट वाक्यांश", "पंक्तियाँ"],
            ["Kotwali Jan Sampark", "नहीं", "ओड़िया", "मिटाया गया संदेश", "ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି।?", "2"],
            ["Sadar Jan Sampark", "हाँ", "—", "—", "—", "—"],
        ),
    ],
)
def test_exports_cut_off_or_resting_on_a_guess_are_listed_with_what_it_means(
    db_url, tmp_path, monkeypatch, lang, columns, row_guess, row_cut
):
    chats = {"Kotwali Jan Sampark": GUESSED, "Sadar Jan Sampark": _cut_off()}
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox", chats), now=NOW)
    at = _page(tmp_path, monkeypatch, lang)
    assert not at.exception
    (table,) = [d.value for d in at.dataframe if columns[5] in d.value.columns]
    assert list(table.columns) == columns
    rows = {r[1]: [str(v) for v in r[1:]] for r in table.itertuples(index=False)}
    assert rows == {row_guess[0]: row_guess, row_cut[0]: row_cut}
    meaning = "WhatsApp's limit" if lang == "en" else "प्रविष्टि-सीमा"
    assert [c for c in at.caption if meaning in c.value]
    # Counts and WhatsApp's wording only: no message text of the export reaches the page.
    assert "Secret plan" not in str(table.to_dict())


def test_nothing_to_read_with_care_says_so(db_url, tmp_path, monkeypatch):
    run_inbox(migrate(db_url), _inbox(tmp_path / "inbox", {}), now=NOW)
    at = _page(tmp_path, monkeypatch, "en")
    assert not at.exception
    assert [i for i in at.info if i.value.startswith("No loaded chat export")]
