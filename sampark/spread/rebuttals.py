"""What rebuttal coverage is worked out from: the first arrival of each rumour in every group,
the first arrival of each police message cluster that could answer one, and the copies of the
answer the cell linked to each rumour.

The arrivals are stored after each run (clustering every print again on a page view would cost
the run's matching time per click); the coverage is worked out when read, because the cell may
link an answer at any time between runs and its figure must follow at once."""

from __future__ import annotations

import polars as pl

from sampark.spread.arrivals import ARRIVAL_SCHEMA, first_arrivals

ANSWER_COPY_SCHEMA = pl.Schema(
    [("key", pl.String()), ("group_id", pl.String()), ("ts", pl.Datetime("us"))]
)
"""A copy of the answer linked to the rumour `key` (its cluster as text), in a group."""


def _posts(clusters: pl.DataFrame, messages: pl.DataFrame) -> pl.DataFrame:
    return (
        clusters.filter(pl.col("message_id") >= 0)
        .select("message_id", "cluster")
        .join(messages.select("message_id", "group_id", "ts", "is_police"), on="message_id")
        .with_columns(key=pl.col("cluster").cast(pl.String))
    )


def rumour_arrivals(
    clusters: pl.DataFrame, messages: pl.DataFrame, rumours: pl.DataFrame
) -> pl.DataFrame:
    """The first arrival of each rumour in every group it reached (`ARRIVAL_SCHEMA`, `key` the
    rumour's cluster as text).

    `clusters`: `near_duplicate_clusters`; `messages`: message_id, group_id, ts, is_police;
    `rumours`: `rumour_clusters` (its `cluster`).
    """
    posts = _posts(clusters, messages).join(rumours.select("cluster"), on="cluster", how="semi")
    return first_arrivals(posts.select("key", "group_id", "ts"))


def police_answer_arrivals(
    clusters: pl.DataFrame, messages: pl.DataFrame, rumours: pl.DataFrame
) -> pl.DataFrame:
    """The first arrival in every group of each cluster a police officer posted first that came
    into a group a rumour had reached, after it had (`ARRIVAL_SCHEMA`): the police messages the
    cell may link as a rumour's answer. A rumour's own cluster is never one, nor a directive of
    the register (the cell links that as the directive)."""
    registered = clusters.filter(pl.col("message_id") < 0).select("cluster")
    posts = (
        _posts(clusters, messages)
        .join(rumours.select("cluster"), on="cluster", how="anti")
        .join(registered, on="cluster", how="anti")
    )
    police_first = (
        posts.sort("cluster", "ts", "message_id")
        .unique("cluster", keep="first", maintain_order=True)
        .filter(pl.col("is_police").fill_null(False))
        .select("cluster")
    )
    arrivals = first_arrivals(
        posts.join(police_first, on="cluster", how="semi").select("key", "group_id", "ts")
    )
    after_rumour = (
        arrivals.join(
            rumour_arrivals(clusters, messages, rumours).select(
                "group_id", pl.col("first_ts").alias("rumour_ts")
            ),
            on="group_id",
        )
        .filter(pl.col("first_ts") >= pl.col("rumour_ts"))
        .select("key")
        .unique()
    )
    return arrivals.join(after_rumour, on="key", how="semi").cast(ARRIVAL_SCHEMA)


def linked_answer_copies(
    rumours: pl.DataFrame, directive_arrivals: pl.DataFrame, answer_arrivals: pl.DataFrame
) -> pl.DataFrame:
    """The copies of the answer the cell linked to each rumour (`ANSWER_COPY_SCHEMA`): the
    groups and times a linked directive arrived in, or a linked police cluster.

    `rumours`: cluster, answer_directive_id, answer_cluster (the stored rumours);
    `directive_arrivals`: key (directive id), group_id, first_ts (every group it reached: the
    snapshot's hops); `answer_arrivals`: `police_answer_arrivals`.
    """
    links = rumours.select(
        pl.col("cluster").cast(pl.String).alias("rumour"),
        pl.col("answer_directive_id").cast(pl.String).alias("directive"),
        pl.col("answer_cluster").cast(pl.String).alias("answer"),
    )
    by_directive = links.join(
        directive_arrivals.select(pl.col("key").alias("directive"), "group_id", "first_ts"),
        on="directive",
    )
    by_cluster = links.join(
        answer_arrivals.select(pl.col("key").alias("answer"), "group_id", "first_ts"),
        on="answer",
    )
    return (
        pl.concat(
            [
                frame.select(pl.col("rumour").alias("key"), "group_id", pl.col("first_ts"))
                for frame in (by_directive, by_cluster)
            ]
        )
        .rename({"first_ts": "ts"})
        .cast(ANSWER_COPY_SCHEMA)
    )
