"""The ETL's English reasons read in Hindi: literal sentences, and every reason shape the sheet
checks write (found in their source) has its Hindi sentence."""

from __future__ import annotations

import ast
from pathlib import Path

import polars as pl
import pytest

from sampark.i18n.reject_reasons import WORDS_HI, reason_hi, reason_in
from sampark.tables.logs import rejects_table

SOURCES = Path(__file__).resolve().parents[2] / "etl" / "sources"


@pytest.mark.parametrize(
    ("english", "hindi"),
    [
        ("unknown unit BR-PAT-T991", "अज्ञात इकाई BR-PAT-T991"),
        ("mobile '12345' is not a valid Indian number", "मोबाइल '12345' मान्य भारतीय नंबर नहीं है"),
        ("missing Mobile number", "मोबाइल नंबर नहीं दिया गया"),
        (
            "received at 'kal shaam' is not a time (use dd-mm-yyyy hh:mm)",
            "प्राप्ति समय 'kal shaam' समय नहीं है (dd-mm-yyyy hh:mm लिखें)",
        ),
        ("received at 01-01-2061 07:12 is in the future", "प्राप्ति समय 01-01-2061 07:12 भविष्य में है"),
        (
            "stage times out of order: closed at 01-01-2024 08:54 is before action at"
            " 01-01-2026 12:50",
            "चरणों के समय क्रम में नहीं: बंद होने का समय 01-01-2024 08:54 है, जो कार्रवाई का समय"
            " 01-01-2026 12:50 से पहले है",
        ),
        ("duplicate entry (same as line 58)", "दोहरी प्रविष्टि (पंक्ति 58 जैसी)"),
        (
            "duplicate Staff ID BRP-1 (first on line 4)",
            "दोहरी कर्मी आईडी BRP-1 (पहली बार पंक्ति 4 पर)",
        ),
        (
            "duplicate member of G-BR-1 (first on line 9)",
            "G-BR-1 का दोहरा सदस्य (पहली बार पंक्ति 9 पर)",
        ),
        (
            "Title is 301 characters long; a title takes at most 300",
            "शीर्षक 301 अक्षरों का है; शीर्षक में अधिकतम 300 अक्षर हो सकते हैं",
        ),
        ("file rejected: unknown group G-9", "फ़ाइल अस्वीकृत: अज्ञात समूह G-9"),
        ("still file rejected: missing Unit ID", "अब भी फ़ाइल अस्वीकृत: इकाई आईडी नहीं दिया गया"),
        # What a refused sheet's row 1 holds is worded too, its values never shown.
        (
            "no recognisable header in row 1 (2 cells, not shown: row 1 may be data); expected"
            " the columns of one of: units (Unit ID)",
            "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं (2 सेल, दिखाए नहीं गए: पंक्ति 1 डेटा हो सकती"
            " है); इनमें से किसी एक शीट के कॉलम चाहिए: units (Unit ID)",
        ),
        (
            "no recognisable header in row 1: a sheet of alerts needs the columns Outcome; row 1"
            " holds Unit ID, Name and 3 other cells, not shown",
            "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं: alerts की शीट में ये कॉलम चाहिए: Outcome;"
            " पंक्ति 1 में है: Unit ID, Name और 3 अन्य सेल, दिखाए नहीं गए",
        ),
        (
            "no recognisable header in row 1: a sheet of alerts needs the columns Outcome; row 1"
            " holds 1 cell, none a column name, not shown",
            "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं: alerts की शीट में ये कॉलम चाहिए: Outcome;"
            " पंक्ति 1 में है: 1 सेल, कॉलम का नाम नहीं, दिखाया नहीं गया",
        ),
        (
            "no recognisable header in row 1: a sheet of alerts needs the columns Outcome; row 1"
            " holds Unit ID, Name",
            "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं: alerts की शीट में ये कॉलम चाहिए: Outcome;"
            " पंक्ति 1 में है: Unit ID, Name",
        ),
        # A value that itself looks like a sentence stays a value.
        ("unknown unit missing Name", "अज्ञात इकाई missing Name"),
        # A shape nobody wrote stays English, never half-guessed.
        ("the moon is not a unit", "the moon is not a unit"),
        ("missing Favourite colour", "missing Favourite colour"),
    ],
)
def test_reason_in_hindi(english: str, hindi: str) -> None:
    assert reason_hi(english) == hindi


def test_english_reader_reads_the_reason_as_stored() -> None:
    assert reason_in("unknown unit X-1", "en") == "unknown unit X-1"
    assert reason_in("unknown unit X-1", "hi") == "अज्ञात इकाई X-1"


def test_rejects_table_words_each_reason_for_a_hindi_reader() -> None:
    rejects = pl.DataFrame(
        {
            "path": ["a.csv", "a.csv", "b.csv"],
            "source": ["rosters", "rosters", "staff"],
            "line": [2, 3, 4],
            "reason": ["unknown group G-1", "unknown group G-1", "missing Rank"],
            "raw": ["G-1 | x", "G-1 | y", None],
        }
    )
    hindi = rejects_table(rejects, "hi")
    assert hindi.to_dicts()[0][hindi.columns[3]] == "अज्ञात समूह G-1"
    assert hindi.get_column(hindi.columns[3]).to_list() == [
        "अज्ञात समूह G-1",
        "अज्ञात समूह G-1",
        "पद नहीं दिया गया",
    ]
    english = rejects_table(rejects, "en")
    assert english.get_column(english.columns[3]).to_list() == rejects["reason"].to_list()


def _written_shapes() -> list[str]:
    """The reasons the sheet checks write with `reason(...)`, `missing(column, label)` and stage
    labels, as English sentences with `x` for each value."""
    shapes: list[str] = []
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = node.args
            if node.func.id == "reason" and args:
                first = args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    shapes.append(first.value.replace("{}", "x"))
                elif isinstance(first, ast.BinOp) and isinstance(first.left, ast.Constant):
                    shapes.append(str(first.left.value).replace("{}", "x") + "a, b")
            elif node.func.id == "missing" and len(args) == 2:
                label = args[1]
                if isinstance(label, ast.Constant):
                    shapes.append(f"missing {label.value}")
    return shapes


def test_every_reason_the_sheet_checks_write_reads_in_hindi() -> None:
    shapes = _written_shapes()
    assert len(shapes) > 40  # the scan found the checks
    untranslated = [s for s in shapes if reason_hi(s) == s]
    assert untranslated == []


def test_every_stage_label_has_its_hindi_word() -> None:
    from etl.sources import alerts, directives, registers

    labels = [label for m in (alerts, directives, registers) for _, label in m.STAGES]
    assert [label for label in labels if label not in WORDS_HI] == []
