"""X weighted length against worked examples, and the platform drafts."""

from datetime import date

import pytest

from sampark.content import drafts as drafts_module
from sampark.content.drafts import (
    LIMITS,
    StoryText,
    draft,
    draft_length,
    draft_problems,
    drafts,
    hashtags,
    hashtags_in,
    x_length,
)
from sampark.content.guard import check
from sampark.content.intake import TEXT_MAX_CHARS, TITLE_MAX_CHARS


def test_x_length_counts_each_devanagari_code_point_once():
    # न म स ् त े: the virama and the vowel sign are code points of their own.
    assert x_length("नमस्ते") == 6


def test_x_length_counts_conjunct_parts_separately():
    # क ् ष त ् र ि य
    assert x_length("क्षत्रिय") == 8


def test_x_length_counts_emoji_and_cjk_twice():
    assert (x_length("Hello 👋"), x_length("日本")) == (8, 4)


def test_x_length_counts_every_url_as_23():
    # "See " 4 + URL 23 + " and " 5 + URL 23 + "." 1: the full stop is not part of the URL.
    assert x_length("See https://example.com/a/very/long/path?x=1 and www.bihar.gov.in.") == 56


def test_x_length_normalises_to_nfc_first():
    # e + combining acute is one code point after NFC; a nukta letter stays two (NFC excludes it).
    assert (x_length("e\u0301"), x_length("\u0958"), x_length("क\u093c")) == (1, 2, 2)


def test_x_length_of_mixed_hindi_emoji_and_url():
    # पटना 4 + space + पुलिस 5 + space + 👮 2 + space + URL 23
    assert x_length("पटना पुलिस 👮 https://x.com/a") == 37


def _story(
    body: str = "Two accused arrested and a stolen motorcycle recovered.",
    lang: str = "en",
    district: str = "East Champaran",
) -> StoryText:
    return StoryText(
        title="Stolen motorcycle recovered",
        body=body,
        district=district,
        category="recovery",
        story_date=date(2026, 11, 20),
        lang=lang,
    )


def test_hashtags_come_from_district_and_category_in_each_language():
    assert hashtags("East Champaran", "awareness", "en") == ["#EastChamparanPolice", "#Awareness"]
    assert hashtags("पूर्वी चंपारण", "awareness", "hi") == ["#पूर्वी_चंपारण_पुलिस", "#जागरूकता"]


def test_x_draft_is_title_body_and_hashtags():
    assert draft(_story(), "x") == (
        "Stolen motorcycle recovered\n\n"
        "Two accused arrested and a stolen motorcycle recovered.\n\n"
        "#EastChamparanPolice #Recovered"
    )


def test_long_x_draft_is_cut_at_a_word_to_280():
    long = _story(body="गाड़ी चेकिंग के दौरान मोटरसाइकिल बरामद हुई। " * 20)
    text = draft(long, "x")
    assert x_length(text) <= 280
    assert "…\n\n#EastChamparanPolice" in text


def test_facebook_draft_names_district_and_date():
    hindi = _story("दो आरोपी गिरफ्तार।", lang="hi", district="पूर्वी चंपारण")
    assert draft(hindi, "facebook").splitlines()[-2:] == [
        "पूर्वी चंपारण · 20 नवंबर 2026",
        "#पूर्वी_चंपारण_पुलिस #बरामदगी",
    ]


def test_whatsapp_draft_has_a_bold_title_and_no_hashtags():
    text = draft(_story(), "whatsapp")
    assert (text.splitlines()[0], hashtags_in(text)) == ("*Stolen motorcycle recovered*", [])


def test_instagram_draft_without_an_image_cannot_be_posted():
    text = draft(_story(), "instagram")
    assert draft_problems("instagram", text, has_image=False) == ["needs_image"]
    assert draft_problems("instagram", text, has_image=True) == []


def test_instagram_with_six_hashtags_is_refused():
    assert draft_problems("instagram", "#a #b #c #d #e #f", has_image=True) == ["too_many_hashtags"]


