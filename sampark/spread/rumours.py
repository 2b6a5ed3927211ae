"""Rumours across the groups: clusters first sent by someone outside the police that cross
many groups and districts fast, how they spread, and how far the police answer followed."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from sampark.spread.standing import MAX_DAYS_PER_GROUP, forwarded_clusters

RUMOUR_SCHEMA = pl.Schema(
    [
        ("cluster", pl.Int64()),
        ("first_ts", pl.Datetime("us")),
        ("first_group_id", pl.String()),
        ("groups_in_window", pl.UInt32()),
        ("districts_in_window", pl.UInt32()),
        ("groups", pl.UInt32()),
        ("districts", pl.UInt32()),
        ("last_ts", pl.Datetime("us")),
    ]
)
"""A rumour: first seen (group, time), the groups and districts it reached within the window
from then, and in all until `last_ts`."""


def group_districts(groups: pl.DataFrame, ancestors: pl.DataFrame) -> pl.DataFrame:
    """group_id, district_id (None for a group above the districts: the apex, a range)."""
    district = ancestors.filter(pl.col("ancestor_kind") == "district").select(
        "unit_id", pl.col("ancestor_id").alias("district_id")
    )
    return (
        groups.select("group_id", "unit_id")
        .join(district, on="unit_id", how="left")
        .select("group_id", "district_id")
    )


def _first_posts_not_by_police(posts: pl.DataFrame, clusters: pl.DataFrame) -> pl.DataFrame:
    """cluster, first_ts, first_group_id of each unregistered cluster whose first post is not
    by the police."""
    # A text the PHQ's register holds is a directive, whoever forwarded it first: a volunteer
    # or a staff member missing from the staff sheet passing an order on starts no rumour.
    registered = clusters.filter(pl.col("message_id") < 0).select("cluster").unique()
    return (
        posts.join(registered, on="cluster", how="anti")
        .sort("cluster", "ts", "message_id")
        .unique("cluster", keep="first", maintain_order=True)
        .filter(pl.col("is_police").fill_null(False).not_())
        .select(
            "cluster", pl.col("ts").alias("first_ts"), pl.col("group_id").alias("first_group_id")
        )
    )


def rumour_clusters(
    clusters: pl.DataFrame,
    messages: pl.DataFrame,
    districts: pl.DataFrame,
    *,
    min_groups: int = 5,
    min_districts: int = 2,
    window: timedelta = timedelta(hours=24),
    max_days_per_group: float = MAX_DAYS_PER_GROUP,
) -> pl.DataFrame:
    """Clusters whose first sender is not police, seen in ≥ `min_groups` groups across
    ≥ `min_districts` districts within `window` of the first message (`RUMOUR_SCHEMA`), and
    forwarded, not standing (`standing.forwarded_clusters`).

    `clusters`: `near_duplicate_clusters` (register rows, negative message_id: a cluster
    holding one is a registered directive, never a rumour);
    `messages`: message_id, group_id, ts, is_police (None: sender unknown, not police);
    `districts`: `group_districts`.
    """
    posts = (
        clusters.filter(pl.col("message_id") >= 0)
        .select("message_id", "cluster")
        .join(messages.select("message_id", "group_id", "ts", "is_police"), on="message_id")
        .join(districts, on="group_id", how="left")
    )
    first = _first_posts_not_by_police(posts, clusters)
    early = pl.col("ts") <= pl.col("first_ts") + window
    return (
        posts.join(first, on="cluster")
        .join(forwarded_clusters(posts, max_days_per_group), on="cluster")
        .group_by("cluster", "first_ts", "first_group_id")
        .agg(
            pl.col("group_id").filter(early).n_unique().alias("groups_in_window"),
            pl.col("district_id")
            .filter(early)
            .drop_nulls()
            .n_unique()
            .alias("districts_in_window"),
            pl.col("group_id").n_unique().alias("groups"),
            pl.col("district_id").drop_nulls().n_unique().alias("districts"),
            pl.col("ts").max().alias("last_ts"),
        )
        .filter(
            (pl.col("groups_in_window") >= min_groups)
            & (pl.col("districts_in_window") >= min_districts)
        )
        .select(list(RUMOUR_SCHEMA))
        .cast(RUMOUR_SCHEMA)
        .sort("first_ts", "cluster")
    )


SPREAD_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("ts", pl.Datetime("us")),
        ("groups", pl.UInt32()),
        ("districts", pl.UInt32()),
    ]
)
"""The groups and districts a text had reached by the end of each step that added one."""


def spread_over_time(
    arrivals: pl.DataFrame, districts: pl.DataFrame, every: str = "1h"
) -> pl.DataFrame:
    """Per key, the groups and districts reached so far at each step of `every` (a polars
    duration: "15m", "1h", "1d") in which it reached a new one (`SPREAD_SCHEMA`; `ts` is the
    step's start).

    `arrivals`: `first_arrivals`; `districts`: `group_districts`.
    """
    placed = arrivals.join(districts, on="group_id", how="left").with_columns(
        step=pl.col("first_ts").dt.truncate(every)
    )
    new_groups = placed.group_by("key", "step").agg(pl.len().alias("new_groups"))
    new_districts = (
        placed.filter(pl.col("district_id").is_not_null())
        .group_by("key", "district_id")
        .agg(pl.col("step").min())
        .group_by("key", "step")
        .agg(pl.len().alias("new_districts"))
    )
    return (
        new_groups.join(new_districts, on=["key", "step"], how="left")
        .sort("key", "step")
        .select(
            "key",
            pl.col("step").alias("ts"),
            pl.col("new_groups").cum_sum().over("key").alias("groups"),
            pl.col("new_districts").fill_null(0).cum_sum().over("key").alias("districts"),
        )
        .cast(SPREAD_SCHEMA)
    )


REBUTTAL_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("groups", pl.UInt32()),
        ("answered", pl.UInt32()),
        ("coverage", pl.Float64()),
        ("first_answer_after", pl.Duration("us")),
        ("median_delay", pl.Duration("us")),
        ("max_delay", pl.Duration("us")),
    ]
)
"""Rebuttal coverage of a rumour: of the `groups` it reached, how many got the answer
(`answered`, `coverage` their share); the time from the rumour's first sighting to the
answer's first post anywhere; and, per group answered, the time from the rumour's arrival there
to the answer's (zero when the answer was there first), its median and maximum."""


def rebuttal_coverage(rumour_arrivals: pl.DataFrame, answer_copies: pl.DataFrame) -> pl.DataFrame:
    """Per rumour, how far and how fast the answer followed it (`REBUTTAL_SCHEMA`).

    `rumour_arrivals`: `first_arrivals` of the rumours (key, group_id, first_ts);
    `answer_copies`: key (the rumour it answers), group_id, ts: the messages of the answer (a
    directive's copies, or a police message's cluster), linked by the cell. Only answers posted
    after the rumour was first seen count; a rumour without an answer has coverage zero.
    """
    seen = rumour_arrivals.group_by("key").agg(pl.col("first_ts").min().alias("seen_at"))
    answers = (
        answer_copies.select("key", "group_id", "ts")
        .join(seen, on="key")
        .filter(pl.col("ts") >= pl.col("seen_at"))
    )
    first_answer = answers.group_by("key").agg(
        (pl.col("ts").min() - pl.col("seen_at").first()).alias("first_answer_after")
    )
    per_group = (
        rumour_arrivals.select("key", "group_id", "first_ts")
        .join(
            answers.group_by("key", "group_id").agg(pl.col("ts").min().alias("answered_at")),
            on=["key", "group_id"],
            how="left",
        )
        .with_columns(
            delay=pl.when(pl.col("answered_at").is_not_null()).then(
                pl.max_horizontal(
                    pl.col("answered_at") - pl.col("first_ts"), pl.duration(microseconds=0)
                )
            )
        )
    )
    return (
        per_group.group_by("key")
        .agg(
            pl.len().alias("groups"),
            pl.col("answered_at").is_not_null().sum().alias("answered"),
            pl.col("delay").median().alias("median_delay"),
            pl.col("delay").max().alias("max_delay"),
        )
        .with_columns(coverage=pl.col("answered") / pl.col("groups"))
        .join(first_answer, on="key", how="left")
        .select(list(REBUTTAL_SCHEMA))
        .cast(REBUTTAL_SCHEMA)
        .sort("key")
    )
