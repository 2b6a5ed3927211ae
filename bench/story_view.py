"""Time the Social media cell's story view for a long story: its drafts alone, and the whole
page drawn for an SP with the story open (AppTest, a SQLite file in a temp dir).

    .venv/bin/python bench/story_view.py                 # 5,000 and 80,000 characters
    .venv/bin/python bench/story_view.py --chars 5000

5,000 characters per text is the longest the form and the sheets take; 80,000 is a story
loaded before that limit, which the page must still show. Budget: the longest allowed story's
page in under a second.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from sampark.content.drafts import StoryText, drafts  # noqa: E402
from sampark.content.intake import Submission  # noqa: E402
from sampark.db import migrate  # noqa: E402
from sampark.store.network import write_units  # noqa: E402
from sampark.store.stories import submit_story  # noqa: E402
from tests.auth_helpers import login_as  # noqa: E402

EN = "Police recovered three stolen motorcycles during vehicle checking near the bridge. "
HI = "वाहन चेकिंग के दौरान पुलिस ने चोरी की तीन मोटरसाइकिल बरामद कीं और दो आरोपी गिरफ्तार किए। "
UNITS = pl.DataFrame(
    {
        "unit_id": ["BR", "BR-R-CHA", "BR-MOT", "BR-MOT-T001"],
        "kind": ["state", "range", "district", "thana"],
        "name": ["Bihar", "Champaran", "Motihari", "Motihari Town"],
        "name_hi": ["बिहार", "चंपारण", "मोतिहारी", "मोतिहारी नगर"],
        "parent_id": [None, "BR", "BR-R-CHA", "BR-MOT"],
    }
)


def _text(sentence: str, chars: int) -> str:
    return (sentence * (chars // len(sentence) + 1))[:chars].strip()


def drafts_seconds(chars: int) -> float:
    start = time.perf_counter()
    for lang, sentence in (("en", EN), ("hi", HI)):
        drafts(StoryText("Recovered", _text(sentence, chars), "Motihari", "recovery", None, lang))
    return time.perf_counter() - start


def page_seconds(chars: int, work: Path) -> tuple[float, float]:
    """(first draw, second draw) of the page with the story open, in seconds."""
    url = f"sqlite:///{work}/bench_{chars}.db"
    engine = migrate(url)
    with engine.begin() as conn:
        write_units(conn, UNITS)
        story = Submission(
            unit_id="BR-MOT-T001",
            category="recovery",
            story_date=date(2026, 11, 20),
            submitted_by="SI Ravi Ranjan",
            title="Three stolen motorcycles recovered",
            body=_text(EN, chars),
            title_hi="चोरी की तीन मोटरसाइकिल बरामद",
            body_hi=_text(HI, chars),
        )
        story_id = submit_story(conn, story, [], datetime(2026, 11, 20, 10, 0))
    os.environ["DATABASE_URL"] = url
    os.environ["SAMPARK_DATA_DIR"] = str(work)
    at = login_as(
        AppTest.from_file(str(ROOT / "pages" / "social.py"), default_timeout=600),
        "sp",
        "BR-MOT",
        "SP Motihari",
    )
    at.session_state["social_story"] = story_id
    times = []
    for _ in range(2):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, action="append", help="story length (repeatable)")
    lengths = parser.parse_args().chars or [5_000, 80_000]
    with tempfile.TemporaryDirectory() as tmp:
        # A first draw pays for the imports: warm them on a short story.
        page_seconds(200, Path(tmp))
        print(f"{'characters':>10} {'drafts (en+hi)':>15} {'page, 1st':>10} {'page, 2nd':>10}")
        for chars in lengths:
            first, second = page_seconds(chars, Path(tmp))
            print(f"{chars:>10,} {drafts_seconds(chars):>14.3f}s {first:>9.2f}s {second:>9.2f}s")


if __name__ == "__main__":
    main()
