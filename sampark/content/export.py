"""Per-story drafts and cards in each language, and the bulk export of approved stories.

A story the guard blocks (a block with no written order: the queue's `blocked`) is never
exported, whatever its status: its text would otherwise leave the dashboard in a CSV or a card.
The card carries the story's first photo; in a story the guard ties to a sexual offence or a
child, faces on it are blurred (or the photo left off) by `card.card_image`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import polars as pl

from sampark.content.card import Card, alt_text, card_image
from sampark.content.drafts import PLATFORMS, StoryText, drafts
from sampark.content.guard import STORY_FIELDS, story_protected_context
from sampark.content.media import story_media
from sampark.safety.export import csv_bytes

LANGS = ("en", "hi")


def story_text(story: dict[str, Any], lang: str) -> StoryText | None:
    """The story's version in `lang` (a row of `story_queue`), or None when it has no title and
    body in that language."""
    suffix = "_hi" if lang == "hi" else ""
    title = (story.get(f"title{suffix}") or "").strip()
    body = (story.get(f"body{suffix}") or "").strip()
    if not (title and body):
        return None
    district = story.get(f"district{suffix}") or story.get("district") or ""
    return StoryText(
        title=title,
        body=body,
        district=str(district),
        category=str(story.get("category") or "other"),
        story_date=story.get("story_date"),
        lang=lang,
    )


def story_card(text: StoryText, photo: bytes | None = None, *, protect_faces: bool = False) -> Card:
    return Card(
        text.title,
        text.district,
        text.story_date,
        text.category,
        text.lang,
        photo=photo,
        protect_faces=protect_faces,
    )


def first_photo(story: dict[str, Any], media_dir: Path | None) -> bytes | None:
    """The story's first photo that may be shown (`media.story_media`), or None."""
    if media_dir is None:
        return None
    shown, _problems = story_media(media_dir, story.get("media"))
    return shown[0].data if shown else None


def protects_faces(story: dict[str, Any]) -> bool:
    """The guard ties the story to a sexual offence or a child: faces on its photo are blurred."""
    return story_protected_context({f: story.get(f) for f in STORY_FIELDS}) is not None


def photo_card(story: dict[str, Any], text: StoryText, media_dir: Path | None) -> Card:
    """The story's card in `text`'s language with its first photo."""
    return story_card(text, first_photo(story, media_dir), protect_faces=protects_faces(story))


def exportable(approved: pl.DataFrame) -> pl.DataFrame:
    """The stories that may leave the dashboard: none the guard blocks."""
    return approved.filter(~pl.col("blocked")) if "blocked" in approved.columns else approved


def export_frame(approved: pl.DataFrame) -> pl.DataFrame:
    """One row per approved story and language: the drafts per platform, the card's file name
    in the ZIP and its alt text."""
    rows = []
    for story in exportable(approved).iter_rows(named=True):
        for lang in LANGS:
            text = story_text(story, lang)
            if text is None:
                continue
            rows.append(
                {
                    "story_id": story["story_id"],
                    "language": lang,
                    "story_date": story["story_date"],
                    "district": text.district,
                    "category": story["category"],
                    "title": text.title,
                    **{f"draft_{p}": d for p, d in drafts(text).items()},
                    "card_file": card_file(story["story_id"], lang),
                    "alt_text": alt_text(story_card(text)),
                }
            )
    schema = {
        "story_id": pl.Int64,
        "language": pl.String,
        "story_date": pl.Date,
        "district": pl.String,
        "category": pl.String,
        "title": pl.String,
        **{f"draft_{p}": pl.String for p in PLATFORMS},
        "card_file": pl.String,
        "alt_text": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def export_csv(approved: pl.DataFrame) -> bytes:
    """`export_frame` as CSV for a spreadsheet: no title or draft opens as a live formula."""
    return csv_bytes(export_frame(approved))


def card_file(story_id: int, lang: str) -> str:
    return f"story_{story_id}_{lang}.png"


def cards_zip(approved: pl.DataFrame, media_dir: Path | None = None) -> bytes:
    """A ZIP of every approved story's card in each of its languages, with the story's first
    photo from `media_dir` (faces blurred where the story protects them)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed already
        for story in exportable(approved).iter_rows(named=True):
            for lang in LANGS:
                text = story_text(story, lang)
                if text is not None:
                    card = photo_card(story, text, media_dir)
                    archive.writestr(card_file(story["story_id"], lang), card_image(card).png)
    return out.getvalue()
