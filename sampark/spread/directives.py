"""Directives down the unit tree: which groups they must reach, how fast they did, where the
chain stalled, and the directives an officer posted without the register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import polars as pl

# The groups a directive travels through from the apex down (the chain); the groups it must
# reach are the state profile's choice among them (Rajasthan: circle groups; Bihar and UP:
# thana and outpost groups).
CHAIN_KINDS = ("apex", "district_staff", "division", "circle", "thana_public", "outpost_public")
# Where an officer posts a directive of his own for the units below.
SOURCE_KINDS = ("apex", "district_staff")

TARGET_SCHEMA = pl.Schema(
    [("key", pl.String()), ("group_id", pl.String()), ("unit_id", pl.String())]
)
REACH_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("issued_at", pl.Datetime("us")),
        ("targets", pl.UInt32()),
        ("reached", pl.UInt32()),
        ("share", pl.Float64()),
        ("t50", pl.Duration("us")),
        ("t90", pl.Duration("us")),
        ("t100", pl.Duration("us")),
    ]
)
"""`t50` … `t100`: time from issue until that share of the target groups had the directive
(None while it has not)."""

DELIVERY_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("group_id", pl.String()),
        ("unit_id", pl.String()),
        ("first_ts", pl.Datetime("us")),
        ("delay", pl.Duration("us")),
    ]
)


def directive_targets(
    directives: pl.DataFrame,
    groups: pl.DataFrame,
    ancestors: pl.DataFrame,
    kinds: Sequence[str],
) -> pl.DataFrame:
    """The groups each directive must reach (`TARGET_SCHEMA`): the groups of `kinds` in the
    issuing unit and below it (the whole state when the unit is None).

    `directives`: key, unit_id; `groups`: group_id, unit_id, kind; `ancestors`:
    `unit_ancestors`.
    """
    wanted = groups.filter(pl.col("kind").is_in(list(kinds))).select("group_id", "unit_id")
    keys = directives.select(pl.col("key").cast(pl.String), pl.col("unit_id").alias("scope_id"))
    everywhere = keys.filter(pl.col("scope_id").is_null()).join(wanted, how="cross")
    under = (
        keys.filter(pl.col("scope_id").is_not_null())
        .join(ancestors.select("unit_id", pl.col("ancestor_id").alias("scope_id")), on="scope_id")
        .join(wanted, on="unit_id")
    )
    return (
        pl.concat([everywhere.select(list(TARGET_SCHEMA)), under.select(list(TARGET_SCHEMA))])
        .unique(maintain_order=True)
        .cast(TARGET_SCHEMA)
        .sort("key", "group_id")
    )


def deliveries(
    directives: pl.DataFrame, targets: pl.DataFrame, arrivals: pl.DataFrame
) -> pl.DataFrame:
    """Every target group of every directive with its first arrival and the delay from issue
    (`DELIVERY_SCHEMA`; both None when it never arrived). A copy posted before the time of issue
    (allowed by `directive_copies`'s `early`) counts as a delay of zero.

    `directives`: key, issued_at; `arrivals`: `first_arrivals`.
    """
    return (
        targets.join(
            arrivals.select("key", "group_id", "first_ts"), on=["key", "group_id"], how="left"
        )
        .join(directives.select(pl.col("key").cast(pl.String), "issued_at"), on="key")
        .with_columns(
            delay=pl.max_horizontal(
                pl.col("first_ts") - pl.col("issued_at").cast(pl.Datetime("us")),
                pl.duration(microseconds=0),
            ).cast(pl.Duration("us"))
        )
        .with_columns(pl.when(pl.col("first_ts").is_not_null()).then("delay").alias("delay"))
        .select(list(DELIVERY_SCHEMA))
        .cast(DELIVERY_SCHEMA)
    )


def _quantile_time(share: float) -> pl.Expr:
    """Delay of the ⌈share × targets⌉-th target group to get it; None when fewer got it (the
    delays sorted with the never-reached last: that place then holds a None)."""
    rank = (pl.len() * share).ceil().cast(pl.Int64)
    return pl.col("delay").sort(nulls_last=True).get(pl.max_horizontal(rank, 1) - 1)


def directive_reach(directives: pl.DataFrame, delivered: pl.DataFrame) -> pl.DataFrame:
    """Per directive: target groups, how many got it, and T50 / T90 / T100 (`REACH_SCHEMA`).

    `directives`: key, issued_at; `delivered`: `deliveries`. A directive without target groups
    has no share and no times.
    """
    per = delivered.group_by("key").agg(
        pl.len().alias("targets"),
        pl.col("delay").is_not_null().sum().alias("reached"),
        _quantile_time(0.5).alias("t50"),
        _quantile_time(0.9).alias("t90"),
        _quantile_time(1.0).alias("t100"),
    )
    return (
        directives.select(
            pl.col("key").cast(pl.String), pl.col("issued_at").cast(pl.Datetime("us"))
        )
        .join(per, on="key", how="left")
        .with_columns(
            pl.col("targets").fill_null(0),
            pl.col("reached").fill_null(0),
            share=pl.when(pl.col("targets") > 0).then(pl.col("reached") / pl.col("targets")),
        )
        .select(list(REACH_SCHEMA))
        .cast(REACH_SCHEMA)
        .sort("issued_at", "key")
    )


def never_reached(delivered: pl.DataFrame) -> pl.DataFrame:
    """The target groups a directive never reached: key, group_id, unit_id."""
    return delivered.filter(pl.col("first_ts").is_null()).select("key", "group_id", "unit_id")


STALL_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("unit_id", pl.String()),
        ("kind", pl.String()),
        ("groups_never", pl.UInt32()),
        ("parent_id", pl.String()),
        ("parent_reached_at", pl.Datetime("us")),
    ]
)
"""A stalled chain: the unit whose chain groups never got the directive while the nearest
unit above it with chain groups did (`parent_id`, first had it at `parent_reached_at`; both
None when the top of the chain never got it); `groups_never`: the target groups below it,
itself included, that never got it."""


def _chain_groups(
    groups: pl.DataFrame, delivered: pl.DataFrame, chain_kinds: Sequence[str]
) -> pl.DataFrame:
    """group_id, unit_id of the groups a directive travels through (a target group is one)."""
    return groups.filter(
        pl.col("kind").is_in(list(chain_kinds))
        | pl.col("group_id").is_in(delivered["group_id"].unique().implode())
    ).select("group_id", "unit_id")


def _stall_candidates(
    directives: pl.DataFrame,
    delivered: pl.DataFrame,
    arrivals: pl.DataFrame,
    chain: pl.DataFrame,
    ancestors: pl.DataFrame,
) -> pl.DataFrame:
    """Per directive, the chain units in the issuing unit and below that lie above a target
    group that never got it: key, candidate, groups_never, reached_at (None: none of the
    unit's chain groups got it)."""
    chain_units = chain.select("unit_id").unique()
    unit_reached = (
        arrivals.join(chain, on="group_id")
        .group_by("key", "unit_id")
        .agg(pl.col("first_ts").min().alias("reached_at"))
    )
    up = (
        never_reached(delivered)
        .join(ancestors.select("unit_id", "ancestor_id"), on="unit_id")
        .select("key", "group_id", pl.col("ancestor_id").alias("candidate"))
        .join(chain_units.rename({"unit_id": "candidate"}), on="candidate")
    )
    scope = directives.select(pl.col("key").cast(pl.String), pl.col("unit_id").alias("scope_id"))
    in_scope = (
        up.join(scope, on="key")
        .join(
            ancestors.select(
                pl.col("unit_id").alias("candidate"),
                pl.col("ancestor_id").alias("scope_id"),
                pl.lit(True).alias("below_scope"),
            ),
            on=["candidate", "scope_id"],
            how="left",
        )
        .filter(pl.col("scope_id").is_null() | pl.col("below_scope").fill_null(False))
    )
    return (
        in_scope.group_by("key", "candidate")
        .agg(pl.col("group_id").n_unique().alias("groups_never"))
        .join(unit_reached.rename({"unit_id": "candidate"}), on=["key", "candidate"], how="left")
    )


def _reached_parents(
    candidates: pl.DataFrame, chain: pl.DataFrame, ancestors: pl.DataFrame
) -> pl.DataFrame:
    """For each candidate that never got it, its nearest chain unit above (`parent_id`) and
    when that one had it (`parent_reached_at`), where that parent is a candidate too."""
    chain_units = chain.select(pl.col("unit_id").alias("ancestor_id")).unique()
    # Each chain unit's nearest chain unit above it: the same for every directive, so found
    # once per unit rather than once per directive.
    chain_parent = (
        ancestors.filter(pl.col("steps") > 0)
        .join(chain_units, on="ancestor_id")
        .group_by("unit_id")
        .agg(pl.col("ancestor_id").sort_by("steps").first().alias("parent_id"))
        .rename({"unit_id": "candidate"})
    )
    return (
        candidates.filter(pl.col("reached_at").is_null())
        .select("key", "candidate")
        .join(chain_parent, on="candidate")
        .join(
            candidates.select(
                "key",
                pl.col("candidate").alias("parent_id"),
                pl.col("reached_at").alias("parent_reached_at"),
            ),
            on=["key", "parent_id"],
        )
    )


def stalled_units(
    directives: pl.DataFrame,
    delivered: pl.DataFrame,
    arrivals: pl.DataFrame,
    groups: pl.DataFrame,
    ancestors: pl.DataFrame,
    *,
    chain_kinds: Sequence[str] = CHAIN_KINDS,
) -> pl.DataFrame:
    """Where each directive's chain stalled (`STALL_SCHEMA`), one row per stalled unit.

    Units without a chain group of their own (a range, a zone) pass the directive through and
    are never named; a unit some of whose chain groups got it is not stalled (its groups that
    did not are in `never_reached`). Only units in the issuing unit and below count.

    `directives`: key, unit_id (None: the state); `delivered`: `deliveries`; `arrivals`:
    `first_arrivals`; `groups`: group_id, unit_id, kind; `ancestors`: `unit_ancestors`;
    `chain_kinds`: the profile's chain (`SpreadRules.chain`).
    """
    chain = _chain_groups(groups, delivered, chain_kinds)
    candidates = _stall_candidates(directives, delivered, arrivals, chain, ancestors)
    parents = _reached_parents(candidates, chain, ancestors)
    kinds = ancestors.filter(pl.col("steps") == 0).select(
        pl.col("unit_id").alias("candidate"), pl.col("ancestor_kind").alias("kind")
    )
    # Stalled: never had it, while its nearest chain unit above did (or it is the top).
    return (
        candidates.filter(pl.col("reached_at").is_null())
        .join(parents, on=["key", "candidate"], how="left")
        .filter(pl.col("parent_id").is_null() | pl.col("parent_reached_at").is_not_null())
        .join(kinds, on="candidate", how="left")
        .select(
            "key",
            pl.col("candidate").alias("unit_id"),
            "kind",
            "groups_never",
            "parent_id",
            "parent_reached_at",
        )
        .cast(STALL_SCHEMA)
        .sort("key", "unit_id")
    )


UNIT_REACH_SCHEMA = pl.Schema(
    [
        ("unit_id", pl.String()),
        ("directives", pl.UInt32()),
        ("due", pl.UInt32()),
        ("within", pl.UInt32()),
        ("share_within", pl.Float64()),
        ("never", pl.UInt32()),
        ("median_delay", pl.Duration("us")),
    ]
)
"""Per unit: `due` deliveries (a directive and a target group in the unit or below it),
`within` those that arrived in time, their share, `never` those that never arrived, and the
median delay of those that arrived."""


def reach_by_unit(
    delivered: pl.DataFrame,
    ancestors: pl.DataFrame,
    level: str,
    *,
    within: timedelta = timedelta(hours=24),
) -> pl.DataFrame:
    """Per unit of kind `level` (`UNIT_REACH_SCHEMA`), for the league table, the drill-down
    and the brief: share of deliveries within `within` (24 h by default) and median delay.

    `delivered`: `deliveries`; `ancestors`: `unit_ancestors`.
    """
    at_level = ancestors.filter(pl.col("ancestor_kind") == level).select(
        "unit_id", pl.col("ancestor_id").alias("scope_id")
    )
    return (
        delivered.join(at_level, on="unit_id")
        .group_by("scope_id")
        .agg(
            pl.col("key").n_unique().alias("directives"),
            pl.len().alias("due"),
            (pl.col("delay") <= within).sum().alias("within"),
            pl.col("delay").is_null().sum().alias("never"),
            pl.col("delay").median().alias("median_delay"),
        )
        .with_columns(share_within=pl.col("within") / pl.col("due"))
        .rename({"scope_id": "unit_id"})
        .select(list(UNIT_REACH_SCHEMA))
        .cast(UNIT_REACH_SCHEMA)
        .sort("unit_id")
    )
