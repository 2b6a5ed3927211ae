"""Directive reach as text beside coverage, in English and Hindi: a unit without a directive
says so (never 0 %), and a table without stored figures says there are none yet."""

import polars as pl

from sampark.spread.units import UNIT_DIRECTIVE_SCHEMA
from sampark.tables.league_reach import (
    delay_text,
    median_text,
    reach_cells,
    share_text,
    with_reach_texts,
)

REACH = pl.DataFrame(
    [
        ("D1", 1, 2, 2, 0, 1.0, 0.17),
        ("D2", 2, 1200, 800, 300, 800 / 1200, 30.0),
        ("D3", 1, 3, 0, 3, 0.0, None),
        ("D4", 1, 3, 1, 2, 1 / 3, None),
    ],
    schema=UNIT_DIRECTIVE_SCHEMA,
    orient="row",
)
LEAGUE = pl.DataFrame({"unit_id": ["D1", "D2", "D3", "D4", "D5"], "name": list("ABCDE")})


def test_delays_read_in_minutes_tenths_or_whole_hours():
    assert [delay_text(h, "en") for h in (0.17, 2.04, 30.4)] == ["10 min", "2.0 h", "30 h"]
    assert [delay_text(h, "hi") for h in (0.5, 9.94, 1500.0)] == ["30 मिनट", "9.9 घंटे", "1,500 घंटे"]


def test_each_unit_gets_its_share_with_the_count_and_its_median():
    texts = with_reach_texts(LEAGUE, REACH, "unit_id", "en")
    assert texts.select("unit_id", "reach_text", "median_text").rows() == [
        ("D1", "100.0% (2 of 2)", "10 min"),
        ("D2", "66.7% (800 of 1,200)", "30 h"),
        ("D3", "0.0% (0 of 3)", "never reached"),
        ("D4", "33.3% (1 of 3)", "half never reached"),
        ("D5", "no directive", "no directive"),
    ]


def test_in_hindi_counts_take_indian_grouping_and_no_directive_is_said_in_hindi():
    texts = with_reach_texts(LEAGUE, REACH, "unit_id", "hi")
    assert texts.get_column("reach_text").to_list()[1] == "66.7% (1,200 में से 800)"
    assert texts.row(4, named=True)["reach_text"] == "कोई निर्देश नहीं"
    big = {"due": 250000, "within": 125000, "share_within": 0.5, "never": 0}
    assert share_text(big, "hi") == "50.0% (2,50,000 में से 1,25,000)"


def test_without_stored_figures_every_unit_says_none_yet():
    texts = with_reach_texts(LEAGUE, None, "unit_id", "en")
    assert set(texts.get_column("reach_text")) == {"no figures yet"}
    assert set(texts.get_column("median_text")) == {"no figures yet"}


def test_a_display_row_gets_the_two_columns_only_when_it_carries_them():
    row = with_reach_texts(LEAGUE, REACH, "unit_id", "hi").row(0, named=True)
    assert reach_cells(row, "hi") == {
        "24 घंटे में पहुँचे निर्देश": "100.0% (2 में से 2)",
        "निर्देश पहुँचने की माध्यिका देरी": "10 मिनट",
    }
    assert reach_cells({"unit_id": "D1"}, "en") == {}
    assert median_text({"due": 0}, "en") == "no directive"
