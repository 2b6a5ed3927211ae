"""Success stories sent up by stations, in Hindi and/or English, with their photos' names.

Loaded as `submitted`; the legal guard and the social media cell's workflow take it from there."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from etl.sources.checks import Checked, Known, Rule, missing, reason, split_rows
from etl.sources.sheets.stages import load_time
from etl.sources.sheets.stamps import entry_keys
from etl.sources.sheets.values import coded, parsed_date
from sampark.content.intake import TEXT_MAX_CHARS, TITLE_MAX_CHARS
from sampark.i18n.vocab import STORY_CATEGORIES, written_forms

RAW = ["unit_id", "story_date", "category", "title", "title_hi", "media", "submitted_by"]

CATEGORY_FORMS = written_forms(
    STORY_CATEGORIES,
    {"gangbusted": "gang_bust", "भंडाफोड़": "gang_bust", "initiative": "good_initiative"},
)

KEY_FIELDS = ["unit_id", "date", "category_code", "title", "title_hi", "body", "body_hi"]
# Each text column, its header and its limit: the submission form's, so a sheet cannot carry a
# story the form would refuse (every open of the story reads the whole text).
TEXT_COLUMNS = (
    ("title", "Title", TITLE_MAX_CHARS, "a title"),
    ("title_hi", "Title in Hindi", TITLE_MAX_CHARS, "a title"),
    ("body", "Story", TEXT_MAX_CHARS, "a story text"),
    ("body_hi", "Story in Hindi", TEXT_MAX_CHARS, "a story text"),
)


def _too_long() -> list[Rule]:
    return [
        (
            pl.col(column).str.len_chars() > limit,
            reason(
                f"{label} is {{}} characters long; {what} takes at most {limit:,}",
                pl.col(column).str.len_chars(),
            ),
        )
        for column, label, limit, what in TEXT_COLUMNS
    ]


def _rules(known: Known, now: datetime) -> list[Rule]:
    """Why a typed story row is refused, in the order the reasons are given."""
    first = pl.col("line").min().over("entry_key")
    return [
        missing("unit_id", "Unit ID"),
        (
            ~pl.col("unit_id").is_in(list(known.unit_ids)),
            reason("unknown unit {}", pl.col("unit_id")),
        ),
        missing("story_date", "Date"),
        (
            pl.col("date").is_null(),
            reason("date '{}' is not a date (use dd-mm-yyyy)", pl.col("story_date")),
        ),
        (
            pl.col("date") > pl.lit(now.date()),
            reason("date {} is in the future", pl.col("date")),
        ),
        missing("category", "Category"),
        (
            pl.col("category_code").is_null(),
            reason(
                "unknown category '{}'; expected one of " + ", ".join(STORY_CATEGORIES),
                pl.col("category"),
            ),
        ),
        (
            pl.col("title").is_null() & pl.col("title_hi").is_null(),
            pl.lit("no title (English or Hindi)"),
        ),
        (
            pl.col("body").is_null() & pl.col("body_hi").is_null(),
            pl.lit("no story text (English or Hindi)"),
        ),
        *_too_long(),
        (pl.col("line") != first, reason("duplicate story (same as line {})", first)),
    ]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid story rows with `media` as a list of file names; rejects with reasons."""
    now = load_time(known)
    typed = frame.with_columns(
        parsed_date("story_date").alias("date"),
        coded("category", CATEGORY_FORMS).alias("category_code"),
    )
    typed = typed.with_columns(entry_keys(typed, KEY_FIELDS))
    checked = split_rows(typed, RAW, _rules(known, now))
    media = (
        pl.col("media")
        .str.split(";")
        .list.eval(pl.element().str.replace_all(r"^[\s,]+|[\s,]+$", ""))
        .list.eval(pl.element().filter(pl.element() != ""))
    )
    rows = checked.rows.select(
        "line",
        "unit_id",
        pl.col("date").alias("story_date"),
        pl.col("category_code").alias("category"),
        "title",
        "body",
        "title_hi",
        "body_hi",
        media.alias("media"),
        "submitted_by",
        pl.lit(now, dtype=pl.Datetime("us")).alias("submitted_at"),
        "entry_key",
    )
    return Checked(rows=rows, rejects=checked.rejects)
