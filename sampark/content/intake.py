"""A story submitted in the app: its fields, its photos, and what is wrong with them."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from PIL import Image, UnidentifiedImageError

PHOTO_TYPES = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
PHOTO_MAX_BYTES = 5 * 1024 * 1024


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


def submission_problems(sub: Submission) -> list[str]:
    """What keeps a submission from being saved, as string keys, in form order."""
    problems = []
    if not (
        (sub.title.strip() and sub.body.strip()) or (sub.title_hi.strip() and sub.body_hi.strip())
    ):
        problems.append("text_missing")
    if not sub.unit_id:
        problems.append("unit_missing")
    if not sub.submitted_by.strip():
        problems.append("submitter_missing")
    photo_issues = [p for p in (photo_problem(photo) for photo in sub.photos) if p]
    return problems + sorted(set(photo_issues))


def media_name(photo: Photo) -> str:
    """The stored file name: the content's digest (same photo, same file) and its extension."""
    extension = PurePath(photo.name).suffix.lower().lstrip(".").replace("jpeg", "jpg")
    return f"{hashlib.sha256(photo.data).hexdigest()[:20]}.{extension}"
