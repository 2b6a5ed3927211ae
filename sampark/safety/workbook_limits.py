"""The check of an .xlsx before any reader builds it (pure: a file in, a reason out).

Excel's reader (calamine, under polars) allocates every cell from A1 to the farthest one it
meets before it returns any: a 1.6 KB workbook naming cell XFD1048576 asks for 512 GiB, and the
process aborts where no `except` can catch it. So every XML part is inflated here as a stream
(from its raw bytes, so a part cannot claim to be smaller than it is) and counted, and in each
sheet the `<dimension ref=…>` and the references of its cells and rows are read. A sheet past
`SheetLimits` is refused with a reason that gives sizes and limits, never a cell's value.

Excel, LibreOffice, openpyxl and xlsxwriter write every cell as `<c r="B2" …>` and every row as
`<row r="2" …>`, the reference first: such tags are counted and bounded by regular expressions
at C speed, and their references read one by one only when a sheet comes near a limit. A sheet
with any other tag (a namespace prefix, no reference, another attribute first) is read tag by
tag, as calamine places cells: a cell without a reference right of the last, a row without one
below the last.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

import polars as pl

from sampark.safety.archives import ZipLimits, zip_problem
from sampark.safety.sheet_limits import SheetLimits

# Inflated a megabyte at a time: deflate may expand a thousandfold, so no single step may
# produce more than this.
_CHUNK = 1024 * 1024
# A tag cut by a chunk's end is carried into the next piece; no real tag is near this long.
_MAX_TAG = 1024 * 1024
_DAMAGED = "not an Excel workbook (.xlsx), or a damaged one"
_NOT_A1 = "a cell reference in the sheet is not in A1 form"


class _Refused(Exception):
    """A workbook refused while its parts are read; the message is the reason."""


# --- references --------------------------------------------------------------------------

_A1 = re.compile(rb"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _a1(ref: bytes) -> tuple[int, int]:
    """(column, row) of an A1 reference; refused when it is not one."""
    found = _A1.fullmatch(ref)
    if found is None:
        raise _Refused(_NOT_A1)
    return _column_number(found.group(1)), int(found.group(2))


def _far_corner(ref: bytes) -> tuple[int, int]:
    """The far corner of a `<dimension ref="A1:XFD1048576">` range."""
    corners = [_a1(end) for end in ref.split(b":")]
    if len(corners) > 2:
        raise _Refused(_NOT_A1)
    return max(c for c, _ in corners), max(r for _, r in corners)


def _number_above(n: int) -> str:
    """A pattern for a decimal number greater than `n` (leading zeros allowed).

    >>> [bool(re.fullmatch(_number_above(50_000), s)) for s in ("50001", "049999", "100000")]
    [True, False, True]
    """
    digits = str(n)
    above = [f"[1-9][0-9]{{{len(digits)},}}"]
    for i, d in enumerate(digits):
        if d != "9":
            above.append(f"{digits[:i]}[{int(d) + 1}-9][0-9]{{{len(digits) - i - 1}}}")
    return "0*(?:" + "|".join(above) + ")"


def _letters_above(n: int) -> str:
    """A pattern for column letters (one to three, capitals) past column `n`.

    >>> [bool(re.fullmatch(_letters_above(200), s)) for s in ("GR", "GS", "AAA", "Z")]
    [False, True, True, False]
    """
    letters = _column_letters(n)
    above = [f"[A-Z]{{{len(letters) + 1},3}}"] if len(letters) < 3 else []
    for i, ch in enumerate(letters):
        if ch != "Z":
            above.append(f"{letters[:i]}[{chr(ord(ch) + 1)}-Z][A-Z]{{{len(letters) - i - 1}}}")
    return "(?:" + "|".join(above or ["(?!)"]) + ")"


# --- inflating a part --------------------------------------------------------------------

# XML the reader would decode as UTF-16 (by its byte-order mark, its first bytes or its
# declaration), where none of the patterns here would find a tag.
_UTF16 = re.compile(
    rb"\xff\xfe|\xfe\xff|<\x00\?\x00|\x00<\x00\?|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']utf-?16",
    re.IGNORECASE,
)
_NOT_UTF8 = "a part of the workbook is XML in UTF-16, which Excel does not write"


def _raw_data_offset(handle: BinaryIO, info: zipfile.ZipInfo) -> int:
    handle.seek(info.header_offset)
    local = handle.read(30)
    if len(local) != 30 or local[:4] != b"PK\x03\x04":
        raise _Refused(_DAMAGED)
    name_length = int.from_bytes(local[26:28], "little")
    extra_length = int.from_bytes(local[28:30], "little")
    return int(info.header_offset) + 30 + name_length + extra_length


def _part_chunks(handle: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The unpacked bytes of one part, inflated here from its raw data rather than trusted to
    the directory: a part that unpacks past its declared size (with a CRC forged for the
    prefix a trusting reader stops at) is refused, as is one past `cap`."""
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
            raise _Refused(_DAMAGED)
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
            if data and produced == len(data) and _UTF16.match(data):
                raise _Refused(
                    "a part of the workbook is XML in UTF-16, which Excel does not write"
                )
            if data:
                yield data
    if produced != info.file_size or (inflater and not inflater.eof):
        raise _Refused(_DAMAGED)


