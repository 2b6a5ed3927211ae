"""Directives found without the register: first posted by an officer in an apex or staff
group, later seen in the groups of units below it."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from sampark.spread.directives import SOURCE_KINDS
from sampark.spread.standing import forwarded_clusters

FOUND_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("cluster", pl.Int64()),
        ("issued_at", pl.Datetime("us")),
        ("unit_id", pl.String()),
        ("group_id", pl.String()),
        ("groups_below", pl.UInt32()),
    ]
)
"""`key` "found:<cluster>"; `issued_at`, `group_id`: the first post; `unit_id`: its group's
unit, the directive's scope; `groups_below`: groups of units below it that had it later."""


def _unregistered_posts(
    clusters: pl.DataFrame, messages: pl.DataFrame, groups: pl.DataFrame
) -> pl.DataFrame:
    """The chat messages of clusters holding no register row: message_id, cluster, group_id,
    ts, is_officer, unit_id, group_kind."""
    registered = clusters.filter(pl.col("message_id") < 0).select("cluster").unique()
    return (
        clusters.filter(pl.col("message_id") >= 0)
        .join(registered, on="cluster", how="anti")
        .select("message_id", "cluster")
        .join(messages.select("message_id", "group_id", "ts", "is_officer"), on="message_id")
        .join(
            groups.select("group_id", "unit_id", pl.col("kind").alias("group_kind")), on="group_id"
        )
    )


def _first_officer_posts(posts: pl.DataFrame, source_kinds: Sequence[str]) -> pl.DataFrame:
    """Clusters first posted by an officer in a source group: cluster, issued_at, source_unit,
    source_group."""
    return (
        posts.sort("cluster", "ts", "message_id")
        .unique("cluster", keep="first", maintain_order=True)
        .filter(
            pl.col("is_officer").fill_null(False) & pl.col("group_kind").is_in(list(source_kinds))
        )
        .select(
            "cluster",
            pl.col("ts").alias("issued_at"),
            pl.col("unit_id").alias("source_unit"),
            pl.col("group_id").alias("source_group"),
        )
    )


def _groups_below(
    posts: pl.DataFrame, first: pl.DataFrame, ancestors: pl.DataFrame
) -> pl.DataFrame:
    """cluster, groups_below: the groups of units below the source unit that had it later;
    groups_after: every group other than the source that had it later."""
    later = posts.join(first, on="cluster").filter(pl.col("ts") > pl.col("issued_at"))
    below = later.join(
        ancestors.filter(pl.col("steps") > 0).select(
            "unit_id", pl.col("ancestor_id").alias("source_unit")
        ),
        on=["unit_id", "source_unit"],
    )
    return (
        below.group_by("cluster")
        .agg(pl.col("group_id").n_unique().alias("groups_below"))
        .join(
            later.filter(pl.col("group_id") != pl.col("source_group"))
            .group_by("cluster")
            .agg(pl.col("group_id").n_unique().alias("groups_after")),
            on="cluster",
        )
    )


def directives_without_register(
    clusters: pl.DataFrame,
    messages: pl.DataFrame,
    groups: pl.DataFrame,
    ancestors: pl.DataFrame,
    *,
    source_kinds: Sequence[str] = SOURCE_KINDS,
    min_groups_below: int = 2,
) -> pl.DataFrame:
    """Clusters that look like a directive nobody registered (`FOUND_SCHEMA`).

    `clusters`: `near_duplicate_clusters` (a cluster holding a register's directive, a row
    with a negative message_id, is left out: it has its register row); `messages`:
    message_id, group_id, ts, is_officer (the sender is a police officer: the caller's rank
    rule); `groups`: group_id, unit_id, kind; `ancestors`: `unit_ancestors`.
    """
    posts = _unregistered_posts(clusters, messages, groups)
    # A notice the officers post again and again is standing, not a new order.
    first = _first_officer_posts(posts, source_kinds).join(forwarded_clusters(posts), on="cluster")
    return (
        first.join(_groups_below(posts, first, ancestors), on="cluster")
        # An order travels down its own chain: a text most of whose groups lie outside the
        # source unit is a common text an officer happened to post first, not his order.
        .filter(
            (pl.col("groups_below") >= min_groups_below)
            & (2 * pl.col("groups_below") >= pl.col("groups_after"))
        )
        .select(
            pl.format("found:{}", "cluster").alias("key"),
            "cluster",
            "issued_at",
            pl.col("source_unit").alias("unit_id"),
            pl.col("source_group").alias("group_id"),
            "groups_below",
        )
        .cast(FOUND_SCHEMA)
        .sort("issued_at", "cluster")
    )
