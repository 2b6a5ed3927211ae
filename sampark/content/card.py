"""A 1080×1080 PNG card per story (title, district, date, category, the story's photo) and
its alt text.

Devanagari needs complex shaping (matras, conjuncts), which Pillow does only with raqm; without
it Pillow silently draws broken Hindi, so the card refuses to draw instead. Debian's Noto Sans
Devanagari has no Latin glyphs: text is split into script runs, each drawn with its own font on
a shared baseline.

The photo (bytes that `media.story_media` already let through) goes under the title. In a
story the guard ties to a sexual offence or a child (`protect_faces`), faces are blurred first
(`faces.py`); where no face detector can run, the card is drawn without the photo and says so
(`CardImage.photo_left_out`), never with a face left as it was.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError, features

from sampark.content.drafts import date_label
from sampark.content.faces import FaceDetector, blurred_faces, haar_detector, upright
from sampark.i18n import t

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
SIZE = 1080
MARGIN = 84
_BACKGROUND = (11, 37, 69)
_ACCENT = (244, 163, 0)
_TEXT = (255, 255, 255)
_MUTED = (196, 208, 224)
# Zero-width joiners belong to the Devanagari run they shape.
_DEVANAGARI = {*range(0x0900, 0x0980), *range(0xA8E0, 0xA900), 0x200C, 0x200D}
# Where the title and the photo go: (top, height) of the title box, and the photo's box.
_TITLE_ALONE = (250, 560)
_TITLE_OVER_PHOTO = (222, 260)
_PHOTO_BOX = (MARGIN, 520, SIZE - MARGIN, 856)
# Why a story's photo is not on its card.
PHOTO_LEFT_OUT = ("no_face_detector", "unreadable")


class CardLayoutUnavailable(RuntimeError):
    """Pillow cannot shape Devanagari here (raqm/libfribidi or the Noto fonts missing)."""


def card_layout_problem() -> str | None:
    """Why no card can be drawn on this machine (a font file or Pillow's raqm layout missing),
    or None: a page asks first, says so and keeps its other parts working."""
    for family in ("NotoSans", "NotoSansDevanagari"):
        for weight in ("Regular", "Bold"):
            path = FONT_DIR / f"{family}-{weight}.ttf"
            if not path.is_file():
                return f"{path}: font missing (Debian package fonts-noto-core)"
    if not features.check("raqm"):
        return "Pillow has no raqm layout (install libfribidi0)"
    return None


@dataclass(frozen=True)
class Card:
    title: str
    district: str
    day: date | None
    category: str
    lang: str
    # The story's photo (JPEG or PNG bytes, checked by media.story_media), if any.
    photo: bytes | None = None
    # The guard ties the story to a sexual offence or a child: faces are blurred first.
    protect_faces: bool = False


@dataclass(frozen=True)
class CardImage:
    """The card's PNG and what was done with the photo, for the cell to see."""

    png: bytes
    photo_shown: bool = False
    # Faces blurred on the photo (0 where none was found or none needed to be).
    faces_blurred: int = 0
    # One of PHOTO_LEFT_OUT when the story had a photo that is not on the card.
    photo_left_out: str | None = None


def category_label(category: str, lang: str) -> str:
    """The category in words; an unknown code is shown as it came."""
    key = f"story_cat_{category}"
    try:
        return t(key, lang)
    except KeyError:
        return category.replace("_", " ")


def alt_text(card: Card) -> str:
    """What a screen reader says for the card."""
    parts = (
        category_label(card.category, card.lang),
        card.district,
        date_label(card.day, card.lang),
    )
    return t("card_alt", card.lang, title=card.title, details=", ".join(p for p in parts if p))


@lru_cache(maxsize=32)
def _font(script: str, size: int, *, bold: bool) -> ImageFont.FreeTypeFont:
    family = "NotoSansDevanagari" if script == "deva" else "NotoSans"
    path = FONT_DIR / f"{family}-{'Bold' if bold else 'Regular'}.ttf"
    if not path.is_file():
        raise CardLayoutUnavailable(f"{path}: font missing (Debian package fonts-noto-core)")
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _runs(text: str) -> list[tuple[str, str]]:
    """(script, text) runs; spaces stay with the run before them."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        script = "deva" if ord(ch) in _DEVANAGARI else "latn"
        if runs and (ch == " " or runs[-1][0] == script):
            runs[-1] = (runs[-1][0], runs[-1][1] + ch)
        else:
            runs.append((script, ch))
    return runs


def _width(text: str, size: int, *, bold: bool) -> float:
    return sum(_font(s, size, bold=bold).getlength(run) for s, run in _runs(text))


def _wrapped(text: str, size: int, width: int, *, bold: bool) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _draw_line(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    size: int,
    fill: tuple[int, int, int],
    *,
    bold: bool,
) -> None:
    x, baseline = xy
    for script, run in _runs(text):
        font = _font(script, size, bold=bold)
        language = "hi" if script == "deva" else "en"
        draw.text((x, baseline), run, font=font, fill=fill, anchor="ls", language=language)
        x += font.getlength(run)


def _title_layout(title: str, width: int, height: int) -> tuple[int, list[str]]:
    """The largest title size (84 down to 40) whose wrapped lines fit the box."""
    for size in range(84, 39, -4):
        lines = _wrapped(title, size, width, bold=True)
        if len(lines) * size * 1.45 <= height:
            return size, lines
    return 40, _wrapped(title, 40, width, bold=True)[: max(1, int(height // (40 * 1.45)))]


def _photo(card: Card, detector: FaceDetector | None) -> tuple[Image.Image | None, int, str | None]:
    """(the photo ready for the card or None, faces blurred, why it is left out)."""
    if card.photo is None:
        return None, 0, None
    try:
        with Image.open(io.BytesIO(card.photo)) as opened:
            photo = upright(opened)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None, 0, "unreadable"
    if not card.protect_faces:
        return photo, 0, None
    if detector is None:
        return None, 0, "no_face_detector"
    try:
        boxes = detector(photo)
    except Exception:  # a detector that fails has found nothing that can be trusted
        return None, 0, "no_face_detector"
    return blurred_faces(photo, boxes), len(boxes), None


def card_image(
    card: Card, *, detector: FaceDetector | Literal["haar"] | None = "haar"
) -> CardImage:
    """The card, 1080×1080, and what was done with the story's photo. `detector` finds faces:
    OpenCV's Haar cascades by default (None where they cannot run), or the one given; None
    says no detector can run here."""
    chosen = haar_detector() if detector == "haar" else detector
    photo, faces, left_out = _photo(card, chosen)
    png = _drawn(card, photo)
    return CardImage(png, photo is not None, faces, left_out)


def protected_photo(
    photo: bytes, *, detector: FaceDetector | Literal["haar"] | None = "haar", side: int = 640
) -> tuple[bytes | None, int]:
    """A protected story's photo as the story view shows it: (a PNG at most `side` pixels
    across with the faces blurred, the faces blurred), or (None, 0) where no detector can run
    or the bytes are no image: the view never shows such a photo as it came."""
    chosen = haar_detector() if detector == "haar" else detector
    image, faces, _left_out = _photo(Card("", "", None, "", "en", photo, True), chosen)
    if image is None:
        return None, 0
    image.thumbnail((side, side))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), faces


def card_png(card: Card) -> bytes:
    """The card as PNG bytes, 1080×1080."""
    return card_image(card).png


def _drawn(card: Card, photo: Image.Image | None) -> bytes:
    if not features.check("raqm"):
        raise CardLayoutUnavailable(
            "Pillow has no raqm layout (install libfribidi0): Hindi would be drawn unshaped"
        )
    image = Image.new("RGB", (SIZE, SIZE), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE, 18), fill=_ACCENT)
    inner = SIZE - 2 * MARGIN

    label = category_label(card.category, card.lang)
    chip = _width(label, 40, bold=True) + 56
    draw.rounded_rectangle((MARGIN, 110, MARGIN + chip, 186), radius=38, fill=_ACCENT)
    _draw_line(draw, (MARGIN + 28, 162), label, 40, _BACKGROUND, bold=True)

    top, height = _TITLE_ALONE if photo is None else _TITLE_OVER_PHOTO
    size, lines = _title_layout(card.title, inner, height)
    y = top + size
    for line in lines:
        _draw_line(draw, (MARGIN, y), line, size, _TEXT, bold=True)
        y += int(size * 1.45)
    if photo is not None:
        left, upper, right, lower = _PHOTO_BOX
        fitted = ImageOps.fit(photo, (right - left, lower - upper), Image.Resampling.LANCZOS)
        mask = Image.new("L", fitted.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, *fitted.size), radius=24, fill=255)
        image.paste(fitted, (left, upper), mask)

    draw.line((MARGIN, 880, SIZE - MARGIN, 880), fill=_ACCENT, width=4)
    _draw_line(draw, (MARGIN, 950), card.district, 52, _TEXT, bold=True)
    _draw_line(draw, (MARGIN, 1012), date_label(card.day, card.lang), 40, _MUTED, bold=False)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
