"""Broadcasts: a text seen in many groups is a notice to the public, not a conversation, and
is the one kind of message text kept, so the cell can read it and answer it."""

from __future__ import annotations

import polars as pl

# Seen in this many groups, a message is a broadcast (the README's exception to "message
# text is never stored").
BROADCAST_GROUPS = 5

KEEP_SCHEMA = pl.Schema(
    [("cluster", pl.Int64()), ("message_id", pl.Int64()), ("groups", pl.UInt32())]
)


def broadcast_texts_to_keep(
    clusters: pl.DataFrame,
    messages: pl.DataFrame,
    kept: pl.Series,
    *,
    min_groups: int = BROADCAST_GROUPS,
) -> pl.DataFrame:
    """For each cluster seen in ≥ `min_groups` groups whose text is not kept yet, the message
    whose text to keep (`KEEP_SCHEMA`): the earliest among those whose text is at hand.

    Text is held only while its file loads, so a cluster turns broadcast in the load that
    brings its `min_groups`-th group; that load's copy is kept, the earlier copies' texts are
    already gone. `clusters`: `near_duplicate_clusters`; `messages`: message_id, group_id, ts,
    has_text (its text is in this load); `kept`: clusters whose text is already stored.
    """
    placed = (
        clusters.filter(pl.col("message_id") >= 0)
        .select("message_id", "cluster")
        .join(messages.select("message_id", "group_id", "ts", "has_text"), on="message_id")
    )
    wide = (
        placed.group_by("cluster")
        .agg(pl.col("group_id").n_unique().alias("groups"))
        .filter(pl.col("groups") >= min_groups)
        .filter(~pl.col("cluster").is_in(kept.implode()))
    )
    return (
        placed.filter(pl.col("has_text"))
        .join(wide, on="cluster")
        .sort("cluster", "ts", "message_id")
        .unique("cluster", keep="first", maintain_order=True)
        .select(list(KEEP_SCHEMA))
        .cast(KEEP_SCHEMA)
    )
