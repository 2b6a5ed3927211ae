"""Numbers that name a thing (a register entry, a story) are shown as written, never grouped
like a quantity ("14,164"); days are written the way every table writes them."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from sampark.i18n import signed
from sampark.i18n.dates import day_and_time
from sampark.tables.display import for_screen
from sampark.tables.response import breaches_table, oldest_table
from sampark.tables.stories import story_day, story_table

UNITS = pl.DataFrame({"unit_id": ["T1"], "name": ["Sadar"], "name_hi": ["सदर"]})


def _breaches() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "entry_id": [14164],
            "unit_id": ["T1"],
            "category": ["theft"],
            "received_at": [datetime(2024, 12, 31, 2, 47)],
            "stage": ["cognizance"],
            "hours_over": [16915.2],
            "open": [True],
        }
    )


def test_a_register_entry_number_is_not_grouped_on_screen():
    shown = for_screen(breaches_table(_breaches(), UNITS, "en"), "en")
    assert shown.get_column("Entry").to_list() == ["14164"]
    assert shown.get_column("Days over the limit").to_list() == ["704.8"]


def test_the_oldest_open_entries_keep_their_number_whole_in_hindi():
    oldest = _breaches().rename({"stage": "last_stage"}).with_columns(age_days=pl.lit(705))
    table = oldest_table(oldest.drop("hours_over", "open"), UNITS, "hi")
    shown = for_screen(table, "hi")
    assert shown.row(0)[0] == "14164"


def _stories(day: object) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "story_id": [1205],
            "story_date": [day],
            "district": ["Siwan"],
            "district_hi": ["सिवान"],
            "category": ["rescue"],
            "title": ["Missing boy found within six hours"],
            "title_hi": [None],
            "status": ["approved"],
            "blocks": [0],
            "warns": [0],
            "overridden": [False],
        },
        schema_overrides={"title_hi": pl.String},
    )


def test_a_story_table_writes_the_day_like_every_table_whether_date_or_text():
    for day in (date(2026, 12, 5), "2026-12-05"):
        shown = for_screen(story_table(_stories(day), "en"), "en")
        assert shown.row(0)[:2] == ("1205", "05-12-2026")


def test_story_day_reads_each_form_the_database_gives():
    assert story_day(datetime(2026, 12, 5, 9, 0)) == date(2026, 12, 5)
    assert story_day(date(2026, 12, 5)) == date(2026, 12, 5)
    assert story_day("2026-12-05") == date(2026, 12, 5)
    assert story_day("not a day") is None


def test_a_moment_is_written_with_the_month_in_words():
    assert day_and_time(datetime(2026, 12, 5, 23, 59), "en") == "5 Dec 2026, 23:59"
    assert day_and_time(datetime(2026, 12, 5, 23, 59), "hi") == "5 दिसंबर 2026, 23:59"
    assert day_and_time(None, "hi") == "—"


def test_a_difference_that_rounds_to_nothing_has_no_minus_sign():
    assert [signed(x) for x in (1.94, -0.04, -0.26, 0.0)] == ["+1.9", "0.0", "-0.3", "0.0"]