def _tagged_pieces(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The stream cut only before a '<', so no tag is split across two pieces."""
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


# --- where the cells reach ---------------------------------------------------------------

_EXCEL_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_EXCEL_ROW = re.compile(rb'<row r="([0-9]{1,7})"')
_EXCEL_DIMENSION = re.compile(rb'<dimension ref="([^"]*)"')
# Any cell, row or dimension tag not written as Excel writes it (`<c r="B2"`, `<row r="2"`,
# `<dimension ref="`): spelt out step by step, since the Rust engine polars runs has no
# look-ahead, and searched by polars in one pass over a piece.
_NOT_AS_EXCEL = (
    r'<c(?:[\t\n\r/>]| (?:[^r]|r[^=]|r=[^"]|r="(?:[^A-Z]|[A-Z][^A-Z0-9]|[A-Z]{2}[^A-Z0-9]'
    r'|[A-Z]{3}[^0-9]|[A-Z]{1,3}[0-9]{1,7}[^0-9"]|[A-Z]{1,3}[0-9]{8})))'
    r'|<row(?:[\t\n\r/>]| (?:[^r]|r[^=]|r=[^"]|r="(?:[^0-9]|[0-9]{1,7}[^0-9"]|[0-9]{8})))'
    r'|<dimension(?:[\t\n\r/>]| (?:[^r]|r[^e]|re[^f]|ref[^=]|ref=[^"]))'
    r'|<[^ \t\n\r<>/:!"\'=]+:(?:c|row|dimension)[ \t\n\r/>]'
)


# Tags are ASCII: the rest of the text is searched as '?', which keeps the Rust engine on its
# fast path (Devanagari text content slowed it tenfold).
_ASCII = bytes(range(128)) + b"?" * 128


@lru_cache(maxsize=8)
def _outside(limits: SheetLimits) -> tuple[str, ...]:
    """For each of two rectangles that hold no more cells than the limits allow (`max_columns`
    wide, and one letter wide, as most sheets are, with as many rows as `max_cells` allows at
    that width), the pattern of a cell or row outside it."""
    found = []
    for width in sorted({limits.max_columns, min(26, limits.max_columns)}):
        rows = _number_above(min(limits.max_rows, limits.max_cells // width))
        found.append(f'<c r="(?:{_letters_above(width)}[0-9]|[A-Z]{{1,3}}{rows}")|<row r="{rows}"')
    return tuple(found)


@dataclass
class _Reach:
    """How far a sheet's cells go, and the range it declares."""

    columns: int = 0
    rows: int = 0
    declared: tuple[int, int] | None = None

    def declare(self, corner: tuple[int, int]) -> None:
        old = self.declared or (0, 0)
        self.declared = (max(old[0], corner[0]), max(old[1], corner[1]))

    def check(self, limits: SheetLimits) -> None:
        if self.declared and limits.too_large(*self.declared):
            columns, rows = self.declared
            raise _Refused(
                f"the sheet declares {columns:,} columns and {rows:,} rows; {limits.sheet_text}"
            )
        if limits.too_large(self.columns, self.rows):
            raise _Refused(
                f"the sheet's cells reach column {self.columns:,} and row {self.rows:,}; "
                f"{limits.sheet_text}"
            )


def _outside_flags(piece: bytes, limits: SheetLimits) -> list[bool] | None:
    """Whether the piece has a cell outside each rectangle of `_outside`, or None when some
    tag of it is not written as Excel writes it."""
    text = pl.DataFrame({"t": [piece.translate(_ASCII).decode("ascii")]})
    flags = text.select(
        pl.col("t").str.contains(_NOT_AS_EXCEL).alias("odd"),
        *(pl.col("t").str.contains(p).alias(str(i)) for i, p in enumerate(_outside(limits))),
    ).row(0)
    return None if flags[0] else list(flags[1:])


def _declared_in(piece: bytes, reach: _Reach) -> None:
    if b"<dimension" in piece:
        for ref in _EXCEL_DIMENSION.findall(piece):
            reach.declare(_far_corner(ref))


def _add_references(piece: bytes, reach: _Reach) -> None:
    """Every reference of a piece written as Excel writes, one by one."""
    cells = _EXCEL_CELL.findall(piece)
    rows = {int(r) for _, r in cells} | set(map(int, _EXCEL_ROW.findall(piece)))
    reach.columns = max(reach.columns, *map(_column_number, {c for c, _ in cells}), 0)
    reach.rows = max(reach.rows, *rows, 0)


# One attribute, whole: a name, '=', a quoted value (which may hold spaces, '>' or "r=").
_ATTRIBUTE = re.compile(rb"""\s+([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG_END = re.compile(rb"\s*/?>")
# Any prefix, Devanagari or other: the reader takes a tag by its local name alone.
_TAG_START = re.compile(rb"<(/?)(?:[^\s<>/:!?\"'=]+:)?(row|c|dimension)(?=[\s/>])")


def _attributes(text: bytes, at: int) -> dict[bytes, bytes]:
    """The attributes of the tag whose name ends at `at` (the first of a name counts, as in
    the reader); refused when they do not close the tag as XML requires."""
    found: dict[bytes, bytes] = {}
    while attribute := _ATTRIBUTE.match(text, at):
        name, double, single = attribute.groups()
        found.setdefault(name, double if double is not None else single)
        at = attribute.end()
    if not _TAG_END.match(text, at):
        raise _Refused("the sheet's XML is not well formed")
    return found


@dataclass
class _Position:
    """Where calamine puts the next cell."""

    row: int = 0
    column: int = 0


def _add_tags(piece: bytes, reach: _Reach, at: _Position) -> None:
    """Every cell, row and dimension tag of a piece, in order, placed as calamine places them."""
    for tag in _TAG_START.finditer(piece):
        closing, name = tag.groups()
        if closing:
            continue
        ref = _attributes(piece, tag.end()).get(b"ref" if name == b"dimension" else b"r")
        if name == b"dimension":
            if ref is not None:
                reach.declare(_far_corner(ref))
        elif name == b"row":
            if ref is not None and not (ref.isdigit() and len(ref) <= 7):
                raise _Refused(_NOT_A1)
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


def _pieces(handle: BinaryIO, info: zipfile.ZipInfo, limits: SheetLimits) -> Iterator[bytes]:
    return _tagged_pieces(_part_chunks(handle, info, limits.max_part_bytes))


def _check_part(handle: BinaryIO, info: zipfile.ZipInfo, limits: SheetLimits) -> int:
    """Refuse the part when its cells reach past the limits; returns its unpacked size.

    Read at most three times, each time only when the reading before cannot decide: bounds
    searched at C speed (inside one of the rectangles of `_outside` throughout: it fits),
    then every reference, then every tag in order."""
    size, reach, way = 0, _Reach(), "bounds"
    inside = [True] * len(_outside(limits))
    for piece in _pieces(handle, info, limits):
        size += len(piece)
        _declared_in(piece, reach)
        reach.check(limits)
        if way == "tags":
            continue
        outside = _outside_flags(piece, limits)
        if outside is None:
            way = "tags"
            continue
        inside = [i and not o for i, o in zip(inside, outside, strict=True)]
        if not any(inside):
            way = "references"
    if way == "references":
        for piece in _pieces(handle, info, limits):
            _add_references(piece, reach)
            reach.check(limits)
    if way == "tags":
        at = _Position()
        for piece in _pieces(handle, info, limits):
            _add_tags(piece, reach, at)
            reach.check(limits)
    return size


def workbook_problem(handle: BinaryIO, limits: SheetLimits) -> str | None:
    """Why the .xlsx in `handle` (seekable) may not be read, or None when it may.

    Every part is inflated and counted (the reader takes the shared strings and styles whole)
    and the cells of every part located, whichever sheet the reader opens."""
    try:
        with zipfile.ZipFile(handle) as archive:
            unsafe = zip_problem(archive, ZipLimits())
            if unsafe is not None:
                return f"not a safe workbook ({unsafe.code}: {unsafe.detail})"
            seen: set[str] = set()
            for info in archive.infolist():
                if info.filename.lower() in seen:
                    return f"the workbook holds two parts named {info.filename}"
                seen.add(info.filename.lower())
            total = 0
            # Every part, whatever its name: the reader opens what the workbook's links name.
            for info in archive.infolist():
                total += _check_part(handle, info, limits)
                if total > limits.max_workbook_bytes:
                    return f"the workbook unpacks to more than {limits.max_workbook_bytes:,} bytes"
    except _Refused as refused:
        return str(refused)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError):
        return _DAMAGED
    return None
