"""The rumours on the Directives and rumours page: each rumour's first sighting, reach,
verdict, answer and rebuttal coverage; its spread over time; and the choices the social media
cell judges and answers from. No sender is named, and a group outside the reader's scope is
never named either: its counts are state-wide, its name reads "another district"."""

from __future__ import annotations

import polars as pl

from sampark.i18n import t
from sampark.spread.arrivals import ARRIVAL_SCHEMA
from sampark.spread.rebuttals import linked_answer_copies
from sampark.spread.rumours import rebuttal_coverage
from sampark.store.rumours import VERDICTS
from sampark.tables.spread import units_inside

_STAMP = "%d-%m-%Y %H:%M"


def shown_group_names(
    groups: pl.DataFrame, units: pl.DataFrame, scope_id: str | None, lang: str
) -> pl.DataFrame:
    """group_id, shown: the group's name when it lies inside the reader's scope, and "another
    district" when it does not (an SP reads a rumour's state-wide counts, not the names of
    other districts' groups). `groups`: group_id, unit_id, name."""
    inside = units_inside(units, scope_id).with_columns(inside=pl.lit(True))
    return groups.join(inside, on="unit_id", how="left").select(
        "group_id",
        pl.when(pl.col("inside").fill_null(False))
        .then(pl.coalesce("name", "group_id"))
        .otherwise(pl.lit(t("spread_another_district", lang)))
        .alias("shown"),
    )


def rebuttals(
    rumours: pl.DataFrame, arrivals: pl.DataFrame, answers: pl.DataFrame, hops: pl.DataFrame
) -> pl.DataFrame:
    """`REBUTTAL_SCHEMA` per rumour (key: its cluster as text) for the answer the cell linked;
    worked out on read, so a link counts at once, without waiting for the next run.

    `arrivals`, `answers`: the stored rumour spread; `hops`: the directives' arrivals in every
    group (the spread snapshot's hops)."""
    copies = linked_answer_copies(rumours, hops.select("key", "group_id", "first_ts"), answers)
    return rebuttal_coverage(arrivals, copies)


def _answer_words(lang: str) -> pl.Expr:
    directive = pl.format(t("spread_answer_directive", lang, id="{}"), "answer_directive_id")
    return (
        pl.when(pl.col("answer_directive_id").is_not_null())
        .then(directive)
        .when(pl.col("answer_cluster").is_not_null())
        .then(pl.lit(t("spread_answer_police", lang)))
        .otherwise(pl.lit(t("spread_answer_none", lang)))
    )


def _hours(column: str) -> pl.Expr:
    return (pl.col(column).dt.total_seconds() / 3600).round(1)


def rumours_table(
    rumours: pl.DataFrame, coverage: pl.DataFrame, shown: pl.DataFrame, lang: str
) -> pl.DataFrame:
    """One row per rumour, newest first: first seen (IST) and where (`shown_group_names`),
    groups and districts reached (state-wide), the cell's verdict and answer, and rebuttal
    coverage: the share of its groups the answer reached, the hours from first sighting to the
    answer's first post, and the median hours from its arrival in a group to the answer's."""
    verdicts = {v: t(f"spread_verdict_{v}", lang) for v in VERDICTS}
    return (
        rumours.with_columns(key=pl.col("cluster").cast(pl.String))
        .join(coverage, on="key", how="left", suffix="_answered")
        .join(shown.rename({"group_id": "first_group_id"}), on="first_group_id", how="left")
        .sort("first_ts", descending=True)
        .select(
            pl.col("first_ts").dt.strftime(_STAMP).alias(t("spread_col_first_seen", lang)),
            pl.coalesce("shown", pl.lit(t("spread_another_district", lang))).alias(
                t("spread_col_first_group", lang)
            ),
            pl.col("groups").alias(t("spread_col_groups", lang)),
            pl.col("districts").alias(t("spread_col_districts", lang)),
            pl.col("verdict")
            .replace_strict(verdicts, default=t("spread_verdict_none", lang))
            .alias(t("spread_col_verdict", lang)),
            _answer_words(lang).alias(t("spread_col_answer", lang)),
            (pl.col("coverage").fill_null(0.0) * 100)
            .round(0)
            .cast(pl.Int64)
            .alias(t("spread_col_coverage", lang)),
            _hours("first_answer_after").alias(t("spread_col_first_answer", lang)),
            _hours("median_delay").alias(t("spread_col_median_answer", lang)),
        )
    )


def rumour_curve(arrivals: pl.DataFrame, key: str) -> pl.DataFrame:
    """A rumour's spread: hours since it was first seen, and the groups it had reached by
    then, one point per group.

    >>> from datetime import datetime as dt
    >>> a = pl.DataFrame({"key": ["R"] * 3, "group_id": ["a", "b", "c"],
    ...     "first_ts": [dt(2024, 1, 1, 9), dt(2024, 1, 1, 12), dt(2024, 1, 1, 10, 30)]})
    >>> rumour_curve(a, "R").rows()
    [(0.0, 1), (1.5, 2), (3.0, 3)]
    """
    rows = arrivals.filter(pl.col("key") == key).sort("first_ts")
    since = pl.col("first_ts") - pl.col("first_ts").min()
    return rows.select(
        (since.dt.total_seconds() / 3600).cast(pl.Float64).alias("hours"),
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("groups"),
    )


def rumour_choices(rumours: pl.DataFrame, shown: pl.DataFrame, lang: str) -> dict[int, str]:
    """cluster → how the page names a rumour in a list: first seen, where, groups reached."""
    rows = (
        rumours.join(shown.rename({"group_id": "first_group_id"}), on="first_group_id", how="left")
        .sort("first_ts", descending=True)
        .select(
            "cluster",
            pl.format(
                t("spread_rumour_choice", lang, at="{}", group="{}", groups="{}"),
                pl.col("first_ts").dt.strftime(_STAMP),
                pl.coalesce("shown", pl.lit(t("spread_another_district", lang))),
                "groups",
            ).alias("label"),
        )
    )
    return dict(rows.iter_rows())


def answer_choices(
    directives: pl.DataFrame, answers: pl.DataFrame | None, lang: str
) -> dict[str, str]:
    """What the cell may link as a rumour's answer, "directive:<id>" or "cluster:<id>" →
    label: the register's directives (id and title), and the police messages that came into a
    rumour's group after it (first posted when, in how many groups).

    `directives`: key, title (`queries.spread.directive_titles`); `answers`: the stored
    police answer arrivals (None before a run stored them)."""
    register = directives.select(
        pl.format("directive:{}", "key").alias("choice"),
        pl.format(
            t("spread_answer_directive", lang, id="{}") + " · {}",
            "key",
            pl.col("title").fill_null("—"),
        ).alias("label"),
    )
    police = (
        (answers if answers is not None else pl.DataFrame(schema=ARRIVAL_SCHEMA))
        .group_by("key")
        .agg(pl.col("first_ts").min(), pl.len().alias("groups"))
        .sort("first_ts", "key")
        .select(
            pl.format("cluster:{}", "key").alias("choice"),
            pl.format(
                t("spread_answer_police_choice", lang, at="{}", groups="{}"),
                pl.col("first_ts").dt.strftime(_STAMP),
                "groups",
            ).alias("label"),
        )
    )
    return dict(pl.concat([register, police]).iter_rows())
