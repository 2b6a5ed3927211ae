"""The weekly brief and the district sheet as PDF, in English and Hindi."""

from datetime import date

import polars as pl
import pytest

from sampark.metrics.coverage.history import Projection
from sampark.metrics.coverage.overview import coverage_overview
from sampark.reports.brief import BriefParts, brief_html, projection_text, waiting_rows
from sampark.reports.compstat import sheet_html
from sampark.reports.pdf import pdf_bytes
from sampark.targets import Profile
from tests.metrics.test_coverage_history import HISTORY, NET, PROFILE

TARGET = Profile(
    **{**PROFILE.__dict__, "member_target": 200000, "member_target_date": date(2027, 3, 31)}
)


def _text(html: str) -> str:
    """The text WeasyPrint lays out on the PDF's pages (what a reader of the PDF sees)."""
    from weasyprint import HTML

    found: list[str] = []

    def walk(box: object) -> None:
        text = getattr(box, "text", None)
        if isinstance(text, str):
            found.append(text)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in HTML(string=html).render().pages:
        walk(page._page_box)
    return " ".join(found)


def _brief(lang: str, parts: BriefParts | None = None) -> str:
    ov = coverage_overview(NET, HISTORY, TARGET, None, as_of=date(2026, 11, 1))
    return brief_html(
        ov,
        scope_name="Test",
        profile_name="Test",
        behind=pl.DataFrame(),
        actions=pl.DataFrame(),
        lang=lang,
        parts=parts,
    )


def test_projection_text_names_the_day_at_this_pace():
    p = Projection(
        150000, 200000, date(2027, 12, 31), 1000.0, date(2027, 10, 17), date(2026, 10, 25)
    )
    assert (
        projection_text(p, "en") == "At this pace 200,000 on 17 Oct 2027 (target date 31 Dec 2027)."
    )


def test_projection_text_in_hindi_uses_indian_grouping():
    p = Projection(150000, 200000, date(2027, 3, 31), 0.0, None, date(2027, 3, 3))
    assert projection_text(p, "hi") == (
        "इस गति से नहीं: प्रति सप्ताह 0 सदस्य; 31 मार्च 2027 तक 2,00,000 के लिए प्रति सप्ताह 12,500 चाहिए।"
    )


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_brief_is_a_pdf(lang):
    assert pdf_bytes(_brief(lang)).startswith(b"%PDF")


def test_brief_in_hindi_carries_devanagari_text_and_lakh_grouping():
    text = _text(_brief("hi"))
    assert "साप्ताहिक ब्रीफ़: व्हाट्सएप नेटवर्क कवरेज" in text
    assert "2,00,000" in text


def test_brief_in_english_has_no_devanagari():
    text = _text(_brief("en"))
    assert "Weekly brief: WhatsApp network coverage" in text
    assert not any("\u0900" <= ch <= "\u097f" for ch in text)


def test_district_sheet_is_a_pdf_with_its_measures():
    measures = pl.DataFrame({"माप": ["सदस्य"], "लक्ष्य": ["3,400"]})
    html = sheet_html("नालंदा: सप्ताह समाप्ति 1 नवंबर 2026", measures, pl.DataFrame(), "hi")
    assert pdf_bytes(html).startswith(b"%PDF")
    assert "नालंदा: सप्ताह समाप्ति 1 नवंबर 2026" in _text(html)


def _waiting_brief(lang: str, waiting: pl.DataFrame) -> str:
    return _brief(lang, BriefParts(waiting=waiting))


WAITING = pl.DataFrame(
    {
        "next_action": ["vet", "approve", "post"],
        "stories": [1234, 2, 0],
        "oldest_hours": [50, 30, None],
    }
)


def test_the_brief_counts_stories_waiting_more_than_a_day_per_step_in_english():
    assert waiting_rows(WAITING, "en") == [
        ["Vetting (CO/SP)", "1,234", "2 days 2 h"],
        ["Approval (social media cell)", "2", "1 day 6 h"],
        ["Posting (social media cell)", "0", "—"],
    ]
    text = _text(_waiting_brief("en", WAITING))
    assert "Stories waiting more than a day" in text
    assert "1,236 stories have waited more than a day at their step." in text


def test_the_brief_counts_waiting_stories_in_hindi_with_indian_grouping():
    many = WAITING.with_columns(pl.Series("stories", [123456, 2, 0]))
    assert waiting_rows(many, "hi")[0] == ["जाँच (CO/SP)", "1,23,456", "2 दिन 2 घंटे"]
    text = _text(_waiting_brief("hi", many))
    assert "एक दिन से अधिक से रुकी कहानियाँ" in text
    assert "1,23,458 कहानियाँ अपने चरण पर एक दिन से अधिक से रुकी हैं।" in text


def test_a_brief_with_no_waiting_story_says_so():
    none = WAITING.with_columns(pl.Series("stories", [0, 0, 0]), pl.lit(None).alias("oldest_hours"))
    assert "No story has waited more than a day." in _text(_waiting_brief("en", none))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "1 story has waited more than a day at its step."),
        ("hi", "1 कहानी अपने चरण पर एक दिन से अधिक से रुकी है।"),
    ],
)
def test_brief_says_one_waiting_story_in_the_singular(lang, sentence):
    one = WAITING.with_columns(pl.Series("stories", [1, 0, 0]))
    assert sentence in _text(_waiting_brief(lang, one))
