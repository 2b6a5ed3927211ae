"""Blank input sheets with bilingual headers and an example row, for offices to fill."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

from etl.sources.examples import EXAMPLE_REASON
from etl.sources.sheets.columns import CATEGORY_HI, EXAMPLE_PREFIX, SHEETS, Sheet
from sampark.i18n.vocab import (
    ALERT_OUTCOMES,
    ALERT_PLATFORMS,
    REGISTER_CATEGORIES,
    REGISTER_STATUSES,
    STORY_CATEGORIES,
)
from sampark.schema import GROUP_KINDS, UNIT_KINDS

_TIMES = (
    "dd-mm-yyyy hh:mm in IST (ISO and Excel date-times also read); each stage after the one before"
)


def _allowed(vocab: dict[str, tuple[str, str]]) -> str:
    return ", ".join(f"{code} ({hi})" for code, (_, hi) in vocab.items())


_HELP: dict[str, list[tuple[str, str]]] = {
    "units": [("Kind / प्रकार", ", ".join(UNIT_KINDS))],
    "groups": [("Group kind / समूह प्रकार", ", ".join(GROUP_KINDS))],
    "rosters": [
        ("Category / श्रेणी", ", ".join(f"{k} ({v})" for k, v in CATEGORY_HI.items())),
        ("Admin / एडमिन", "yes / no (हाँ / नहीं)"),
        ("List date / सूची तिथि", "dd-mm-yyyy; the whole list as on that day"),
    ],
    "staff": [
        ("Rank / पद", "DGP, ADG, IG, DIG, SP, DSP, Inspector, SI, ASI, Head Constable, Constable")
    ],
    "blocklist": [("Reason / कारण", "history-sheeter, tout, … (why the person must be kept out)")],
    "registers": [
        ("Category / श्रेणी", _allowed(REGISTER_CATEGORIES)),
        ("Status / स्थिति", _allowed(REGISTER_STATUSES) + "; blank: from the times given"),
        ("Reporter category / सूचक श्रेणी", ", ".join(CATEGORY_HI)),
        ("Received at … Closed at", _TIMES),
    ],
    "alerts": [
        ("Platform / प्लेटफ़ॉर्म", _allowed(ALERT_PLATFORMS)),
        ("Outcome / परिणाम", _allowed(ALERT_OUTCOMES) + "; blank while the alert is open"),
        ("Received at … Contacted at", _TIMES),
        ("Name, mobile, IP, post", "restricted: stored for the alert-handling roles only"),
    ],
    "stories": [
        ("Category / श्रेणी", _allowed(STORY_CATEGORIES)),
        ("Title, Story", "English and/or Hindi; at least one title and one story text"),
        ("Media files / मीडिया फ़ाइलें", "photo file names separated by ;"),
    ],
    "directives": [
        ("Issued at / जारी समय", "dd-mm-yyyy hh:mm, IST"),
        ("Text / निर्देश का पाठ", "the directive as sent down; at least 25 letters and digits"),
        ("Unit ID / इकाई आईडी", "the unit it is meant for, itself and below; blank: the state"),
    ],
}


# Row 2 only shows each column's form: its ids and phones can never be real ones.
_EXAMPLE_HELP = (
    "Example row / उदाहरण पंक्ति",
    f"Row 2 shows the form of each column: write over it or delete it. Loaded as written it is "
    f"rejected ('{EXAMPLE_REASON}'); ids starting {EXAMPLE_PREFIX} are never loaded. / पंक्ति 2 "
    f"केवल उदाहरण है: इसे बदलें या हटाएँ। {EXAMPLE_PREFIX} से शुरू होने वाली आईडी कभी लोड नहीं होतीं।",
)


def write_template(sheet: Sheet, path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": f"Sampark {sheet.kind}", "created": datetime(2026, 1, 1)})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@"})  # phones and ids stay text, not numbers
    data = book.add_worksheet(sheet.kind)
    for col, column in enumerate(sheet.columns):
        label = column.bilingual + ("" if column.required else " (optional / वैकल्पिक)")
        data.write_string(0, col, label, head)
        data.write_string(1, col, column.example, text)
        data.set_column(col, col, max(18, len(label) + 2), text)
    data.freeze_panes(1, 0)
    notes = book.add_worksheet("help")
    notes.write_string(0, 0, "Column / कॉलम", head)
    notes.write_string(0, 1, "Allowed values / मान्य मान", head)
    for row, (name, allowed) in enumerate([_EXAMPLE_HELP, *_HELP.get(sheet.kind, [])], start=1):
        notes.write_string(row, 0, name)
        notes.write_string(row, 1, allowed)
    notes.set_column(0, 0, 28)
    notes.set_column(1, 1, 100)
    book.close()


def write_templates(out: Path) -> list[Path]:
    """One XLSX per sheet kind in `out`; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, sheet in SHEETS.items():
        path = out / f"{kind}.xlsx"
        write_template(sheet, path)
        written.append(path)
    return written
