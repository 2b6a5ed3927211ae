"""Cell parsers shared by the sheet sources, as polars expressions (no per-row Python)."""

from __future__ import annotations

import polars as pl

from etl.sources.sheets.columns import CATEGORY_LABELS

_EXCEL_EPOCH = pl.date(1899, 12, 30)

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y", "%d/%m/%y")

YES = ("yes", "y", "true", "1", "हाँ", "हां", "हा", "admin", "एडमिन")
NO = ("no", "n", "false", "0", "नहीं", "नही", "")


def parsed_date(column: str) -> pl.Expr:
    """A date from ISO, dd-mm-yyyy, dd/mm/yyyy, an Excel serial, or an ISO datetime; else null."""
    text = pl.col(column).str.strip_chars()
    day_part = text.str.slice(0, 10)
    candidates = [day_part.str.to_date(fmt, strict=False) for fmt in _DATE_FORMATS[:1]]
    candidates += [text.str.to_date(fmt, strict=False) for fmt in _DATE_FORMATS[1:]]
    serial = text.str.extract(r"^(\d{5})(?:\.0+)?$", 1).cast(pl.Int64, strict=False)
    candidates.append(
        pl.when(serial.is_between(20000, 80000))
        .then(_EXCEL_EPOCH + pl.duration(days=serial))
        .otherwise(None)
    )
    return pl.coalesce(candidates)


def parsed_flag(column: str) -> pl.Expr:
    """True/False from yes/no in English or Hindi; null when the cell says something else."""
    text = pl.col(column).fill_null("").str.strip_chars().str.to_lowercase()
    return pl.when(text.is_in(YES)).then(True).when(text.is_in(NO)).then(False).otherwise(None)


def coded(column: str, labels: dict[str, str]) -> pl.Expr:
    """The stored code for a label written in English or Hindi, any case or spacing; else null."""
    key = (
        pl.col(column).str.normalize("NFC").str.to_lowercase().str.replace_all(r"[\s_\-.:()]+", "")
    )
    return key.replace_strict(labels, default=None, return_dtype=pl.String)


def category_code(column: str) -> pl.Expr:
    """The stored person category for a label in English or Hindi; null when unknown."""
    return coded(column, CATEGORY_LABELS)


def duplicate_of(keys: list[str]) -> pl.Expr:
    """The line of the first row with the same keys, on every later row; null elsewhere."""
    first = pl.col("line").min().over(keys)
    return pl.when(pl.col("line") != first).then(first).otherwise(None)
