from pathlib import Path

import pytest

from etl.sources.sheets.columns import SHEETS
from etl.sources.sheets.tabular import BadFile, column_map, read_table, sheet_kind


def test_column_map_matches_hindi_headers_case_and_space_insensitively():
    headers = ["समूह आईडी", "  मोबाइल  नंबर ", "श्रेणी", "नाम"]
    assert column_map(headers, SHEETS["rosters"]) == {
        "समूह आईडी": "group_id",
        "  मोबाइल  नंबर ": "phone",
        "श्रेणी": "category",
        "नाम": "name",
    }


def test_column_map_matches_either_half_of_a_bilingual_header():
    assert column_map(["MOBILE NUMBER / मोबाइल नंबर"], SHEETS["blocklist"]) == {
        "MOBILE NUMBER / मोबाइल नंबर": "phone"
    }


def test_sheet_kind_by_header_prefers_the_sheet_with_more_columns():
    headers = ["Group ID", "Unit ID", "Group kind", "Group name"]
    assert sheet_kind(Path("inbox/x.csv"), headers) == "groups"


def test_sheet_kind_by_folder_wins(tmp_path):
    assert sheet_kind(tmp_path / "staff" / "a.csv", ["x"], tmp_path) == "staff"


def test_unrecognised_header_names_the_expected_columns(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Sr,Remarks\n1,x\n", encoding="utf-8")
    with pytest.raises(
        BadFile,
        match=r"^no recognisable header in row 1 \(2 cells, not shown: row 1 may be data\); "
        r"expected the columns of one of: units: Unit ID \(इकाई आईडी\), ",
    ):
        read_table(path, tmp_path)


def test_missing_required_column_in_a_known_folder_is_named(tmp_path):
    (tmp_path / "rosters").mkdir()
    path = tmp_path / "rosters" / "r.csv"
    path.write_text("Group ID,Name\nG1,A\n", encoding="utf-8")
    with pytest.raises(
        BadFile,
        match=r"needs the columns Mobile number \(मोबाइल नंबर\), "
        r"Category \(श्रेणी\)",
    ):
        read_table(path, tmp_path)


def test_non_utf8_csv_is_refused_with_advice(tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes("Unit ID,Kind,Name\nA,thana,K\xf6ln\n".encode("latin-1"))
    with pytest.raises(BadFile, match="not UTF-8"):
        read_table(path, tmp_path)


def test_csv_lines_count_from_two_and_skip_blank_rows(tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("\ufeffUnit ID,Kind,Name\nA,state,S\n,,\nB,range,R\n", encoding="utf-8")
    table = read_table(path, tmp_path)
    assert (table.kind, table.frame["line"].to_list(), table.rows_read) == ("units", [2, 4], 2)
