"""The drill-down: state → range → district → circle → thana → group, as one tree. Pure.

Units carry their coverage (members counted once per unit, required groups at their minimum);
groups carry their size against their kind's minimum. A group hangs under the deepest of its
unit's ancestors on the way (an outpost's group under its thana, a police centre's under its
district, a division's under the state).
"""

from __future__ import annotations

import polars as pl

from sampark.metrics.coverage.totals import (
    LEVELS,
    Network,
    coverage_by_level,
    group_sizes,
    unit_lineage,
)
from sampark.targets import Profile


def group_table(net: Network, profile: Profile) -> pl.DataFrame:
    """Every group: group_id, name, kind, unit_id, members, minimum, need, compliant."""
    return (
        group_sizes(net)
        .with_columns(
            pl.col("kind")
            .replace_strict(profile.min_members, default=0, return_dtype=pl.Int64)
            .alias("minimum")
        )
        .with_columns(
            (pl.col("minimum") - pl.col("members")).clip(lower_bound=0).alias("need"),
            (pl.col("members") >= pl.col("minimum")).alias("compliant"),
        )
        .select("group_id", "name", "kind", "unit_id", "members", "minimum", "need", "compliant")
        .sort("unit_id", "group_id")
    )


def _deepest(columns: list[str]) -> pl.Expr:
    return pl.coalesce([pl.col(c) for c in reversed(columns)])


def drill_tree(net: Network, profile: Profile) -> pl.DataFrame:
    """Nodes of the tree: id, parent (null at the top), level, name, name_hi, members, value
    (group sizes; 0 on units, which sum their children), compliance (0–1, null: nothing
    required) and the counts behind it (part, whole). On a `scoped` network the scope unit is
    the top: its ancestors are not in the network."""
    lineage = unit_lineage(net.units)
    unit_rows = []
    for depth, level in enumerate(LEVELS):
        table = coverage_by_level(net, profile, level)
        parents = lineage.select(
            pl.col("unit_id"),
            (_deepest([f"{lv}_id" for lv in LEVELS[:depth]]) if depth else pl.lit(None))
            .cast(pl.String)
            .alias("parent"),
        )
        unit_rows.append(
            table.join(parents, on="unit_id").select(
                pl.col("unit_id").alias("id"),
                "parent",
                pl.lit(level).alias("level"),
                "name",
                "name_hi",
                "members",
                pl.lit(0, dtype=pl.Int64).alias("value"),
                pl.col("groups_compliant").alias("part"),
                pl.col("groups_required").alias("whole"),
            )
        )
    groups = (
        group_table(net, profile)
        .join(lineage, on="unit_id")
        .select(
            pl.col("group_id").alias("id"),
            _deepest([f"{lv}_id" for lv in LEVELS]).alias("parent"),
            pl.lit("group").alias("level"),
            "name",
            pl.col("name").alias("name_hi"),
            "members",
            pl.col("members").alias("value"),
            pl.col("members").alias("part"),
            pl.col("minimum").alias("whole"),
        )
    )
    return pl.concat([*unit_rows, groups]).with_columns(
        pl.when(pl.col("whole") > 0)
        .then((pl.col("part") / pl.col("whole")).clip(upper_bound=1.0))
        .otherwise(None)
        .alias("compliance")
    )
