"""The directive register sheet: English and Hindi headers, checks and rejects."""

from datetime import datetime

import polars as pl

from etl.sources.checks import Known
from etl.sources.directives import SHEET, check
from etl.sources.sheets.tabular import column_map

NOW = datetime(2026, 3, 10, 12, 0)
KNOWN = Known(unit_ids=frozenset({"D-PATNA"}), now=NOW)
ORDER = "All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight."


def sheet(rows: list[dict[str, str | None]]) -> pl.DataFrame:
    keys = [c.key for c in SHEET.columns]
    return pl.DataFrame(
        {"line": list(range(2, len(rows) + 2)), **{k: [r.get(k) for r in rows] for k in keys}},
        schema={"line": pl.Int64, **dict.fromkeys(keys, pl.String)},
    )


def test_english_and_hindi_headers_name_the_same_columns():
    english = ["Directive ID", "Issued at", "Issued by", "Title", "Text", "Unit ID"]
    hindi = ["पत्रांक", "जारी दिनांक", "जारीकर्ता", "विषय", "निर्देश", "इकाई आईडी"]
    want = ["directive_id", "issued_at", "issued_by", "title", "text", "unit_id"]
    assert list(column_map(english, SHEET).values()) == want
    assert list(column_map(hindi, SHEET).values()) == want
    bilingual = [c.bilingual for c in SHEET.columns]
    assert list(column_map(bilingual, SHEET).values()) == want


def test_good_rows_are_typed_and_a_blank_unit_means_the_whole_state():
    checked = check(
        sheet(
            [
                {
                    "directive_id": "PHQ/14",
                    "issued_at": "08-03-2026 10:15",
                    "issued_by": "ADG Crime",
                    "text": ORDER,
                },
                {
                    "directive_id": "SP/3",
                    "issued_at": "2026-03-09T09:00:00+05:30",
                    "issued_by": "SP Patna",
                    "title": "पंडाल गश्त",
                    "text": "सभी थानाध्यक्ष पंडालों के पास शाम छह बजे से पैदल गश्त सुनिश्चित करें।",
                    "unit_id": "D-PATNA",
                },
            ]
        ),
        KNOWN,
    )
    assert checked.rejects.height == 0
    assert checked.rows.select("directive_id", "issued_at", "title", "unit_id").rows() == [
        ("PHQ/14", datetime(2026, 3, 8, 10, 15), None, None),
        ("SP/3", datetime(2026, 3, 9, 9, 0), "पंडाल गश्त", "D-PATNA"),
    ]


def test_bad_rows_are_rejected_with_line_and_reason_and_never_their_text():
    good = {"directive_id": "A", "issued_at": "08-03-2026 10:15", "issued_by": "PHQ"}
    rows = [
        {**good, "text": ORDER},
        {**good, "directive_id": "B", "issued_at": "tomorrow", "text": ORDER},
        {**good, "directive_id": "C", "issued_at": "11-03-2026 10:00", "text": ORDER},
        {**good, "directive_id": "D", "text": "*Urgent* 🚨 sabhi dhyan de"},
        {**good, "directive_id": "E", "text": ORDER, "unit_id": "D-GAYA"},
        {**good, "directive_id": "a", "text": ORDER},
        {**good, "directive_id": "F", "issued_by": None, "text": ORDER},
        {**good, "directive_id": None, "text": ORDER},
        {**good, "directive_id": "G", "text": None},
    ]
    checked = check(sheet(rows), KNOWN)
    assert checked.rows["directive_id"].to_list() == ["A"]
    assert checked.rejects.select("line", "reason").rows() == [
        (3, "issued at 'tomorrow' is not a time (use dd-mm-yyyy hh:mm)"),
        (4, "issued at 11-03-2026 10:00 is in the future"),
        (5, "text too short to find in the chats: 12 letters and digits, under 25"),
        (6, "unknown unit D-GAYA"),
        (7, "duplicate directive ID (same as line 2)"),
        (8, "missing Issued by"),
        (9, "missing Directive ID"),
        (10, "missing Text"),
    ]
    assert not any("patrolling" in raw for raw in checked.rejects["raw"])
    assert checked.rows.height + checked.rejects.height == len(rows)
