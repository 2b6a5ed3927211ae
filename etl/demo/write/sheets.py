"""How the demo's sheets are typed and saved: phone, date, category and yes/no cells the way
offices write them, headers in English, Hindi or both, and CSV or XLSX files."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import polars as pl
import xlsxwriter

from etl.sources.sheets.columns import CATEGORY_HI, SHEETS

ENGLISH_LABEL: dict[str, str] = {
    "police": "Police",
    "clg": "CLG member",
    "gram_rakshak": "Gram Rakshak",
    "police_mitra": "Police Mitra",
    "suraksha_sakhi": "Suraksha Sakhi",
    "digital_volunteer": "Digital Volunteer",
    "trader": "Trader",
    "public_rep": "Public Representative",
    "pradhan": "Pradhan",
    "councillor": "Councillor",
    "citizen": "Citizen",
    "official": "Official",
}
LANGS = ("en", "hi", "bi")


def file_slug(name: str) -> str:
    """A name as the demo's file names write it: "Sri Ganganagar" → "sri_ganganagar"."""
    return name.lower().replace(" ", "_").replace("-", "_")


def rotation(i: int) -> tuple[str, str]:
    """The i-th file's (suffix, header language): CSV and XLSX alternate, languages cycle."""
    return (".csv" if i % 2 == 0 else ".xlsx"), LANGS[i % 3]


def phone_text(phone: int, rng: random.Random) -> str:
    """A mobile number the way offices type it: plain, +91 spaced, 0-prefixed, 91-prefixed."""
    digits = str(phone)
    r = rng.random()
    if r < 0.45:
        return digits
    if r < 0.65:
        return f"+91 {digits[:5]} {digits[5:]}"
    if r < 0.75:
        return f"0{digits[:5]}-{digits[5:]}"
    if r < 0.85:
        return f"91{digits}"
    if r < 0.95:
        return f"+91{digits}"
    return f"{digits[:5]} {digits[5:]}"


def date_text(day: date, lang: str) -> str:
    return day.strftime("%d-%m-%Y") if lang == "hi" else day.isoformat()


def category_text(code: str, lang: str, rng: random.Random) -> str:
    r = rng.random()
    if lang == "hi":
        return code if r < 0.1 else CATEGORY_HI[code]
    if lang == "bi":
        return CATEGORY_HI[code] if r < 0.5 else ENGLISH_LABEL[code]
    if r < 0.7:
        return code
    return ENGLISH_LABEL[code] if r < 0.85 else CATEGORY_HI[code]


def flag_text(flag: bool, lang: str) -> str:
    if lang == "hi":
        return "हाँ" if flag else "नहीं"
    return "yes" if flag else "no"


def headers(kind: str, lang: str) -> list[str]:
    columns = SHEETS[kind].columns
    if lang == "hi":
        return [c.hindi for c in columns]
    if lang == "bi":
        return [c.bilingual for c in columns]
    return [c.english for c in columns]


class SheetWriter:
    """Writes sheets as CSV (polars) or XLSX (xlsxwriter, fixed creation time) and counts them."""

    def __init__(self, out: Path, created: datetime) -> None:
        self.out = out
        self.created = created  # the workbooks' creation time: the build day, never the clock
        self.files = 0

    def write(self, relpath: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        path = self.out / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".csv":
            columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
            frame = pl.DataFrame(
                {h: list(col) for h, col in zip(headers, columns, strict=True)},
                schema={h: pl.String for h in headers},
            )
            frame.write_csv(path)
        else:
            workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            workbook.set_properties({"created": self.created})
            sheet = workbook.add_worksheet("Sheet1")
            sheet.write_row(0, 0, headers)
            for i, row in enumerate(rows, start=1):
                sheet.write_row(i, 0, row)
            workbook.close()
        self.files += 1
