"""Stories that wait: a story open at a step (awaiting vetting, approval or posting) for more
than a day, with how long, and the workflow action that moves it on (which tells whose turn it
is: the CO or SP vets, the social media cell approves and posts). Pure: `now` is handed in
(from `sampark.clock`), so a test fixes it."""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl

from sampark.i18n import number, t
from sampark.rowwise import through

WAITING_AFTER = timedelta(days=1)
# The open statuses and the action that moves a story on from each.
NEXT_ACTION = {"submitted": "vet", "vetted": "approve", "approved": "post"}
# The steps that start a wait: reaching a status. An edit or a recorded order does not.
_STATUS_STEPS = tuple(NEXT_ACTION)


def waiting_stories(
    view: pl.DataFrame, history: pl.DataFrame, now: datetime, *, after: timedelta = WAITING_AFTER
) -> pl.DataFrame:
    """The stories of `view` (the queue) waiting at their step longer than `after` at `now`
    (naive UTC, as steps are stored): story_id, title, status, next_action, since (the step
    reached, else the submission), waiting_hours; longest first. A story with neither time
    (a sheet story without steps) is not counted: its wait is unknown."""
    reached = (
        history.filter(pl.col("step").is_in(_STATUS_STEPS))
        .group_by("story_id")
        .agg(pl.col("at").max().alias("reached"))
    )
    open_ = view.filter(pl.col("status").is_in(list(NEXT_ACTION)))
    return (
        open_.join(reached, on="story_id", how="left")
        .with_columns(since=pl.coalesce("reached", "submitted_at"))
        .filter(pl.col("since").is_not_null() & (pl.col("since") <= now - after))
        .select(
            "story_id",
            pl.coalesce(pl.col("title_hi"), pl.col("title")).alias("title_hi"),
            pl.coalesce(pl.col("title"), pl.col("title_hi")).alias("title"),
            "status",
            pl.col("status").replace_strict(NEXT_ACTION, default=None).alias("next_action"),
            "since",
            ((pl.lit(now) - pl.col("since")).dt.total_minutes() // 60)
            .cast(pl.Int64)
            .alias("waiting_hours"),
        )
        .sort(["since", "story_id"])
    )


def waiting_by_step(waiting: pl.DataFrame) -> pl.DataFrame:
    """`waiting_stories` counted per step, for the brief: next_action (vet, approve, post, in
    the workflow's order, each present even at 0), stories, oldest_hours (None when none wait)."""
    steps = pl.DataFrame({"next_action": list(NEXT_ACTION.values())})
    counted = waiting.group_by("next_action").agg(
        pl.len().cast(pl.Int64).alias("stories"),
        pl.col("waiting_hours").max().cast(pl.Int64).alias("oldest_hours"),
    )
    return steps.join(counted, on="next_action", how="left", maintain_order="left").with_columns(
        pl.col("stories").fill_null(0)
    )


def waiting_label(hours: int, lang: str) -> str:
    """A wait in days and hours: "2 days 3 h", "2 दिन 3 घंटे".

    >>> waiting_label(51, "en"), waiting_label(24, "hi")
    ('2 days 3 h', '1 दिन 0 घंटे')
    """
    days, rest = divmod(max(0, hours), 24)
    if days == 1:
        return t("waiting_age_one_day", lang, hours=number(rest, lang))
    return t("waiting_age", lang, days=number(days, lang), hours=number(rest, lang))


def waiting_table(waiting: pl.DataFrame, lang: str) -> pl.DataFrame:
    """`waiting_stories` for the reader: story, for how long in words, what it needs, the title
    in their language and since when (IST, labelled). The age and the action come first: on a
    390 px phone they are what shows before the table scrolls sideways."""
    title = "title_hi" if lang == "hi" else "title"
    needs = {action: t(f"next_{action}", lang) for action in NEXT_ACTION.values()}
    return waiting.select(
        pl.col("story_id").alias(t("col_story", lang)),
        # In this thread, not on polars' workers (see sampark.rowwise).
        through(
            waiting.get_column("waiting_hours"), lambda h: waiting_label(int(h), lang), pl.String
        ).alias(t("col_waiting", lang)),
        pl.col("next_action").replace_strict(needs, default=None).alias(t("col_next_action", lang)),
        pl.col(title).alias(t("col_title", lang)),
        (pl.col("since") + timedelta(hours=5, minutes=30))
        .dt.strftime("%d-%m-%Y %H:%M")
        .alias(t("col_waiting_since", lang)),
    )
