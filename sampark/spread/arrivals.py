"""First arrivals of a text in each group, and the hop each arrival came by."""

from __future__ import annotations

import polars as pl

ARRIVAL_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("group_id", pl.String()),
        ("first_ts", pl.Datetime("us")),
        ("copies", pl.UInt32()),
    ]
)
"""`key`: what arrived (a directive's id, a cluster's id as text); `copies`: messages of it in
the group."""

HOP_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("group_id", pl.String()),
        ("first_ts", pl.Datetime("us")),
        ("from_group_id", pl.String()),
        ("from_ts", pl.Datetime("us")),
    ]
)


def first_arrivals(copies: pl.DataFrame) -> pl.DataFrame:
    """Per key and group, the first copy's time (`ARRIVAL_SCHEMA`).

    `copies`: key, group_id, ts (one row per message that is a copy of the key's text).
    """
    return (
        copies.filter(pl.col("group_id").is_not_null())
        .group_by("key", "group_id")
        .agg(pl.col("ts").min().alias("first_ts"), pl.len().alias("copies"))
        .sort("key", "first_ts", "group_id")
        .cast(ARRIVAL_SCHEMA)
        .select(list(ARRIVAL_SCHEMA))
    )


def arrival_hops(
    arrivals: pl.DataFrame, groups: pl.DataFrame, ancestors: pl.DataFrame
) -> pl.DataFrame:
    """Each arrival with the group it came from (`HOP_SCHEMA`): by time order down the unit
    tree, the group of the unit itself or of a unit above it that had the text last before
    this group did (a group of a unit above wins a tie of the same minute; the nearer unit
    wins between two of the same time). None: no group above had it earlier, so it came
    from outside the tree (the issuing office, or a sibling group).

    `arrivals`: `first_arrivals`; `groups`: group_id, unit_id; `ancestors`: `unit_ancestors`.
    """
    placed = arrivals.join(groups.select("group_id", "unit_id"), on="group_id")
    above = placed.join(ancestors.select("unit_id", "ancestor_id", "steps"), on="unit_id")
    sources = placed.select(
        "key",
        pl.col("unit_id").alias("ancestor_id"),
        pl.col("group_id").alias("from_group_id"),
        pl.col("first_ts").alias("from_ts"),
    )
    came = (
        above.join(sources, on=["key", "ancestor_id"])
        .filter(
            (pl.col("from_group_id") != pl.col("group_id"))
            & (
                (pl.col("from_ts") < pl.col("first_ts"))
                | ((pl.col("from_ts") == pl.col("first_ts")) & (pl.col("steps") > 0))
            )
        )
        .sort(
            ["key", "group_id", "from_ts", "steps", "from_group_id"],
            descending=[False, False, True, False, False],
        )
        .unique(["key", "group_id"], keep="first", maintain_order=True)
        .select("key", "group_id", "from_group_id", "from_ts")
    )
    return (
        arrivals.join(came, on=["key", "group_id"], how="left")
        .select(list(HOP_SCHEMA))
        .cast(HOP_SCHEMA)
        .sort("key", "first_ts", "group_id")
    )
