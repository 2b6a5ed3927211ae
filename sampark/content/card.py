"""A 1080×1080 PNG card per story (title, district, date, category) and its alt text.

Devanagari needs complex shaping (matras, conjuncts), which Pillow does only with raqm; without
it Pillow silently draws broken Hindi, so the card refuses to draw instead. Debian's Noto Sans
Devanagari has no Latin glyphs: text is split into script runs, each drawn with its own font on
a shared baseline.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from sampark.content.drafts import date_label
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


class CardLayoutUnavailable(RuntimeError):
    """Pillow cannot shape Devanagari here (raqm/libfribidi or the Noto fonts missing)."""


@dataclass(frozen=True)
class Card:
    title: str
    district: str
    day: date | None
    category: str
    lang: str


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
    """The largest title size (84 down to 44) whose wrapped lines fit the box."""
    for size in range(84, 43, -4):
        lines = _wrapped(title, size, width, bold=True)
        if len(lines) * size * 1.45 <= height:
            return size, lines
    return 44, _wrapped(title, 44, width, bold=True)[: int(height // (44 * 1.45))]


def card_png(card: Card) -> bytes:
    """The card as PNG bytes, 1080×1080."""
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

    size, lines = _title_layout(card.title, inner, 560)
    y = 250 + size
    for line in lines:
        _draw_line(draw, (MARGIN, y), line, size, _TEXT, bold=True)
        y += int(size * 1.45)

    draw.line((MARGIN, 880, SIZE - MARGIN, 880), fill=_ACCENT, width=4)
    _draw_line(draw, (MARGIN, 950), card.district, 52, _TEXT, bold=True)
    _draw_line(draw, (MARGIN, 1012), date_label(card.day, card.lang), 40, _MUTED, bold=False)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
