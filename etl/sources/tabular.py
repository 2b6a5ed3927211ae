"""Reading a CSV or XLSX sheet into string columns keyed by what each column means."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.sources.sheets import SHEETS, Column, Sheet, header_key

SHEET_SUFFIXES = (".csv", ".xlsx")
# No input sheet has more than about twenty columns; past this a file is not a sheet of ours,
# and matching every header against every column would take minutes.
MAX_COLUMNS = 300
# Headers named in a refusal: enough to recognise the file, not a copy of it.
_SHOWN_HEADERS = 30


class BadFile(Exception):
    """A file that cannot be loaded at all; the message is the reason shown to the office."""


@dataclass(frozen=True)
class Table:
    """A sheet's data rows as strings, columns renamed to sheet keys, plus a `line` column."""

    kind: str
    frame: pl.DataFrame
    rows_read: int


def read_cells(path: Path) -> pl.DataFrame:
    """Every cell as a string, header row as column names; fully blank rows dropped."""
    try:
        if path.suffix.lower() == ".csv":
            raw = path.read_bytes()
            try:
                if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    # Excel's "Unicode text" and some phones save UTF-16 with its mark.
                    raw = raw.decode("utf-16").encode("utf-8")
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BadFile(
                    f"not UTF-8 text (byte {exc.start}); save the sheet as 'CSV UTF-8'"
                ) from exc
            frame = pl.read_csv(raw, infer_schema=False, truncate_ragged_lines=False)
        else:
            frame = pl.read_excel(path, sheet_id=1, infer_schema_length=0)
    except BadFile:
        raise
    except Exception as exc:  # the readers raise many types; all mean the same to an office
        raise BadFile(f"cannot be read as {path.suffix.lstrip('.').upper()}: {exc}") from exc
    if frame.width > MAX_COLUMNS:
        raise BadFile(f"{frame.width} columns; a sheet has at most {MAX_COLUMNS}")
    frame = frame.select(pl.all().cast(pl.String))
    frame = frame.with_row_index("line", offset=2).with_columns(pl.col("line").cast(pl.Int64))
    cells = [c for c in frame.columns if c != "line"]
    if not cells:
        return frame
    blank = pl.all_horizontal(
        pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in cells
    )
    return frame.filter(~blank)


def _header_variants(header: str) -> set[str]:
    """A header and, for a bilingual "English / हिन्दी" header, each half."""
    parts = {header, *header.replace("(", "/").replace(")", "/").split("/")}
    return {header_key(p) for p in parts if p.strip()}


def column_map(headers: list[str], sheet: Sheet) -> dict[str, str]:
    """{file header: column key} for the headers that name a column of `sheet`."""
    found: dict[str, str] = {}
    for column in sheet.columns:
        names = column.names()
        for header in headers:
            if header not in found and _header_variants(header) & names:
                found[header] = column.key
                break
    return found


def _listed(headers: list[str]) -> str:
    shown = ", ".join(headers[:_SHOWN_HEADERS])
    return shown if len(headers) <= _SHOWN_HEADERS else f"{shown}, … ({len(headers)} in all)"


def _describe(columns: tuple[Column, ...]) -> str:
    return ", ".join(f"{c.english} ({c.hindi})" for c in columns)


def sheet_kind(path: Path, headers: list[str], inbox: Path | None = None) -> str:
    """The sheet kind by folder name, else by which sheet's required columns the headers hold."""
    folders = path.relative_to(inbox).parts[:-1] if inbox else path.parts[:-1]
    for folder in reversed(folders):
        if folder.lower() in SHEETS:
            return folder.lower()
    matches = []
    for kind, sheet in SHEETS.items():
        mapped = set(column_map(headers, sheet).values())
        if all(c.key in mapped for c in sheet.required):
            matches.append((len(mapped), kind))
    if not matches:
        expected = "; ".join(f"{k}: {_describe(s.required)}" for k, s in SHEETS.items())
        raise BadFile(f"no recognisable header (found: {_listed(headers)}); expected {expected}")
    return max(matches)[1]


def read_table(path: Path, inbox: Path | None = None) -> Table:
    """The sheet at `path` as a Table of its kind, or BadFile naming the missing columns."""
    cells = read_cells(path)
    headers = [c for c in cells.columns if c != "line"]
    kind = sheet_kind(path, headers, inbox)
    sheet = SHEETS[kind]
    mapping = column_map(headers, sheet)
    missing = [c for c in sheet.required if c.key not in mapping.values()]
    if missing:
        raise BadFile(
            f"a {kind} sheet needs the columns {_describe(tuple(missing))}; "
            f"found: {_listed(headers)}"
        )
    frame = cells.select(
        "line",
        *(pl.col(h).str.strip_chars().replace("", None).alias(k) for h, k in mapping.items()),
    )
    absent = [c.key for c in sheet.columns if c.key not in frame.columns]
    frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(k) for k in absent)
    return Table(kind=kind, frame=frame, rows_read=frame.height)
