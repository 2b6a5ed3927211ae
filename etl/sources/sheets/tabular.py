"""Reading a CSV or XLSX sheet into string columns keyed by what each column means."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.sources.sheets.columns import SHEETS, Column, Sheet, header_key
from sampark.safety.sheet_limits import SheetLimits, SheetTooLarge, csv_layout, csv_size_problem
from sampark.safety.workbook_limits import workbook_problem

SHEET_SUFFIXES = (".csv", ".xlsx")
# Sizes past which a file is refused before it is read (columns, rows, cells, unpacked bytes).
LIMITS = SheetLimits()


class BadFile(Exception):
    """A file that cannot be loaded at all; the message is the reason shown to the office.

    The message names sizes, columns and limits, never a cell's value: row 1 may be a data row
    (an alerts sheet saved without its header), and a reader's own error may quote a cell."""

    def __init__(self, reason: str, rows: int = 0) -> None:
        super().__init__(reason)
        self.rows = rows
        """Data rows the file holds, counted as rejected; 0 when it was refused unread."""


@dataclass(frozen=True)
class Table:
    """A sheet's data rows as strings, columns renamed to sheet keys, plus a `line` column."""

    kind: str
    frame: pl.DataFrame
    rows_read: int


def _utf8(raw: bytes) -> bytes:
    """The CSV's bytes as UTF-8: Excel's "Unicode text" and some phones save UTF-16 with its
    byte-order mark."""
    try:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raw = raw.decode("utf-16").encode("utf-8")
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadFile(f"not UTF-8 text (byte {exc.start}); save the sheet as 'CSV UTF-8'") from exc
    return raw


def _csv_frame(path: Path) -> pl.DataFrame:
    """Every cell of a CSV as a string, read only once its first row and its lines are known
    to fit: polars makes a column of every field of row 1 and a row of every line.

    polars is given row 1 as parsed here, written back plainly, so it makes exactly these
    columns, and a later line with more fields is an error, not more columns."""
    too_big = csv_size_problem(path.stat().st_size, LIMITS)
    if too_big is not None:
        raise BadFile(too_big)
    raw = _utf8(path.read_bytes())
    try:
        header, body = csv_layout(raw, LIMITS)
    except SheetTooLarge as refused:
        raise BadFile(str(refused)) from None
    row_1 = ",".join('"' + cell.replace('"', '""') + '"' for cell in header).encode()
    try:
        return pl.read_csv(
            row_1 + b"\n" + raw[body:], infer_schema=False, truncate_ragged_lines=False
        )
    except pl.exceptions.PolarsError as exc:
        # polars quotes the offending cell in its messages: name the kind of fault only.
        if "more fields" in str(exc):
            raise BadFile(
                f"cannot be read as CSV: a row has more cells than row 1 ({len(header)})"
            ) from None
        raise BadFile("cannot be read as CSV: a cell breaks the CSV quoting rules") from None


def _xlsx_frame(path: Path) -> pl.DataFrame:
    """Every cell of the first worksheet as a string, read only once the workbook's parts and
    the reach of its cells are known to fit (see `sampark.safety.workbook_limits`)."""
    with path.open("rb") as handle:
        problem = workbook_problem(handle, LIMITS)
    if problem is not None:
        raise BadFile(problem)
    try:
        return pl.read_excel(path, sheet_id=1, infer_schema_length=0)
    except Exception as exc:  # the reader raises many types, some quoting a cell
        raise BadFile(
            f"cannot be read as XLSX ({type(exc).__name__}); save it again from Excel"
        ) from None


