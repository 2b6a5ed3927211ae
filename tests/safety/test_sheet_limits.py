"""What a sheet may declare and hold, checked on the zip stream and the CSV bytes before any
reader builds it."""

from __future__ import annotations

import io
import random
import string
import struct
import zipfile
import zlib

import polars as pl
import pytest

from sampark.safety.sheet_limits import SheetLimits, SheetTooLarge, csv_problem, first_csv_record
from sampark.safety.workbook_limits import workbook_problem
from tests.hostile_sheets import (
    UNIT_HEADER,
    far_cell_without_refs,
    sheet_xml,
    sparse_workbook,
    tall_workbook,
    tall_xml,
    unreferenced_sheet_xml,
    workbook,
)

DEFAULT = SheetLimits()
SMALL = SheetLimits(max_columns=5, max_rows=10, max_cells=30)
SMALL_TEXT = "a sheet may have at most 5 columns, 10 rows and 30 cells"


def _problem(data: bytes, limits: SheetLimits = DEFAULT) -> str | None:
    return workbook_problem(io.BytesIO(data), limits)


def test_a_workbook_written_by_polars_passes():
    buffer = io.BytesIO()
    pl.DataFrame({"Unit ID": ["BR"] * 1000, "Kind": ["state"] * 1000}).write_excel(buffer)
    assert _problem(buffer.getvalue()) is None


def test_a_declared_range_past_the_limits_is_refused():
    assert _problem(sparse_workbook()) == (
        "the sheet declares 16,384 columns and 1,048,576 rows; a sheet may have at most "
        "200 columns, 1,048,576 rows and 10,000,000 cells"
    )


@pytest.mark.parametrize(
    ("last", "problem"),
    [
        ("E6", None),
        ("F1", f"the sheet's cells reach column 6 and row 1; {SMALL_TEXT}"),
        ("A11", f"the sheet's cells reach column 3 and row 11; {SMALL_TEXT}"),
        ("E7", f"the sheet's cells reach column 5 and row 7; {SMALL_TEXT}"),
    ],
)
def test_the_cells_reach_is_held_to_columns_rows_and_cells(last, problem):
    assert _problem(workbook(sheet_xml({**UNIT_HEADER, last: "x"})), SMALL) == problem


def test_far_cells_are_found_without_a_declared_range():
    assert _problem(tall_workbook()).startswith(  # type: ignore[union-attr]
        "the sheet's cells reach column 20 and row 1,048,576; "
    )


def test_cells_without_references_count_by_position():
    assert _problem(far_cell_without_refs()).startswith(  # type: ignore[union-attr]
        "the sheet's cells reach column 300 and row 2; "
    )
    rows = [["a", "b", "c"]] * 10 + [["a", "b", "c", "d", "e", "f"]]
    assert _problem(workbook(unreferenced_sheet_xml(rows)), SMALL) == (
        f"the sheet's cells reach column 6 and row 11; {SMALL_TEXT}"
    )


def test_references_in_any_quoting_or_namespace_are_read():
    body = (
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:sheetData><x:row r = '1'><x:c r = 'XFD1' t='inlineStr'><x:is><x:t>a</x:t></x:is>"
        "</x:c></x:row></x:sheetData></x:worksheet>"
    )
    assert _problem(workbook(body)).startswith(  # type: ignore[union-attr]
        "the sheet's cells reach column 16,384 and row 1; "
    )


def test_tags_with_a_prefix_in_any_script_are_read():
    body = sheet_xml(UNIT_HEADER).replace(
        "</sheetData>", '<row r="2"><क:c r="XFD2"><क:v>1</क:v></क:c></row></sheetData>'
    )
    assert _problem(workbook(body)).startswith(  # type: ignore[union-attr]
        "the sheet's cells reach column 16,384 and row 2; "
    )


def test_a_sheet_in_a_part_of_any_name_is_read():
    data = workbook(sheet_xml(UNIT_HEADER), {"xl/worksheets/data.bin": tall_xml()})
    assert _problem(data).startswith(  # type: ignore[union-attr]
        "the sheet's cells reach column 20 and row 1,048,576; "
    )


def test_a_part_in_utf16_is_refused():
    data = workbook(
        sheet_xml(UNIT_HEADER), {"xl/worksheets/sheet2.xml": "\ufeff<x/>".encode("utf-16-le")}
    )
    assert _problem(data) == "a part of the workbook is XML in UTF-16, which Excel does not write"


