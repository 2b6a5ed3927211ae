"""How large a sheet may be, and the check of a CSV before any reader builds it (pure: bytes
in, a reason out). A workbook's check is `sampark.safety.workbook_limits`.

The readers build a rectangle before they return a cell: polars makes one column per field of
a CSV's first row and one row per line, so five megabytes of commas are five million columns
(2.8 GB). Row 1 is parsed here and the lines counted first; what is too large is refused with a
reason that gives sizes and limits, never a cell's value.

>>> csv_problem(b"Unit ID,Kind\\nBR,state\\n", SheetLimits())
>>> csv_problem(b"," * 1000, SheetLimits())[:32]
'row 1 has more than 200 columns;'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MIB = 1024 * 1024


@dataclass(frozen=True)
class SheetLimits:
    """What a sheet may hold. An office's sheet has about twenty columns; Excel itself stops
    at 1,048,576 rows; ten million cells is half a million rows of twenty columns, a few hundred
    MB once read."""

    max_columns: int = 200
    max_rows: int = 1_048_576
    max_cells: int = 10_000_000
    max_part_bytes: int = 128 * _MIB  # one part of a workbook unpacked (a sheet's XML)
    max_workbook_bytes: int = 256 * _MIB  # all of a workbook's XML parts unpacked
    max_csv_bytes: int = 256 * _MIB
    max_header_bytes: int = 64 * 1024  # row 1 of a CSV: two hundred long bilingual headers fit

    def too_large(self, columns: int, rows: int) -> bool:
        """Whether a rectangle of `columns` × `rows` cells is past these limits."""
        return columns > self.max_columns or rows > self.max_rows or columns * rows > self.max_cells

    @property
    def sheet_text(self) -> str:
        return (
            f"a sheet may have at most {self.max_columns:,} columns, {self.max_rows:,} rows "
            f"and {self.max_cells:,} cells"
        )

    @property
    def csv_text(self) -> str:
        return (
            f"a CSV sheet may have at most {self.max_columns:,} columns and "
            f"{self.max_cells:,} cells (rows × columns): split it into smaller files"
        )


class SheetTooLarge(ValueError):
    """A sheet past a limit; the message is the reason shown to the office (no cell values)."""


# --- CSV ---------------------------------------------------------------------------------

_BOM = b"\xef\xbb\xbf"
# A field: quoted (quotes doubled inside, anything after the closing quote kept as written, as
# the csv module does) or plain up to the next separator or line end.
_FIELD = re.compile(rb'"([^"]*(?:""[^"]*)*)"([^,\r\n]*)|([^,\r\n]*)')


def first_csv_record(data: bytes, limits: SheetLimits) -> tuple[list[str], int]:
    """The cells of the first record of the UTF-8 CSV `data` (a quoted cell may hold commas and
    line breaks) and the offset where the next record starts. Raises SheetTooLarge past
    `max_columns` cells, or when row 1 runs past `max_header_bytes`."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    head = data[: start + limits.max_header_bytes]
    fields: list[str] = []
    at = start
    while True:
        found = _FIELD.match(head, at)
        assert found is not None  # the plain branch matches the empty string
        quoted, after, plain = found.groups()
        cell = quoted.replace(b'""', b'"') + after if quoted is not None else plain
        fields.append(cell.decode("utf-8", errors="replace"))
        if len(fields) > limits.max_columns:
            raise SheetTooLarge(
                f"row 1 has more than {limits.max_columns:,} columns; " + limits.csv_text
            )
        at = found.end()
        if at < len(head) and head[at : at + 1] == b",":
            at += 1
            continue
        if at < len(head):  # a line end
            return fields, at + (2 if head[at : at + 2] == b"\r\n" else 1)
        if len(head) == len(data):
            return fields, at
        raise SheetTooLarge(
            f"row 1 is longer than {limits.max_header_bytes:,} bytes; a header row is short"
        )


def _csv_rows(data: bytes, body: int) -> int:
    """Lines from offset `body` on: what the reader makes rows of, blank ones included."""
    lines = data.count(b"\n", body)
    return lines + (1 if len(data) > body and not data.endswith(b"\n") else 0)


def csv_size_problem(size: int, limits: SheetLimits) -> str | None:
    """Why a CSV of `size` bytes is not read at all, or None."""
    if size <= limits.max_csv_bytes:
        return None
    return f"{size:,} bytes is more than {limits.max_csv_bytes:,}; " + limits.csv_text


def csv_layout(data: bytes, limits: SheetLimits) -> tuple[list[str], int]:
    """Row 1 of the UTF-8 CSV `data` and the offset of row 2, once its size, row 1 and its
    rows × columns are known to fit; SheetTooLarge with the reason otherwise."""
    problem = csv_size_problem(len(data), limits)
    if problem is not None:
        raise SheetTooLarge(problem)
    header, body = first_csv_record(data, limits)
    rows = _csv_rows(data, body)
    if rows * len(header) > limits.max_cells:
        raise SheetTooLarge(
            f"{rows:,} rows × {len(header):,} columns is more than {limits.max_cells:,} cells; "
            + limits.csv_text
        )
    return header, body


def csv_problem(data: bytes, limits: SheetLimits) -> str | None:
    """Why the UTF-8 CSV `data` may not be read, or None when it may."""
    try:
        csv_layout(data, limits)
    except SheetTooLarge as refused:
        return str(refused)
    return None
