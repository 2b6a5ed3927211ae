"""Spreadsheet-safe exports (pure): no cell a spreadsheet could run as a formula.

A unit, group or story title typed by anyone reaches the CSV and Excel downloads. A spreadsheet
opening "=HYPERLINK(…)" or "+cmd|' /C calc'!A0" runs it, so every text cell (and column name)
whose first non-blank character starts a formula gets a leading apostrophe, as OWASP advises
for CSV injection. Spreadsheets show the apostrophe-prefixed text as plain text.

>>> neutral_text("=1+2"), neutral_text("  @SUM(1)"), neutral_text("Kotwali"), neutral_text("-5")
("'=1+2", "'  @SUM(1)", 'Kotwali', '-5')
"""

from __future__ import annotations

import io
import re

import polars as pl
import xlsxwriter

# = + - @ start formulas in Excel, LibreOffice and Google Sheets; TAB and CR can hide one from
# a reader's eye and some importers strip them. Excel on East Asian locales also reads the
# full-width forms as the ASCII ones.
FORMULA_STARTS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
_LIVE = f"^[ \\u00a0\\u3000\\n]*[{re.escape(FORMULA_STARTS)}]"
# A plain signed number ("-5", "+919876543210") evaluates to itself: no formula runs, and
# phone numbers stay readable. Anything else after a sign ("-2+3", "+cmd|…") is quoted.
_NUMBER = r"^[+-]?[0-9]+(\.[0-9]+)?$"


def is_live_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula."""
    return re.match(_LIVE, text) is not None and re.match(_NUMBER, text) is None


def neutral_text(text: str) -> str:
    """`text` with a leading apostrophe when a spreadsheet could read it as a formula."""
    return "'" + text if is_live_formula(text) else text


def _neutral_column(name: str) -> pl.Expr:
    column = pl.col(name)
    live = column.str.contains(_LIVE) & ~column.str.contains(_NUMBER)
    return pl.when(live).then(pl.lit("'") + column).otherwise(column).alias(name)


def neutralised(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every live formula in a text column and in the column names quoted.

    Numbers, dates and booleans are left as they are: a typed value is never a formula.

    >>> neutralised(pl.DataFrame({"=x": ["=1", "a"], "n": [-1, 2]})).rows(named=True)
    [{"'=x": "'=1", 'n': -1}, {"'=x": 'a', 'n': 2}]
    """
    # Categories are written as their text, so they are checked as text.
    coded = [n for n, d in frame.schema.items() if isinstance(d, pl.Categorical | pl.Enum)]
    safe = frame.with_columns(pl.col(coded).cast(pl.String))
    texts = [name for name, dtype in safe.schema.items() if dtype == pl.String]
    safe = safe.with_columns(_neutral_column(name) for name in texts)
    return safe.rename({name: neutral_text(name) for name in safe.columns})


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with a BOM (so Excel reads Hindi right), formulas neutralised."""
    return neutralised(frame).write_csv().encode("utf-8-sig")


def csv_text(frame: pl.DataFrame) -> str:
    """The frame as CSV text, formulas neutralised (for printing)."""
    return neutralised(frame).write_csv()


def excel_bytes(frame: pl.DataFrame, sheet: str) -> bytes:
    """The frame as one XLSX sheet: formulas neutralised, and no text written as a formula or
    turned into a live hyperlink (xlsxwriter does both by default)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "nan_inf_to_errors": True,
            "default_date_format": "yyyy-mm-dd",
        },
    )
    with book:
        neutralised(frame).write_excel(book, worksheet=sheet[:31] or "Sheet1", autofit=True)
    return buffer.getvalue()