def test_instagram_counts_code_points_after_nfc():
    assert draft_length("instagram", "e\u0301 👋") == 3


def test_draft_templates_add_no_guilt_words():
    clean = _story()
    assert {p: check(text) for p, text in drafts(clean).items()} == {
        "x": [],
        "facebook": [],
        "instagram": [],
        "whatsapp": [],
    }


# --- cutting a long story: the most words that fit, in near-linear work -----------------------


def _naive_cut(title: str, body: str, footer: str, platform: str) -> str:
    """The cut as first written: drop the last word until the post fits (one measurement of
    the whole post per word dropped). The oracle for the fast cut."""
    limit = LIMITS[platform]
    assert limit is not None
    whole = "\n\n".join(p for p in (title, body, footer) if p)
    if draft_length(platform, whole) <= limit:
        return whole
    words = body.split()
    while words:
        words.pop()
        text = "\n\n".join(p for p in (title, " ".join(words) + "…", footer) if p)
        if draft_length(platform, text) <= limit:
            return text
    raise AssertionError("the oracle covers bodies only")


def _longest_story(lang: str) -> StoryText:
    """A story at the longest the form and the sheets take, in words of ordinary length."""
    sentence = (
        "वाहन चेकिंग के दौरान पुलिस ने चोरी की तीन मोटरसाइकिल बरामद कीं और दो आरोपी गिरफ्तार किए। "
        if lang == "hi"
        else "Police recovered three stolen motorcycles during vehicle checking near the bridge. "
    )
    body = (sentence * (TEXT_MAX_CHARS // len(sentence) + 1))[:TEXT_MAX_CHARS]
    return StoryText(
        title=("T" * TITLE_MAX_CHARS),
        body=body,
        district="East Champaran",
        category="recovery",
        story_date=date(2026, 11, 20),
        lang=lang,
    )


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("platform", ["x", "instagram"])
def test_cut_keeps_the_most_words_that_fit(lang, platform):
    story = _longest_story(lang)
    short = StoryText("Recovered", story.body, story.district, story.category, None, lang)
    tags = " ".join(hashtags(short.district, short.category, lang))
    footer = tags if platform == "x" else "East Champaran\n" + tags
    got = draft(short, platform)
    assert got == _naive_cut("Recovered", short.body, footer, platform)


def test_cut_of_a_body_with_urls_and_emoji_fits_x():
    body = " ".join(f"word{i} https://example.com/{i} 👮" for i in range(300))
    text = draft(_story(body=body), "x")
    assert x_length(text) <= 280 and text.count("https://") > 0


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_drafts_of_the_longest_story_measure_the_post_a_few_times(lang, monkeypatch):
    """Each cut measures the post about log2(words) times, not once per word dropped: the
    longest story's drafts take a few dozen measurements in all, not thousands."""
    calls: list[int] = []

    def counted(platform: str, text: str) -> int:
        calls.append(len(text))
        return draft_length(platform, text)

    monkeypatch.setattr(drafts_module, "draft_length", counted)
    made = drafts(_longest_story(lang))
    assert all(draft_length(p, made[p]) <= (LIMITS[p] or 10**9) for p in made)
    assert len(calls) <= 60
    # Characters measured in all: a few times the story, not its square.
    assert sum(calls) <= 20 * (TEXT_MAX_CHARS + TITLE_MAX_CHARS)


def test_a_title_longer_than_the_post_is_cut_by_characters_in_few_measurements(monkeypatch):
    calls: list[int] = []

    def counted(platform: str, text: str) -> int:
        calls.append(len(text))
        return draft_length(platform, text)

    monkeypatch.setattr(drafts_module, "draft_length", counted)
    story = StoryText("शीर्षक " * 2000, "body", "Patna", "recovery", None, "hi")
    text = draft(story, "x")
    assert x_length(text) <= 280 and "…" in text
    assert len(calls) <= 40
