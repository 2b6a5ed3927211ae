"""A story submitted in the app: its fields, its photos, and what is wrong with them."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

import polars as pl
from PIL import Image, UnidentifiedImageError

from sampark.access import may_act
from sampark.content.queue import SUBMITTING_KINDS
from sampark.metrics.coverage.totals import within

PHOTO_TYPES = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
PHOTO_MAX_BYTES = 5 * 1024 * 1024
# The longest title and story text (each language) the form and the sheets take, in
# characters. A card's title is a line or two; a police success story is a press note of a
# few hundred words, and 5,000 characters is about 800 English or 900 Hindi words, two pages:
# room for any real story, while the guard, the four drafts and the card all read the whole
# text every time a reviewer opens it.
TITLE_MAX_CHARS = 300
TEXT_MAX_CHARS = 5_000


@dataclass(frozen=True)
class Photo:
    name: str
    data: bytes


@dataclass(frozen=True)
class Submission:
    """What the submission form collects: text in English and/or Hindi, and the rest."""

    unit_id: str
    category: str
    story_date: date
    submitted_by: str
    title: str = ""
    body: str = ""
    title_hi: str = ""
    body_hi: str = ""
    photos: tuple[Photo, ...] = field(default_factory=tuple)

    def texts(self) -> dict[str, str | None]:
        return {
            "title": self.title or None,
            "body": self.body or None,
            "title_hi": self.title_hi or None,
            "body_hi": self.body_hi or None,
        }


def photo_problem(photo: Photo) -> str | None:
    """Why a photo is refused (photo_type or photo_size), or None when it is a JPEG or PNG of
    at most 5 MB whose content matches its extension."""
    extension = PurePath(photo.name).suffix.lower().lstrip(".")
    if extension not in PHOTO_TYPES:
        return "photo_type"
    if len(photo.data) > PHOTO_MAX_BYTES:
        return "photo_size"
    try:
        with Image.open(io.BytesIO(photo.data)) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return "photo_type"
    return None if kind == PHOTO_TYPES[extension] else "photo_type"


class SubmissionRefused(ValueError):
    """A submission that may not be saved; `problems` are the reasons' keys, in form order."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("submission refused: " + ", ".join(problems))
        self.problems = problems


def filing_units(role: str | None, unit_id: str | None, units: pl.DataFrame) -> frozenset[str]:
    """The units a user may file a story under: their own unit and the offices below it.

    An SHO files for their thana (and its outposts), a CO for the circle or a thana in it, an
    SP for the district or any office in it; never for a unit above their own, which a story
    filed there would speak for. Roles that do not submit, or have no unit, file for none.
    `units` may hold units outside the user's scope; only the subtree counts."""
    if not may_act(role, "submit") or unit_id is None:
        return frozenset()
    below = within(units, unit_id).filter(pl.col("kind").is_in(SUBMITTING_KINDS))
    return frozenset(below.get_column("unit_id").to_list())


def text_too_long(sub: Submission) -> list[str]:
    """title_too_long / text_too_long when a title or a story text passes its limit."""
    titles = (sub.title.strip(), sub.title_hi.strip())
    bodies = (sub.body.strip(), sub.body_hi.strip())
    problems = []
    if any(len(text) > TITLE_MAX_CHARS for text in titles):
        problems.append("title_too_long")
    if any(len(text) > TEXT_MAX_CHARS for text in bodies):
        problems.append("text_too_long")
    return problems


def submission_problems(sub: Submission, *, allowed_units: Collection[str]) -> list[str]:
    """What keeps a submission from being saved, as string keys, in form order.
    `allowed_units` are the units the submitting user may file for (`filing_units`)."""
    problems = []
    if not (
        (sub.title.strip() and sub.body.strip()) or (sub.title_hi.strip() and sub.body_hi.strip())
    ):
        problems.append("text_missing")
    problems += text_too_long(sub)
    if not sub.unit_id:
        problems.append("unit_missing")
    elif sub.unit_id not in allowed_units:
        problems.append("unit_not_yours")
    if not sub.submitted_by.strip():
        problems.append("submitter_missing")
    photo_issues = [p for p in (photo_problem(photo) for photo in sub.photos) if p]
    return problems + sorted(set(photo_issues))


def checked_submission(sub: Submission, *, allowed_units: Collection[str]) -> Submission:
    """`sub` when it may be saved; otherwise SubmissionRefused with every reason. The one
    gate every submission passes before it is written, whatever offered the choices."""
    problems = submission_problems(sub, allowed_units=allowed_units)
    if problems:
        raise SubmissionRefused(problems)
    return sub


def media_name(photo: Photo) -> str:
    """The stored file name: the content's digest (same photo, same file) and its extension."""
    extension = PurePath(photo.name).suffix.lower().lstrip(".").replace("jpeg", "jpg")
    return f"{hashlib.sha256(photo.data).hexdigest()[:20]}.{extension}"
