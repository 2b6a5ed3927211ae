"""AppTest of two officers fixing the same story on the Social media cell page: the one who
saves second is told who saved first and when (IST), and keeps their own text in the form."""

from __future__ import annotations

from datetime import datetime

import pytest

from sampark.access import STATE
from sampark.queries.stories import all_stories, story_versions_of
from sampark.store.stories import StoryEditConflict
from tests.pages.test_social_stories import CLEAN, STATION, db, page
from ui.story_edit import conflict_text

__all__ = ["db"]  # the fixture, shared with the other Social page tests

SP = "SP Motihari (test-sp)"
SP_TEXT = "वाहन चेकिंग में दो आरोपी गिरफ्तार, तीन चोरी की मोटरसाइकिल बरामद।"
STATION_TEXT = "वाहन चेकिंग के दौरान दो आरोपी पकड़े गए, चोरी की तीन मोटरसाइकिल बरामद।"


def _save(at, sid: int, text: str):
    at.text_area(key=f"edit_{sid}_body_hi").input(text)
    next(b for b in at.button if b.label == "Save the new version").click()
    return at.run()


def _story(engine, sid: int) -> dict:
    with engine.connect() as conn:
        return next(
            r for r in all_stories(conn, STATE).iter_rows(named=True) if r["story_id"] == sid
        )


def test_the_second_officer_to_save_is_told_who_saved_first_and_keeps_their_text(db):
    engine, clean, _blocked = db
    # Both open the story's first version before either saves.
    station = page("sho", "BR-MOT-T001", "SI Ravi Ranjan", social_story=clean)
    sp = page("sp", "BR-MOT", "SP Motihari", social_story=clean)
    sp = _save(sp, clean, SP_TEXT)
    assert not sp.exception and not sp.error
    station = _save(station, clean, STATION_TEXT)
    assert not station.exception
    # The clock is frozen at 12:00 IST on 22 Nov 2026: the SP's save is named at that time.
    assert station.error[-1].value == (
        "Not saved: SP Motihari (test-sp) saved a new text of this story first, at 12:00 IST "
        "on 22 Nov 2026 (version 2). Your text is still in the form: read their version below, "
        "then save again to replace it."
    )
    assert _story(engine, clean)["body_hi"] == SP_TEXT
    assert station.text_area(key=f"edit_{clean}_body_hi").value == STATION_TEXT
    # The versions below the form name the same time, in IST.
    (table,) = [d.value for d in station.dataframe if "Version" in d.value.columns]
    assert table[["Version", "Written by", "Written at (IST)"]].values.tolist() == [
        [1, STATION, "20-11-2026 15:30"],
        [2, SP, "22-11-2026 12:00"],
    ]
    # Having read the newer version, the station saves again on purpose: version 3.
    next(b for b in station.button if b.label == "Save the new version").click()
    station = station.run()
    assert not station.error
    assert _story(engine, clean)["body_hi"] == STATION_TEXT
    with engine.connect() as conn:
        versions = story_versions_of(conn, clean).select("version", "author", "body_hi").rows()
    assert versions == [
        (1, STATION, CLEAN.body_hi),
        (2, SP, SP_TEXT),
        (3, STATION, STATION_TEXT),
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "hi",
            "सहेजा नहीं गया: SP मोतिहारी ने इस कहानी का नया पाठ पहले सहेज लिया, 22 नवंबर 2026 को "
            "18:30 IST पर (संस्करण 1,00,002)। आपका पाठ फ़ॉर्म में अब भी है: नीचे उनका संस्करण "
            "पढ़ें, फिर उसे बदलने के लिए दोबारा सहेजें।",
        ),
    ],
)
def test_the_refusal_names_the_time_in_ist_in_hindi_with_indian_grouping(lang, expected):
    conflict = StoryEditConflict(7, 100_002, "SP मोतिहारी", datetime(2026, 11, 22, 13, 0), 9)
    assert conflict_text(conflict, lang) == expected
