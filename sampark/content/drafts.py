"""Post drafts per platform from one story, and the length rules each platform counts by.

The drafts only arrange the story's own words (title, body, district, date, hashtags): the
templates add no wording of their own that could imply guilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from sampark.i18n.vocab import STORY_CATEGORIES
from sampark.settings import PROJECT_ROOT

PLATFORMS = ("x", "facebook", "instagram", "whatsapp")
# Characters each platform accepts (DOMAIN.md, "Platform rules"); WhatsApp sets none we rely on.
LIMITS: dict[str, int | None] = {"x": 280, "facebook": 63_206, "instagram": 2_200, "whatsapp": None}
MAX_HASHTAGS: dict[str, int | None] = {"x": None, "facebook": None, "instagram": 5, "whatsapp": 0}
X_URL_WEIGHT = 23
# X counts code points up to U+10FF (Latin, Devanagari, …) once, everything above twice.
X_LIGHT_MAX = 0x10FF
HASHTAG_FILE = PROJECT_ROOT / "data" / "content" / "hashtags.yaml"
# The story categories of the issue and of the stories sheet (one list for both).
CATEGORIES = tuple(STORY_CATEGORIES)
_MONTHS_HI = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
]
# A URL as X finds it, without the sentence punctuation that may follow it.
_URL = re.compile(r"(?:https?://|www\.)[^\s]*[^\s.,;:!?)\]'\"]")
_HASHTAG = re.compile(r"(?<![\w&])#[^\s#]+")
_ELLIPSIS = "…"


@dataclass(frozen=True)
class StoryText:
    """One language's version of a story, with what the drafts mention around it."""

    title: str
    body: str
    district: str
    category: str
    story_date: date | None
    lang: str


def x_length(text: str) -> int:
    """Length as X counts it: NFC first, every URL 23, code points up to U+10FF 1, others 2.

    Emoji joined by U+200D count each part (and the joiner) separately: longer than X's own
    count for such sequences, never shorter.

    >>> x_length("नमस्ते"), x_length("Hi 👋"), x_length("see https://example.com/a")
    (6, 5, 27)
    """
    normal = unicodedata.normalize("NFC", text)
    urls = _URL.findall(normal)
    rest = _URL.sub("", normal)
    return X_URL_WEIGHT * len(urls) + sum(1 if ord(c) <= X_LIGHT_MAX else 2 for c in rest)


def draft_length(platform: str, text: str) -> int:
    """The length a platform's counter shows: X weighted, others in code points after NFC."""
    return x_length(text) if platform == "x" else len(unicodedata.normalize("NFC", text))


def hashtags_in(text: str) -> list[str]:
    return _HASHTAG.findall(text)


@lru_cache(maxsize=2)
def _hashtag_table(path: Path = HASHTAG_FILE) -> dict[str, dict[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"district": data["district"], **data["categories"]}


def hashtags(district: str, category: str, lang: str) -> list[str]:
    """The district's police tag and the category's tag, in the story's language.

    >>> hashtags("East Champaran", "awareness", "en")
    ['#EastChamparanPolice', '#Awareness']
    """
    table = _hashtag_table()
    words = re.findall(r"[\w\u0900-\u097f]+", district)
    # A tag ends at a space: English words run together capitalised, Hindi ones join by _.
    name = "_".join(words) if lang == "hi" else "".join(w[:1].upper() + w[1:] for w in words)
    tags = [table["district"][lang].format(district=name)] if name else []
    category_tag = table.get(category, {}).get(lang)
    return tags + ([category_tag] if category_tag else [])


def date_label(day: date | None, lang: str) -> str:
    """23 November 2026 / 23 नवंबर 2026."""
    if day is None:
        return ""
    month = _MONTHS_HI[day.month - 1] if lang == "hi" else day.strftime("%B")
    return f"{day.day} {month} {day.year}"


def _compose(title: str, body: str, footer: str) -> str:
    return "\n\n".join(p for p in (title.strip(), body.strip(), footer.strip()) if p)


def _longest_fitting(count: int, fits: Callable[[int], bool]) -> int | None:
    """The largest k in 0..count-1 for which `fits(k)` holds, or None when not even 0 does.

    A post grows with every word or character kept, so the cut is found by halving the range:
    about log2(count) measurements of the post, where dropping one word at a time measured it
    once per word (an 80 KB story took minutes)."""
    if count <= 0 or not fits(0):
        return None
    low, high = 0, count  # fits(low) holds; fits(k) fails for every k >= high
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _cut_to_fit(title: str, body: str, footer: str, platform: str) -> str:
    """The post, its body cut at a word (with …) when the whole would pass the limit."""
    limit = LIMITS[platform]
    text = _compose(title, body, footer)
    if limit is None or draft_length(platform, text) <= limit:
        return text
    words = body.split()

    def with_words(k: int) -> str:
        return _compose(title, " ".join(words[:k]) + _ELLIPSIS, footer)

    kept = _longest_fitting(len(words), lambda k: draft_length(platform, with_words(k)) <= limit)
    if kept is not None:
        return with_words(kept)
    # Even the title is too long: cut it by characters.

    def with_title(k: int) -> str:
        return _compose(title[:k] + _ELLIPSIS, "", footer)

    chars = _longest_fitting(
        len(title) + 1, lambda k: draft_length(platform, with_title(k)) <= limit
    )
    return with_title(chars or 0)


def draft(story: StoryText, platform: str) -> str:
    """The post for `platform` in the story's language, within the platform's limits."""
    tags = hashtags(story.district, story.category, story.lang)
    allowed = MAX_HASHTAGS[platform]
    tags = tags if allowed is None else tags[:allowed]
    place = " · ".join(p for p in (story.district, date_label(story.story_date, story.lang)) if p)
    if platform == "whatsapp":
        return _compose(f"*{story.title}*", story.body, place)
    if platform == "x":
        return _cut_to_fit(story.title, story.body, " ".join(tags), platform)
    return _cut_to_fit(story.title, story.body, "\n".join([place, " ".join(tags)]), platform)


def drafts(story: StoryText) -> dict[str, str]:
    """One draft per platform."""
    return {platform: draft(story, platform) for platform in PLATFORMS}


def draft_problems(platform: str, text: str, *, has_image: bool) -> list[str]:
    """What keeps a draft from being posted as it is: over_limit, too_many_hashtags,
    needs_image (Instagram posts need at least one image)."""
    problems = []
    limit = LIMITS[platform]
    if limit is not None and draft_length(platform, text) > limit:
        problems.append("over_limit")
    allowed = MAX_HASHTAGS[platform]
    if allowed is not None and len(hashtags_in(text)) > allowed:
        problems.append("too_many_hashtags")
    if platform == "instagram" and not has_image:
        problems.append("needs_image")
    return problems
