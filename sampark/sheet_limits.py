"""How large a sheet may be, checked before any reader builds it (pure: bytes in, a reason out).

The readers build a rectangle before they return a cell. Excel's reader (calamine, under
polars) allocates every cell from A1 to the farthest one it meets: a 1.6 KB workbook naming
cell XFD1048576 asks for 512 GiB, and the process aborts where no `except` can catch it. polars
makes one column per field of a CSV's first row, and one row per line: five megabytes of commas
are five million columns. So a workbook's parts are unpacked here as a stream, counted, and its
`<dimension ref=…>` and every cell's and row's reference read; a CSV's first row is parsed here
and its lines counted. What is too large is refused with a reason that gives sizes and limits,
never a cell's value.

>>> csv_problem(b"Unit ID,Kind\\nBR,state\\n", SheetLimits())
>>> csv_problem(b"," * 1000, SheetLimits())[:32]
'row 1 has more than 200 columns;'
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from sampark.archives import ZipLimits, zip_problem

_MIB = 1024 * 1024
# Unpacked a megabyte at a time: a deflate stream may expand a thousandfold, so no single step
# is allowed to produce more than this.
_CHUNK = _MIB
# A tag cut by a chunk's end is carried into the next chunk; no real tag is near this long.
_MAX_TAG = _MIB


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


class SheetTooLarge(ValueError):
    """A sheet past a limit; the message is the reason shown to the office (no cell values)."""


class _Refused(Exception):
    """A workbook refused while its parts are read; the message is the reason."""


def _workbook_limits(limits: SheetLimits) -> str:
    return (
        f"a sheet may have at most {limits.max_columns:,} columns, {limits.max_rows:,} rows "
        f"and {limits.max_cells:,} cells"
    )


def _csv_limits(limits: SheetLimits) -> str:
    return (
        f"a CSV sheet may have at most {limits.max_columns:,} columns and {limits.max_cells:,} "
        "cells (rows × columns): split it into smaller files"
    )


def _too_large(columns: int, rows: int, limits: SheetLimits) -> bool:
    return (
        columns > limits.max_columns or rows > limits.max_rows or columns * rows > limits.max_cells
    )


# --- workbooks ---------------------------------------------------------------------------

_A1 = re.compile(rb"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
# Any namespace prefix: calamine matches elements by their local name.
_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
# One attribute, whole: a name, '=', a quoted value (which may hold spaces, '>' or "r=").
_ATTRIBUTE = re.compile(rb"""\s+([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SKIPPED = rb"""(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*?"""
_TAG_END = re.compile(rb"\s*/?>")
_TAG_START = re.compile(rb"<(/?)" + _PREFIX + rb"(row|c|dimension)(?=[\s/>])")
# Every cell, row and dimension tag, and those carrying a reference as Excel writes it
# (double quotes): these are read at C speed. When the counts differ, some tag has another
# shape, and the part is read again tag by tag. Whole attributes are stepped over, so an "r="
# inside another attribute's value is never taken for the reference.
_CELL = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
_ROW = re.compile(rb"<" + _PREFIX + rb"row[\s/>]")
_DIMENSION = re.compile(rb"<" + _PREFIX + rb"dimension[\s/>]")
_CELL_REF = re.compile(
    rb"<" + _PREFIX + rb"c" + _SKIPPED + rb'\s+r\s*=\s*"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})"'
)
_ROW_REF = re.compile(rb"<" + _PREFIX + rb"row" + _SKIPPED + rb'\s+r\s*=\s*"([0-9]{1,7})"')
_DIMENSION_REF = re.compile(rb"<" + _PREFIX + rb"dimension" + _SKIPPED + rb'\s+ref\s*=\s*"([^"]*)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def _a1(ref: bytes) -> tuple[int, int]:
    """(column, row) of an A1 reference; refused when it is not one."""
    found = _A1.fullmatch(ref)
    if found is None:
        raise _Refused("a cell reference in the sheet is not in A1 form")
    return _column_number(found.group(1)), int(found.group(2))


def _declared(ref: bytes) -> tuple[int, int]:
    """The far corner of a `<dimension ref="A1:XFD1048576">` range."""
    corners = [_a1(end) for end in ref.split(b":")]
    if len(corners) > 2:
        raise _Refused("a cell reference in the sheet is not in A1 form")
    return max(c for c, _ in corners), max(r for _, r in corners)


def _raw_data_offset(handle: BinaryIO, info: zipfile.ZipInfo) -> int:
    handle.seek(info.header_offset)
    local = handle.read(30)
    if len(local) != 30 or local[:4] != b"PK\x03\x04":
        raise _Refused("not an Excel workbook (.xlsx), or a damaged one")
    name_length = int.from_bytes(local[26:28], "little")
    extra_length = int.from_bytes(local[28:30], "little")
    return int(info.header_offset) + 30 + name_length + extra_length


def _part_chunks(handle: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The unpacked bytes of one part, inflated here from its raw data rather than trusted to
    the directory: a part that unpacks past its declared size (with a CRC forged for the
    prefix a trusting reader would stop at) is refused, as is one past `cap`."""
    if info.flag_bits & 0x1:
        raise _Refused("the workbook is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _Refused("a part of the workbook is packed in a way Excel does not use")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type else None
    handle.seek(_raw_data_offset(handle, info))
    left, produced = info.compress_size, 0
    while left > 0 and not (inflater and inflater.eof):
        raw = handle.read(min(left, _CHUNK))
        if not raw:
            raise _Refused("not an Excel workbook (.xlsx), or a damaged one")
        left -= len(raw)
        pending = raw
        while pending:
            data = inflater.decompress(pending, _CHUNK) if inflater else pending
            pending = inflater.unconsumed_tail if inflater else b""
            produced += len(data)
            if produced > info.file_size:
                raise _Refused("a part of the workbook unpacks to more than it declares")
            if produced > cap:
                raise _Refused(f"a part of the workbook unpacks to more than {cap:,} bytes")
            if data:
                yield data
    if produced != info.file_size or (inflater and not inflater.eof):
        raise _Refused("not an Excel workbook (.xlsx), or a damaged one")


@dataclass
class _Reach:
    """How far a part's cells go, and the range it declares."""

    columns: int = 0
    rows: int = 0
    declared: tuple[int, int] | None = None
    exact: bool = True  # every cell and row carried a reference


def _fast_reach(text: bytes, reach: _Reach) -> None:
    """Cells and rows by their references, when every tag has one as Excel writes it."""
    cells, rows = _CELL_REF.findall(text), _ROW_REF.findall(text)
    declared = _DIMENSION_REF.findall(text)
    if (
        len(cells) != len(_CELL.findall(text))
        or len(rows) != len(_ROW.findall(text))
        or len(declared) != len(_DIMENSION.findall(text))
    ):
        reach.exact = False
        return
    for ref in declared:
        reach.declared = _farther(reach.declared, _declared(ref))
    if cells:
        reach.columns = max(reach.columns, *map(_column_number, {c for c, _ in cells}))
        reach.rows = max(reach.rows, *map(int, {r for _, r in cells}))
    if rows:
        reach.rows = max(reach.rows, *map(int, set(rows)))


def _farther(one: tuple[int, int] | None, other: tuple[int, int]) -> tuple[int, int]:
    return other if one is None else (max(one[0], other[0]), max(one[1], other[1]))


@dataclass
class _Position:
    """Where calamine puts the next cell: a cell without a reference goes right of the last,
    a row without one below the last."""

    row: int = 0
    column: int = 0


def _attributes(text: bytes, at: int) -> dict[bytes, bytes]:
    """The attributes of the tag whose name ends at `at` (the first of a name wins, as in the
    reader); refused when they do not end the tag as XML says they must."""
    found: dict[bytes, bytes] = {}
    while attribute := _ATTRIBUTE.match(text, at):
        name, double, single = attribute.groups()
        found.setdefault(name, double if double is not None else single)
        at = attribute.end()
    if not _TAG_END.match(text, at):
        raise _Refused("the sheet's XML is not well formed")
    return found


def _slow_reach(text: bytes, reach: _Reach, at: _Position) -> None:
    for tag in _TAG_START.finditer(text):
        closing, name = tag.groups()
        if closing:
            continue
        ref = _attributes(text, tag.end()).get(b"ref" if name == b"dimension" else b"r")
        if name == b"dimension":
            if ref is not None:
                reach.declared = _farther(reach.declared, _declared(ref))
        elif name == b"row":
            if ref is not None and not (ref.isdigit() and len(ref) <= 7):
                raise _Refused("a cell reference in the sheet is not in A1 form")
            at.row = int(ref) if ref is not None else at.row + 1
            at.column = 0
        else:
            if ref is not None:
                at.column, row = _a1(ref)
                at.row = max(at.row, row)
            else:
                at.column += 1
            reach.columns = max(reach.columns, at.column)
            reach.rows = max(reach.rows, at.row, 1)


def _tagged_pieces(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The stream cut only between tags, so no tag is split across two pieces."""
    carry = b""
    for chunk in chunks:
        text = carry + chunk
        cut = text.rfind(b"<")
        if cut == -1 or text.find(b">", cut) != -1:
            carry = b""
            yield text
            continue
        carry = text[cut:]
        if len(carry) > _MAX_TAG:
            raise _Refused("the sheet holds a tag longer than a megabyte")
        yield text[:cut]
    if carry:
        yield carry


def _part_reach(
    handle: BinaryIO, info: zipfile.ZipInfo, limits: SheetLimits, total: list[int]
) -> _Reach:
    reach = _Reach()
    for piece in _tagged_pieces(_part_chunks(handle, info, limits.max_part_bytes)):
        total[0] += len(piece)
        if total[0] > limits.max_workbook_bytes:
            raise _Refused(f"the workbook unpacks to more than {limits.max_workbook_bytes:,} bytes")
        if reach.exact:
            _fast_reach(piece, reach)
        _check_reach(reach, limits)
    if not reach.exact:  # some cell or row without a reference: read again, in order
        reach, at = _Reach(declared=reach.declared, exact=False), _Position()
        for piece in _tagged_pieces(_part_chunks(handle, info, limits.max_part_bytes)):
            _slow_reach(piece, reach, at)
            _check_reach(reach, limits)
    return reach


def _check_reach(reach: _Reach, limits: SheetLimits) -> None:
    if reach.declared and _too_large(*reach.declared, limits):
        columns, rows = reach.declared
        raise _Refused(
            f"the sheet declares {columns:,} columns and {rows:,} rows; " + _workbook_limits(limits)
        )
    if _too_large(reach.columns, reach.rows, limits):
        raise _Refused(
            f"the sheet's cells reach column {reach.columns:,} and row {reach.rows:,}; "
            + _workbook_limits(limits)
        )


def workbook_problem(handle: BinaryIO, limits: SheetLimits) -> str | None:
    """Why the .xlsx in `handle` (seekable) may not be read, or None when it may.

    Every XML part is unpacked as a stream and counted (the reader reads the shared strings
    and styles whole); the cells of every part are located, whichever sheet the reader takes.
    """
    try:
        with zipfile.ZipFile(handle) as archive:
            unsafe = zip_problem(archive, ZipLimits())
            if unsafe is not None:
                return f"not a safe workbook ({unsafe.code}: {unsafe.detail})"
            seen: set[str] = set()
            for info in archive.infolist():
                key = info.filename.lower()
                if key in seen:
                    return f"the workbook holds two parts named {info.filename}"
                seen.add(key)
            total = [0]
            for info in archive.infolist():
                if info.filename.lower().endswith((".xml", ".rels")):
                    _part_reach(handle, info, limits, total)
    except _Refused as refused:
        return str(refused)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError):
        return "not an Excel workbook (.xlsx), or a damaged one"
    return None


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
                f"row 1 has more than {limits.max_columns:,} columns; " + _csv_limits(limits)
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
    return f"{size:,} bytes is more than {limits.max_csv_bytes:,}; " + _csv_limits(limits)


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
            + _csv_limits(limits)
        )
    return header, body


def csv_problem(data: bytes, limits: SheetLimits) -> str | None:
    """Why the UTF-8 CSV `data` may not be read, or None when it may."""
    try:
        csv_layout(data, limits)
    except SheetTooLarge as refused:
        return str(refused)
    return None
