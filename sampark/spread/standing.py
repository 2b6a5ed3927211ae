"""Forwarded texts and standing texts: a forward reaches a group once, or again within a day
or two when several members pass it on; a standing text (a daily greeting, a notice posted
every week, a complaint template) is posted in the same groups day after day. However many
groups and districts a standing text is seen in, it is neither a rumour nor a new directive."""

from __future__ import annotations

import polars as pl

# Days with a copy in a group (the mean over the groups it reached) above which a text is
# standing rather than forwarded. The mean, not the median: a template a few busy groups post
# day after day is standing although most groups saw it once or twice.
MAX_DAYS_PER_GROUP = 2.0


def forwarded_clusters(
    posts: pl.DataFrame, max_days_per_group: float = MAX_DAYS_PER_GROUP
) -> pl.DataFrame:
    """cluster of every cluster in `posts` (cluster, group_id, ts) that is forwarded: the
    mean over its groups of the days on which it was posted there is at most
    `max_days_per_group`.

    >>> from datetime import datetime as t
    >>> posts = pl.DataFrame({"cluster": [1, 1, 1, 2, 2],
    ...     "group_id": ["a", "a", "a", "a", "b"],
    ...     "ts": [t(2026, 3, 1), t(2026, 3, 8), t(2026, 3, 15), t(2026, 3, 1), t(2026, 3, 1)]})
    >>> forwarded_clusters(posts)["cluster"].to_list()
    [2]
    """
    return (
        posts.group_by("cluster", "group_id")
        .agg(pl.col("ts").dt.date().n_unique().alias("days"))
        .group_by("cluster")
        .agg(pl.col("days").mean().alias("days"))
        .filter(pl.col("days") <= max_days_per_group)
        .select("cluster")
        .sort("cluster")
    )
