"""Formula neutralisation: literal expectations for each starting character and dtype."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import polars as pl
import pytest

from sampark.safety.export import csv_bytes, csv_text, excel_bytes, neutral_text, neutralised


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("\n@x", "'\n@x"),
        ("＝1+1", "'＝1+1"),
        ("Kotwali = thana", "Kotwali = thana"),
        ("कोतवाली", "कोतवाली"),
        ("", ""),
        ("-5", "-5"),
        ("+919876543210", "+919876543210"),
        ("-1.5", "-1.5"),
        ("-", "'-"),
    ],
)
def test_neutral_text_quotes_only_what_a_spreadsheet_would_run(text, safe):
    assert neutral_text(text) == safe


def test_neutralised_quotes_text_cells_and_names_but_leaves_numbers_and_dates():
    frame = pl.DataFrame(
        {
            "=name": ["=1+2", "Kotwali", None],
            "members": [-3, 200, 5],
            "day": [date(2026, 1, 2)] * 3,
            "kind": pl.Series(["@x", "thana", "outpost"], dtype=pl.Categorical),
        }
    )
    assert neutralised(frame).rows(named=True) == [
        {"'=name": "'=1+2", "members": -3, "day": date(2026, 1, 2), "kind": "'@x"},
        {"'=name": "Kotwali", "members": 200, "day": date(2026, 1, 2), "kind": "thana"},
        {"'=name": None, "members": 5, "day": date(2026, 1, 2), "kind": "outpost"},
    ]


def test_csv_bytes_start_with_a_bom_and_quote_formulas():
    frame = pl.DataFrame({"title": ["=1+2"], "n": [-1]})
    assert csv_bytes(frame) == "\ufefftitle,n\n'=1+2,-1\n".encode()
    assert csv_text(frame) == "title,n\n'=1+2,-1\n"


def test_excel_bytes_write_text_never_formulas_or_links():
    frame = pl.DataFrame(
        {"=head": ['=HYPERLINK("http://x","y")', "http://evil.example/", "-2+3"], "n": [1, 2, -3]}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(excel_bytes(frame, "units"))).active
    cells = [(c.value, c.data_type, c.hyperlink) for row in sheet.iter_rows() for c in row]
    assert cells == [
        ("'=head", "s", None),
        ("n", "s", None),
        ('\'=HYPERLINK("http://x","y")', "s", None),
        (1, "n", None),
        ("http://evil.example/", "s", None),
        (2, "n", None),
        ("'-2+3", "s", None),
        (-3, "n", None),
    ]
