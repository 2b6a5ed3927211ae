"""The unit tree as pairs: every unit with each of its ancestors, itself included."""

from __future__ import annotations

import polars as pl

# The tree is seven levels deep (state → zone → range → district → circle → thana → outpost);
# a walk stops past this many steps, so a cycle of parents cannot loop for ever.
MAX_STEPS = 12

ANCESTOR_SCHEMA = pl.Schema(
    [
        ("unit_id", pl.String()),
        ("ancestor_id", pl.String()),
        ("ancestor_kind", pl.String()),
        ("steps", pl.Int32()),
    ]
)


def unit_ancestors(units: pl.DataFrame) -> pl.DataFrame:
    """One row per unit and ancestor (`steps` 0 is the unit itself, 1 its parent, …).

    `units`: unit_id, kind, parent_id.

    >>> u = pl.DataFrame({"unit_id": ["S", "D", "C"], "kind": ["state", "district", "circle"],
    ...                   "parent_id": [None, "S", "D"]})
    >>> unit_ancestors(u).filter(pl.col("unit_id") == "C")["ancestor_id"].to_list()
    ['C', 'D', 'S']
    """
    kinds = units.select(
        pl.col("unit_id").alias("ancestor_id"), pl.col("kind").alias("ancestor_kind")
    )
    parents = units.select(
        pl.col("unit_id").alias("ancestor_id"), pl.col("parent_id").alias("next_id")
    )
    level = units.select(
        "unit_id", pl.col("unit_id").alias("ancestor_id"), pl.lit(0, pl.Int32).alias("steps")
    )
    found = [level]
    for step in range(1, MAX_STEPS + 1):
        level = (
            level.join(parents, on="ancestor_id")
            .filter(pl.col("next_id").is_not_null() & (pl.col("next_id") != pl.col("unit_id")))
            .select(
                "unit_id",
                pl.col("next_id").alias("ancestor_id"),
                pl.lit(step, pl.Int32).alias("steps"),
            )
        )
        if level.height == 0:
            break
        found.append(level)
    return (
        pl.concat(found)
        .unique(["unit_id", "ancestor_id"], keep="first", maintain_order=True)
        .join(kinds, on="ancestor_id", how="left")
        .select(list(ANCESTOR_SCHEMA))
        .cast(ANCESTOR_SCHEMA)
    )


# A district's staff group sits on the district's police centre (the SP's office) in the units
# sheet; for a directive it is the district's own group, one step above its circles.
SPEAKS_FOR_PARENT = ("police_centre",)


def groups_on_command_units(groups: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """`groups` (group_id, unit_id, …) with a police centre's groups moved to its district, so
    that the chain down the tree (district → circle → thana) passes through them.

    >>> u = pl.DataFrame({"unit_id": ["D", "D-PC"], "kind": ["district", "police_centre"],
    ...                   "parent_id": [None, "D"]})
    >>> g = pl.DataFrame({"group_id": ["gS"], "unit_id": ["D-PC"]})
    >>> groups_on_command_units(g, u)["unit_id"].to_list()
    ['D']
    """
    moved = units.filter(pl.col("kind").is_in(list(SPEAKS_FOR_PARENT))).select(
        "unit_id", pl.col("parent_id").alias("command_id")
    )
    return (
        groups.join(moved, on="unit_id", how="left")
        .with_columns(pl.coalesce("command_id", "unit_id").alias("unit_id"))
        .drop("command_id")
    )
