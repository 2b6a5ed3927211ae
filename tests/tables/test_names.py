"""One rule for a unit's name in the reader's language, whichever screen shows it."""

from __future__ import annotations

import polars as pl

from sampark.charts.style import unit_names as chart_names
from sampark.tables.names import name_in, reader_name, unit_label, unit_labels, unit_names

UNITS = pl.DataFrame(
    {
        "unit_id": ["P", "G", "A"],
        "name": ["Patna", "Gaya", "Arrah"],
        "name_hi": ["पटना", None, "  "],
    }
)


def test_a_hindi_reader_gets_the_hindi_name_or_else_the_english_one():
    assert unit_labels(UNITS, "hi") == {"P": "पटना", "G": "Gaya", "A": "Arrah"}


def test_an_english_reader_always_gets_the_english_name():
    assert unit_labels(UNITS, "en") == {"P": "Patna", "G": "Gaya", "A": "Arrah"}


def test_one_unit_and_one_name_follow_the_same_rule():
    assert [unit_label(UNITS, u, "hi") for u in ("P", "G", "A")] == ["पटना", "Gaya", "Arrah"]
    assert unit_label(UNITS, None, "hi") is None
    assert name_in("hi", "Bihar", None) == "Bihar"


def test_tables_and_charts_name_units_alike():
    assert unit_names(UNITS, "hi").get_column("label").to_list() == chart_names(UNITS, "hi")


def test_a_column_without_any_hindi_name_reads_in_english():
    units = pl.DataFrame({"name": ["Gaya"], "name_hi": [None]})
    assert units.select(reader_name("hi")).to_series().to_list() == ["Gaya"]


def test_the_rule_names_other_columns_too():
    stories = pl.DataFrame({"district": ["Gaya"], "district_hi": ["गया"]})
    shown = stories.select(reader_name("hi", "district", "district_hi"))
    assert shown.rows() == [("गया",)]
