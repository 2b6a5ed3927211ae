"""Parsers fed random and hostile input: each gives a result or its own clear error, in time.

Sizes and example counts are bounded so the whole file stays well under a minute; each
example has a deadline, so a parser that slows down on some input fails here.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.sources.checks import Known
from etl.sources.registry import SOURCES
from etl.sources.sheets.tabular import BadFile, read_table
from etl.sources.whatsapp import BadExport, ParsedExport, UnknownExportFormat, parse_export
from sampark.content.drafts import x_length
from sampark.content.guard import check
from sampark.targets import BadProfile, read_profile

FUZZ = settings(
    max_examples=40,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAME = "WhatsApp Chat with PS Kotwali"


# One folder for the whole module, removed at exit; each example overwrites its file.
_FOLDER = tempfile.TemporaryDirectory(prefix="sampark-fuzz-")


def _written(data: bytes, name: str) -> Path:
    path = Path(_FOLDER.name) / name
    path.write_bytes(data)
    return path


def _parsed_or_clear_error(path: Path) -> ParsedExport | None:
    try:
        parsed = parse_export(path)
    except (UnknownExportFormat, BadExport) as err:
        assert str(err)
        return None
    assert set(parsed.messages.columns) >= {"ts", "author", "text", "kind"}
    assert parsed.rejects.columns == ["line", "reason", "raw"]
    return parsed


# Header-like lines with every field allowed out of range, so the parser's date, time and
# author handling is reached, not just its "no header" refusal.
_header = st.builds(
    "{}/{}/{}, {}:{:02d}{} - {}{}".format,
    st.integers(0, 40),
    st.integers(0, 14),
    st.sampled_from(["24", "2024", "99", "0"]),
    st.integers(0, 30),
    st.integers(0, 70),
    st.sampled_from([" am", "\u202fpm", "", " PM", ":61"]),
    st.text(max_size=12),
    st.sampled_from([": ", " joined", " added ", " left", ": \u200e<Media omitted>", ""]),
)
_ios = st.builds(
    "[{}/{}/{}, {}:{:02d}:{:02d}] {}: {}".format,
    st.integers(0, 40),
    st.integers(0, 14),
    st.sampled_from(["24", "2024"]),
    st.integers(0, 30),
    st.integers(0, 70),
    st.integers(0, 70),
    st.text(max_size=10),
    st.text(max_size=30),
)
_chat_text = st.lists(st.one_of(_header, _ios, st.text(max_size=60)), max_size=60).map("\n".join)


@FUZZ
@given(st.binary(max_size=4096))
def test_parse_export_on_random_bytes(data):
    _parsed_or_clear_error(_written(data, f"{NAME}.txt"))


@FUZZ
@given(_chat_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1"]))
def test_parse_export_on_chat_like_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    _parsed_or_clear_error(_written(data, f"{NAME}.txt"))


@FUZZ
@given(_chat_text, st.lists(st.integers(0, 10_000), max_size=20))
def test_parse_export_with_nul_bytes(text, places):
    data = bytearray(text.encode())
    for place in places:
        data.insert(min(place, len(data)), 0)
    _parsed_or_clear_error(_written(bytes(data), f"{NAME}.txt"))


_member = st.tuples(
    st.one_of(
        st.sampled_from(["_chat.txt", f"{NAME}.txt", "../../x.txt", "/abs.txt", "a/../b.txt"]),
        # zipfile cuts a member name at its first NUL: a name starting with one is no name.
        st.text(min_size=1, max_size=20).filter(lambda name: not name.startswith("\x00")),
    ),
    st.one_of(_chat_text.map(str.encode), st.binary(max_size=512)),
)


@FUZZ
@given(st.lists(_member, max_size=5), st.booleans())
def test_parse_export_on_random_zips(members, truncate):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    raw = out.getvalue()
    _parsed_or_clear_error(_written(raw[: len(raw) // 2] if truncate else raw, f"{NAME}.zip"))


@FUZZ
@given(st.binary(max_size=2048))
def test_parse_export_on_random_bytes_named_zip(data):
    _parsed_or_clear_error(_written(b"PK\x03\x04" + data, f"{NAME}.zip"))


@pytest.mark.parametrize("size_mb", [5, 20])
def test_parse_export_reads_one_huge_line(size_mb):
    head = b"13/01/24, 7:41 pm - Amit: "
    path = _written(head + b"x" * (size_mb << 20) + b"\n", f"{NAME}.txt")
    parsed = _parsed_or_clear_error(path)
    assert parsed is not None
    assert parsed.messages.select(pl.col("text").str.len_bytes()).item() == size_mb << 20


def test_parse_export_refuses_a_huge_line_without_any_header():
    path = _written(b"y" * (5 << 20), f"{NAME}.txt")
    with pytest.raises(UnknownExportFormat, match="no WhatsApp message header"):
        parse_export(path)


# Headers that name a real sheet, so the cell checks run on random values, not just the
# "no recognisable header" refusal.
_HEADERS = {
    "units": "Unit ID,Kind,Name,Name in Hindi,Parent unit ID",
    "groups": "Group ID,Unit ID,Group kind,Group name,Admin mobile,Created on",
    "rosters": "Group ID,Mobile number,Category,Name,Rank,Admin,List date",
    "staff": "Staff ID,Name,Rank,Unit ID,Mobile number",
    "blocklist": "Mobile number,Reason,Name,Unit ID",
    "registers": "Unit ID,Received at,Category,Cognizance at,FIR number,FIR at,Closed at,Status",
    "alerts": "Platform,Received at,Outcome,Traced at,Forwarded at,Contacted at,Unit ID",
    "stories": "Unit ID,Date,Category,Title,Story,Media files,Submitted by",
}
_cell = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            *("BR", "BR-PAT", "G1", "thana", "9876543210", "=1+2", "1e308", "31-02-2026"),
            *("2026-13-40", "45000.5", "-1", "हाँ", "open", "नाबालिग", "", "+91 98765 43210"),
            "31-02-2026 25:61",
        ]
    ),
)


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


_sheet = st.sampled_from(sorted(_HEADERS)).flatmap(
    lambda kind: st.tuples(
        st.just(kind),
        st.lists(st.lists(_cell, min_size=0, max_size=9), max_size=12),
    )
)
KNOWN = Known(
    unit_ids=frozenset({"BR", "BR-PAT"}),
    group_ids=frozenset({"G1"}),
    now=datetime(2026, 11, 23, 12, 0),
)


def _table_or_clear_error(path: Path) -> None:
    try:
        table = read_table(path)
    except BadFile as err:
        assert str(err)
        return
    checked = SOURCES[table.kind].check(table.frame, KNOWN)
    assert checked.rows.height + checked.rejects.height == table.rows_read


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["units.csv", "units.xlsx"]))
def test_sheet_reader_on_random_bytes(data, name):
    _table_or_clear_error(_written(data, name))


@FUZZ
@given(_sheet, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_sheet_reader_and_checks_on_random_cells(sheet, encoding):
    kind, rows = sheet
    text = "\n".join([_HEADERS[kind], *(",".join(map(_csv_cell, r)) for r in rows)])
    _table_or_clear_error(_written(text.encode(encoding, errors="replace"), f"{kind}.csv"))


@FUZZ
@given(_sheet)
def test_sheet_reader_and_checks_on_random_workbooks(sheet):
    kind, rows = sheet
    width = len(_HEADERS[kind].split(","))
    frame = pl.DataFrame(
        [[(r + [""] * width)[i] for r in rows] for i in range(width)],
        schema=[(h, pl.String) for h in _HEADERS[kind].split(",")],
        orient="col",
    )
    buffer = io.BytesIO()
    frame.write_excel(buffer)
    _table_or_clear_error(_written(buffer.getvalue(), f"{kind}.xlsx"))


_YAML_LINES = [
    *("state: bihar", "name: B", "member_target: 5", "member_target_date: 2027-03-31"),
    *("min_members:", "  thana_public: 200", "required_groups:", "  thana: x", "  - ["),
    *("  ? [a]", "&a [1]", "*a", "!!python/object:os.system", "- - -", "\t", "'"),
    *("response_sla_hours: {fir: .nan}", "staff_coverage: 2"),
]
_yaml_text = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(
            st.sampled_from(_YAML_LINES),
            st.text(max_size=20),
        ),
        max_size=20,
    ).map("\n".join),
)


@FUZZ
@given(_yaml_text)
def test_target_profile_on_random_yaml(text):
    path = _written(text.encode("utf-8", errors="replace"), "bihar.yaml")
    try:
        read_profile(path)
    except BadProfile as err:
        assert f"{path}" in str(err) and " line " in str(err)


def test_target_profile_that_is_not_utf8_names_the_file():
    path = _written(b"state: \xff\xfe bihar\n", "bihar.yaml")
    with pytest.raises(BadProfile, match=r"bihar\.yaml line 1: not UTF-8"):
        read_profile(path)


def test_target_profile_nested_past_any_sense_is_refused():
    path = _written(b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "bihar.yaml")
    with pytest.raises(BadProfile, match="line 1"):
        read_profile(path)


def test_target_profile_with_exponential_aliases_is_read_in_time():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = _written("\n".join(lines).encode(), "bihar.yaml")
    with pytest.raises(BadProfile, match="line 1: missing"):
        read_profile(path)


@FUZZ
@given(st.text(max_size=2000))
def test_guard_check_on_random_unicode(text):
    for finding in check(text):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.level in ("block", "warn")


@FUZZ
@given(st.text(max_size=2000))
def test_x_length_on_random_unicode(text):
    assert x_length(text) >= 0


def test_sheet_with_a_hundred_thousand_columns_is_refused_whole():
    header = ",".join(f"c{i}" for i in range(100_000))
    path = _written(f"{header}\n".encode(), "units.csv")
    with pytest.raises(BadFile, match=r"^row 1 has more than 200 columns; "):
        read_table(path)


def test_refusal_of_a_wide_sheet_of_unknown_kind_names_no_cell():
    header = ",".join(f"c{i}" for i in range(200))
    with pytest.raises(BadFile, match=r"^no recognisable header in row 1 \(200 cells, not shown"):
        read_table(_written(f"{header}\n".encode(), "other.csv"))


@pytest.mark.parametrize("header", ["*", "^Unit ID$", "^.*$"])
def test_a_header_polars_could_read_as_a_pattern_is_one_cell(tmp_path, header):
    path = tmp_path / "units.csv"
    path.write_text(f"{header},Unit ID,Kind,Name\nx,BR-1,state,Bihar\n,,,\n", encoding="utf-8")
    table = read_table(path)
    assert table.frame.select("unit_id", "kind", "name").rows() == [("BR-1", "state", "Bihar")]
    assert table.rows_read == 1