def read_cells(path: Path) -> pl.DataFrame:
    """Every cell as a string, header row as column names; fully blank rows dropped."""
    frame = _csv_frame(path) if path.suffix.lower() == ".csv" else _xlsx_frame(path)
    if frame.width > LIMITS.max_columns:
        raise BadFile(f"{frame.width} columns; a sheet has at most {LIMITS.max_columns}")
    frame = frame.select(pl.all().cast(pl.String))
    # PostgreSQL refuses NUL in text, and the error would stop the run and quote the row.
    if (
        frame.width
        and frame.select(
            pl.any_horizontal(pl.all().str.contains("\x00", literal=True)).any()
        ).item()
    ):
        raise BadFile(
            "a cell holds a NUL character (byte 0), which no sheet holds; "
            "save the sheet again as 'CSV UTF-8' or from Excel"
        )
    frame = frame.with_row_index("line", offset=2).with_columns(pl.col("line").cast(pl.Int64))
    if frame.width == 1:
        return frame
    # Cells by position: a header is whatever the office typed, and polars reads a name such
    # as "*" or "^A.*$" in pl.col as every column or a pattern.
    blank = pl.all_horizontal(
        pl.nth(i).is_null() | (pl.nth(i).str.strip_chars() == "") for i in range(1, frame.width)
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


# Column names quoted in a refusal: enough to recognise the file, not a copy of it.
_SHOWN_HEADERS = 30
# Every name Sampark knows a column by, in any sheet: the only cells of row 1 a reason quotes.
_COLUMN_NAMES = frozenset(n for sheet in SHEETS.values() for c in sheet.columns for n in c.names())
# Kinds whose row 1, when it is no header, is most likely a data row of restricted values.
_UNQUOTED_KINDS = frozenset({"alerts"})


def _is_column_name(cell: str) -> bool:
    """Whether `cell` is wholly a column name we know, or a bilingual pair of them: never a
    cell that merely contains one ("Name / Asha" is not)."""
    if header_key(cell) in _COLUMN_NAMES:
        return True
    parts = [p for p in cell.replace("(", "/").replace(")", "/").split("/") if p.strip()]
    return len(parts) > 1 and all(header_key(p) in _COLUMN_NAMES for p in parts)


def _cells(n: int) -> str:
    return f"{n} cell" if n == 1 else f"{n} cells"


def _row_1(headers: list[str], kind: str) -> str:
    """What row 1 holds, told without its values: an alerts sheet's row 1 only counted, any
    other only by the cells that are column names we know."""
    if kind in _UNQUOTED_KINDS:
        return f"{_cells(len(headers))}, not shown"
    named = [h for h in headers if _is_column_name(h)]
    others = len(headers) - len(named)
    if not named:
        return f"{_cells(others)}, none a column name, not shown"
    shown = ", ".join(named[:_SHOWN_HEADERS])
    hidden = others + max(len(named) - _SHOWN_HEADERS, 0)
    if not hidden:
        return shown
    return f"{shown} and {hidden} other {'cell' if hidden == 1 else 'cells'}, not shown"


def _describe(columns: tuple[Column, ...]) -> str:
    return ", ".join(f"{c.english} ({c.hindi})" for c in columns)


def folder_kind(path: Path, inbox: Path | None = None) -> str | None:
    """The sheet kind its folder names (the innermost such folder), known without reading it."""
    folders = path.relative_to(inbox).parts[:-1] if inbox else path.parts[:-1]
    return next((f.lower() for f in reversed(folders) if f.lower() in SHEETS), None)


def sheet_kind(path: Path, headers: list[str], inbox: Path | None = None) -> str:
    """The sheet kind by folder name, else by which sheet's required columns the headers hold."""
    by_folder = folder_kind(path, inbox)
    if by_folder is not None:
        return by_folder
    matches = []
    for kind, sheet in SHEETS.items():
        mapped = set(column_map(headers, sheet).values())
        if all(c.key in mapped for c in sheet.required):
            matches.append((len(mapped), kind))
    if not matches:
        # Row 1 may be a data row of any kind, alerts included: it is counted, never quoted.
        expected = "; ".join(f"{k}: {_describe(s.required)}" for k, s in SHEETS.items())
        raise BadFile(
            f"no recognisable header in row 1 ({_cells(len(headers))}, not shown: row 1 may be "
            f"data); expected the columns of one of: {expected}"
        )
    return max(matches)[1]


def read_table(path: Path, inbox: Path | None = None) -> Table:
    """The sheet at `path` as a Table of its kind, or BadFile naming the missing columns."""
    cells = read_cells(path)
    headers = [c for c in cells.columns if c != "line"]
    try:
        kind = sheet_kind(path, headers, inbox)
    except BadFile as refused:
        raise BadFile(str(refused), rows=cells.height) from None
    sheet = SHEETS[kind]
    mapping = column_map(headers, sheet)
    missing = [c for c in sheet.required if c.key not in mapping.values()]
    if missing:
        raise BadFile(
            f"no recognisable header in row 1: a sheet of {kind} needs the columns "
            f"{_describe(tuple(missing))}; row 1 holds {_row_1(headers, kind)}",
            rows=cells.height,
        )
    frame = cells.select(
        "line",
        *(
            pl.nth(cells.columns.index(h)).str.strip_chars().replace("", None).alias(k)
            for h, k in mapping.items()
        ),
    )
    absent = [c.key for c in sheet.columns if c.key not in frame.columns]
    frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(k) for k in absent)
    return Table(kind=kind, frame=frame, rows_read=frame.height)
