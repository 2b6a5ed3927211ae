"""`report … --format table`: columns that line up in a terminal, Devanagari included, at the
terminal's width."""

import polars as pl

from sampark.cli.text_table import display_width, text_table

FRAME = pl.DataFrame(
    {"unit": ["Patna", "Nalanda"], "नाम": ["पटना", "नालंदा"], "members": [4926, 1178]}
)


def test_spacing_matras_take_a_column_and_marks_none():
    # ा (spacing) takes one column as glibc's wcwidth gives it; ं and ् take none.
    assert display_width("नालंदा") == 5
    assert display_width("लक्ष्य") == 4
    assert display_width("Patna") == 5


def test_columns_line_up_by_terminal_width_and_numbers_align_right():
    text = text_table(FRAME, "Coverage", 80)
    assert text.splitlines() == [
        "Coverage",
        "unit     नाम    members",
        "-------  -----  -------",
        "Patna    पटना      4926",
        "Nalanda  नालंदा     1178",
    ]
    assert {display_width(line) for line in text.splitlines()[1:]} == {23}


def test_piped_output_runs_at_natural_width_with_every_header_whole():
    wide = pl.DataFrame({f"a_long_column_name_{i}": [i] for i in range(12)})
    header = text_table(wide, "T", None).splitlines()[1]
    assert all(f"a_long_column_name_{i}" in header for i in range(12))


def test_a_table_wider_than_the_terminal_prints_a_block_per_row():
    assert text_table(FRAME, "T", 20).splitlines() == [
        "T",
        "-- 1 --",
        "unit     Patna",
        "नाम      पटना",
        "members  4926",
        "-- 2 --",
        "unit     Nalanda",
        "नाम      नालंदा",
        "members  1178",
    ]
