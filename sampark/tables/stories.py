"""Stories for people: the social media cell's table and the labels of its story picker."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import polars as pl

from sampark.content.card import category_label
from sampark.content.workflow import STATUSES
from sampark.i18n import t
from sampark.tables.logs import IST_OFFSET, ist_text
from sampark.tables.names import name_in, reader_name


def story_district(story: dict[str, Any], lang: str) -> str:
    """The story's district in the reader's language, "—" when it has none."""
    english = story.get("district")
    return name_in(lang, str(english), story.get("district_hi")) if english else "—"


def story_day(value: object) -> date | None:
    """A story's day, whether the database gave a date, a datetime or ISO text.

    >>> story_day("2026-12-05"), story_day(None)
    (datetime.date(2026, 12, 5), None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _as_day(frame: pl.DataFrame, column: str) -> pl.Expr:
    """`column` as a date, whether the database gave dates, datetimes or ISO text (SQLite)."""
    if frame.schema[column] == pl.String:
        return pl.col(column).str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    return pl.col(column).cast(pl.Date)


def story_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Stories as the reader sees them, headers and labels in their language."""
    first, second = ("title_hi", "title") if lang == "hi" else ("title", "title_hi")
    statuses = {s: t(f"status_{s}", lang) for s in STATUSES}
    categories = {c: category_label(c, lang) for c in frame["category"].drop_nulls().unique()}
    return frame.select(
        # A story's number is a name, never grouped; its day written as every table's is.
        pl.col("story_id").cast(pl.String).alias(t("col_story", lang)),
        _as_day(frame, "story_date").dt.strftime("%d-%m-%Y").alias(t("col_date", lang)),
        reader_name(lang, "district", "district_hi").alias(t("district", lang)),
        pl.col("category")
        .replace_strict(categories, default=None, return_dtype=pl.String)
        .alias(t("col_category", lang)),
        pl.coalesce(first, second).alias(t("col_title", lang)),
        pl.col("status")
        .replace_strict(statuses, default=pl.col("status"))
        .alias(t("col_status", lang)),
        pl.col("blocks").alias(t("col_blocks", lang)),
        pl.col("warns").alias(t("col_warns", lang)),
        pl.col("overridden").alias(t("col_overridden", lang)),
    )


def story_labels(view: pl.DataFrame, lang: str) -> dict[int, str]:
    """ "12 · title" per story, the title in the reader's language where there is one."""
    first, second = ("title_hi", "title") if lang == "hi" else ("title", "title_hi")
    titles = view.select("story_id", pl.coalesce(first, second).fill_null("—"))
    return {int(i): f"{i} · {title}" for i, title in titles.iter_rows()}


def district_names(stories: pl.DataFrame, lang: str) -> dict[str, str]:
    """district_id → name in the reader's language, of the districts the stories come from."""
    return dict(
        stories.select("district_id", reader_name(lang, "district", "district_hi"))
        .drop_nulls("district_id")
        .unique()
        .iter_rows()
    )


def history_table(steps: pl.DataFrame, lang: str) -> pl.DataFrame:
    """A story's workflow steps: when, which step (in words), who, and the note."""
    names = {s: t(f"step_{s}", lang) for s in (*STATUSES, "override", "edited")}
    return steps.select(
        # Story steps are kept in UTC; officers read IST (the label says so).
        ist_text("at", IST_OFFSET).alias(t("log_col_at", lang)),
        pl.col("step").replace_strict(names, default=pl.col("step")).alias(t("col_step", lang)),
        pl.col("actor").alias(t("col_actor", lang)),
        pl.col("note").fill_null("").alias(t("col_note", lang)),
    )