def test_a_tag_of_another_shape_is_read_after_a_long_sheet_came_near_the_limits():
    # Rows 1-10 (past the six rows that five columns of 30 cells allow, so every reference is
    # then read one by one), a megabyte of text, and a prefixed cell in column F.
    text = "".join(random.Random(7).choices(string.ascii_letters, k=1_200_000))
    cells = {f"A{n}": "x" for n in range(1, 10)} | {"A10": text}
    body = sheet_xml(cells).replace("</row></sheetData>", '<x:c r="F10"/></row></sheetData>')
    assert _problem(workbook(body), SMALL) == (
        f"the sheet's cells reach column 6 and row 10; {SMALL_TEXT}"
    )


def test_a_reference_that_is_not_a1_form_is_refused():
    body = sheet_xml({"A1": "x"}).replace('r="A1"', 'r="&#88;FD1"')
    assert _problem(workbook(body)) == "a cell reference in the sheet is not in A1 form"


def _with_declared_size(data: bytes, member: str, declared: int) -> bytes:
    """`data` with `member`'s unpacked size and CRC rewritten to those of its first `declared`
    bytes, as a file crafted to pass a reader that trusts the directory would be."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        prefix = archive.read(member)[:declared]
    crc = zlib.crc32(prefix)
    out = bytearray(data)
    struct.pack_into("<I", out, info.header_offset + 14, crc)
    struct.pack_into("<I", out, info.header_offset + 22, declared)
    central = out.index(b"PK\x01\x02")
    while out[central + 46 : central + 46 + len(member)] != member.encode():
        central = out.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", out, central + 16, crc)
    struct.pack_into("<I", out, central + 24, declared)
    return bytes(out)


def test_a_part_unpacking_past_its_declared_size_is_refused():
    data = _with_declared_size(tall_workbook(), "xl/worksheets/sheet1.xml", 300)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # the trusting reader sees 300 bytes
        assert len(archive.read("xl/worksheets/sheet1.xml")) == 300
    assert _problem(data) == "a part of the workbook unpacks to more than it declares"


def test_two_parts_of_one_name_are_refused():
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = workbook(sheet_xml(UNIT_HEADER), {"xl/worksheets/sheet1.xml": b"<x/>"})
    assert _problem(data) == "the workbook holds two parts named xl/worksheets/sheet1.xml"


def test_a_part_past_the_unpacked_cap_is_refused():
    limits = SheetLimits(max_part_bytes=10_000)
    data = workbook(sheet_xml({**UNIT_HEADER, "A2": "x" * 20_000}))
    assert _problem(data, limits) == "a part of the workbook unpacks to more than 10,000 bytes"


def test_bytes_that_are_no_zip_are_not_a_workbook():
    assert _problem(b"Unit ID,Kind\n") == "not an Excel workbook (.xlsx), or a damaged one"


def test_first_csv_record_reads_quotes_and_skips_the_byte_order_mark():
    data = '\ufeff"a,b","c\nd",e""f\r\n1,2,3\n'.encode()
    header, body = first_csv_record(data, DEFAULT)
    assert (header, data[body:]) == (["a,b", "c\nd", 'e""f'], b"1,2,3\n")


def test_first_csv_record_of_a_file_without_newline_is_the_whole_file():
    assert first_csv_record(b"Unit ID,Kind", DEFAULT) == (["Unit ID", "Kind"], 12)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"a,b,c,d,e\n1\n2\n3\n4\n5\n", None),
        (
            b"a,b,c,d,e,f\n1\n",
            "row 1 has more than 5 columns; a CSV sheet may have at most "
            "5 columns and 30 cells (rows × columns): split it into smaller files",
        ),
        (
            b"a,b,c,d,e\n" + b"1\n" * 7,
            "7 rows × 5 columns is more than 30 cells; a CSV sheet "
            "may have at most 5 columns and 30 cells (rows × columns): split it into smaller files",
        ),
        (b"a" * 70_000 + b"\n1\n", "row 1 is longer than 65,536 bytes; a header row is short"),
    ],
    ids=["fits", "wide", "many-cells", "long-row-1"],
)
def test_csv_problem_bounds_columns_cells_and_the_header_row(data, problem):
    assert csv_problem(data, SMALL) == problem


def test_first_csv_record_raises_the_reason():
    with pytest.raises(SheetTooLarge, match=r"^row 1 has more than 5 columns"):
        first_csv_record(b"," * 100, SMALL)


def test_sheet_limits_doctests_pass():
    import doctest

    import sampark.safety.sheet_limits
    import sampark.safety.workbook_limits

    for module in (sampark.safety.sheet_limits, sampark.safety.workbook_limits):
        assert doctest.testmod(module).failed == 0
