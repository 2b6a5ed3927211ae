"""Hostile sheets built byte by byte, as an attacker would: a tiny workbook naming a far cell,
a CSV of nothing but separators. Every file here is written by the tests; none is real."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _worksheet(rows: str, dimension: str | None) -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{declared}<sheetData>{rows}</sheetData></worksheet>"
    )


def _cell(value: str, ref: str | None = None) -> str:
    at = f' r="{ref}"' if ref else ""
    return f'<c{at} t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def sheet_xml(cells: dict[str, str], dimension: str | None = None) -> str:
    """A worksheet with inline-string `cells` ({"A1": "Unit ID", ...}), rows in order."""
    rows: dict[int, list[tuple[str, str]]] = {}
    for ref, value in cells.items():
        row = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(row, []).append((ref, value))
    body = "".join(
        f'<row r="{row}">' + "".join(_cell(v, ref) for ref, v in found) + "</row>"
        for row, found in sorted(rows.items())
    )
    return _worksheet(body, dimension)


def unreferenced_sheet_xml(rows: list[list[str]]) -> str:
    """A worksheet whose rows and cells carry no `r` attribute: positions by order, as some
    writers save them."""
    body = "".join("<row>" + "".join(_cell(v) for v in row) + "</row>" for row in rows)
    return _worksheet(body, None)


def workbook(sheet: str, extra: dict[str, bytes | str] | None = None) -> bytes:
    """An .xlsx holding one worksheet whose XML is `sheet` (and any `extra` parts)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


UNIT_HEADER = {"A1": "Unit ID", "B1": "Kind", "C1": "Name"}


def sparse_workbook() -> bytes:
    """1.6 KB declaring A1:XFD1048576 with one far cell: the reader would ask for 512 GiB."""
    return workbook(sheet_xml({**UNIT_HEADER, "XFD1048576": "x"}, dimension="A1:XFD1048576"))


def tall_xml() -> str:
    return sheet_xml({**UNIT_HEADER, "T1048576": "x"})


def tall_workbook() -> bytes:
    """Twenty columns down to Excel's last row, no dimension declared: about 21 million cells
    the reader fills in, from a file of a few hundred bytes."""
    return workbook(tall_xml())


def far_cell_without_refs() -> bytes:
    """Columns reached by position, not by reference: 300 cells in row 1, no `r` anywhere."""
    return workbook(unreferenced_sheet_xml([[f"c{i}" for i in range(300)], ["x"]]))


def commas_csv(megabytes: int = 5) -> bytes:
    """Nothing but commas: one header row of millions of columns."""
    return b"," * (megabytes << 20)


def blank_rows_csv(rows: int = 4_000_000) -> bytes:
    """A real header over millions of rows of separators only: 12 million empty cells."""
    return b"Unit ID,Kind,Name\n" + b",,\n" * rows
