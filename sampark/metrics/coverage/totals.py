"""Coverage against targets: members, groups, compliant groups and staff, at every level.

Pure: frames in, frames out. A person is counted once per unit however many of the unit's
groups they are in.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sampark.memo import by_frame
from sampark.targets import Profile

LEVELS: tuple[str, ...] = ("state", "range", "district", "circle", "thana")


@dataclass(frozen=True)
class Network:
    """What coverage is computed from; each frame as `sampark.queries` returns it."""

    units: pl.DataFrame  # unit_id, kind, name, name_hi, parent_id
    groups: pl.DataFrame  # group_id, unit_id, kind, name
    members: pl.DataFrame  # open memberships: group_id, person_id, is_admin
    staff: pl.DataFrame  # staff_id, unit_id, person_id, rank
    blocklist: pl.DataFrame  # person_id, reason


@by_frame()
def unit_lineage(units: pl.DataFrame) -> pl.DataFrame:
    """Per unit, its ancestor of each level (itself included): `state_id` … `thana_id`.

    >>> u = pl.DataFrame({"unit_id": ["S", "R", "D"], "kind": ["state", "range", "district"],
    ...                   "parent_id": [None, "S", "R"]})
    >>> unit_lineage(u).filter(pl.col("unit_id") == "D").row(0)
    ('D', 'S', 'R', 'D', None, None)
    """
    parents = units.select(
        pl.col("unit_id").alias("node"),
        pl.col("kind").alias("node_kind"),
        pl.col("parent_id").alias("next"),
    )
    walk = units.select("unit_id", pl.col("unit_id").alias("node")).with_columns(
        pl.lit(None, dtype=pl.String).alias(f"{level}_id") for level in LEVELS
    )
    # Eight steps cover state → zone → range → district → circle → thana → outpost.
    for _ in range(8):
        walk = (
            walk.join(parents, on="node", how="left")
            .with_columns(
                pl.when(pl.col("node_kind") == level)
                .then(pl.col("node"))
                .otherwise(pl.col(f"{level}_id"))
                .alias(f"{level}_id")
                for level in LEVELS
            )
            .select("unit_id", pl.col("next").alias("node"), *(f"{lv}_id" for lv in LEVELS))
        )
    return walk.drop("node")


def group_sizes(net: Network) -> pl.DataFrame:
    """Every group with its current member count (0 for an empty group)."""
    counts = net.members.group_by("group_id").agg(pl.len().alias("members"))
    return net.groups.join(counts, on="group_id", how="left").with_columns(
        pl.col("members").fill_null(0).cast(pl.Int64)
    )


def group_slots(net: Network, profile: Profile) -> pl.DataFrame:
    """Each group the profile requires of a unit, whether it exists and meets its minimum."""
    rules = pl.DataFrame(
        [(u, g) for u, kinds in profile.required_groups.items() for g in kinds],
        schema={"unit_kind": pl.String, "group_kind": pl.String},
        orient="row",
    ).with_columns(
        pl.col("group_kind")
        .replace_strict(profile.min_members, default=0, return_dtype=pl.Int64)
        .alias("minimum")
    )
    slots = net.units.select("unit_id", pl.col("kind").alias("unit_kind")).join(
        rules, on="unit_kind"
    )
    best = (
        group_sizes(net)
        .group_by("unit_id", pl.col("kind").alias("group_kind"))
        .agg(pl.col("members").max())
    )
    return slots.join(best, on=["unit_id", "group_kind"], how="left").with_columns(
        pl.col("members").is_not_null().alias("present"),
        (pl.col("members").fill_null(-1) >= pl.col("minimum")).alias("compliant"),
        pl.col("members").fill_null(0),
    )


def coverage_by_level(net: Network, profile: Profile, level: str) -> pl.DataFrame:
    """One row per unit of `level` with members, targets, groups, compliance and staff."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level}")
    key = f"{level}_id"
    lineage = unit_lineage(net.units).select("unit_id", pl.col(key).alias("scope_id"))
    at_level = net.units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    group_scope = net.groups.join(lineage, on="unit_id")

    people = net.members.join(group_scope.select("group_id", "scope_id"), on="group_id")
    members = people.group_by("scope_id").agg(pl.col("person_id").n_unique().alias("members"))

    slot_counts = _slot_counts(group_slots(net, profile).join(lineage, on="unit_id"))
    groups = group_scope.group_by("scope_id").agg(pl.len().alias("groups"))
    staff = _staff_counts(net, lineage)
    public = group_scope.filter(pl.col("kind").is_in(list(profile.public_group_kinds)))
    blocked = (
        net.members.join(public.select("group_id", "scope_id"), on="group_id")
        .join(net.blocklist.select("person_id"), on="person_id")
        .group_by("scope_id")
        .agg(pl.len().alias("blocklisted_in_public"))
    )
    table = at_level
    for part in (members, groups, slot_counts, staff, blocked):
        table = table.join(part, on="scope_id", how="left")
    counts = [c for c in table.columns if c not in ("scope_id", "name", "name_hi")]
    return (
        table.with_columns(pl.col(c).fill_null(0).cast(pl.Int64) for c in counts)
        .rename({"scope_id": "unit_id"})
        .sort("unit_id")
    )


@by_frame()
def within(units: pl.DataFrame, scope_id: str | None) -> pl.DataFrame:
    """The units at or below `scope_id` (all units when None)."""
    if scope_id is None:
        return units
    lineage = unit_lineage(units)
    inside = lineage.filter(
        pl.any_horizontal(pl.col(f"{lv}_id") == scope_id for lv in LEVELS)
        | (pl.col("unit_id") == scope_id)
    ).select("unit_id")
    return units.join(inside, on="unit_id", how="semi")


@by_frame()
def scoped(net: Network, scope_id: str | None) -> Network:
    """The network limited to the units at or below `scope_id`; staff and members follow."""
    if scope_id is None:
        return net
    units = within(net.units, scope_id)
    groups = net.groups.join(units.select("unit_id"), on="unit_id", how="semi")
    return Network(
        units=units,
        groups=groups,
        members=net.members.join(groups.select("group_id"), on="group_id", how="semi"),
        staff=net.staff.join(units.select("unit_id"), on="unit_id", how="semi"),
        blocklist=net.blocklist,
    )


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


CHILD_LEVEL = {"state": "district", "range": "district", "district": "thana", "circle": "thana"}


def scope_level(units: pl.DataFrame, scope_id: str | None) -> str:
    """The level of the scope unit (`state` when no scope is chosen)."""
    if scope_id is None:
        return "state"
    kinds = units.filter(pl.col("unit_id") == scope_id).get_column("kind").to_list()
    if not kinds or kinds[0] not in LEVELS:
        raise ValueError(f"unknown scope unit {scope_id}")
    return str(kinds[0])


def scope_summary(net: Network, profile: Profile, scope_id: str | None) -> dict[str, object]:
    """The coverage row of the scope (all states' units summed when no scope is chosen)."""
    level = scope_level(net.units, scope_id)
    rows = coverage_by_level(scoped(net, scope_id), profile, level)
    if scope_id is not None:
        rows = rows.filter(pl.col("unit_id") == scope_id)
    numbers = rows.drop("unit_id", "name", "name_hi").sum()
    summary: dict[str, object] = dict(zip(numbers.columns, numbers.row(0), strict=True))
    summary["member_target"] = (
        profile.member_target if level == "state" else summary["member_floor"]
    )
    summary["level"] = level
    return summary


def _slot_counts(slots: pl.DataFrame) -> pl.DataFrame:
    """Per scope (`slots` carry their scope_id): groups required, present and compliant, the
    member floor and the members still needed, and the thana and outpost public groups."""
    return slots.group_by("scope_id").agg(
        pl.len().alias("groups_required"),
        pl.col("present").sum().alias("groups_present"),
        pl.col("minimum").sum().alias("member_floor"),
        pl.col("compliant").sum().alias("groups_compliant"),
        (pl.col("minimum") - pl.col("members")).clip(lower_bound=0).sum().alias("members_needed"),
        *(
            expr
            for kind, name in (("thana_public", "thanas"), ("outpost_public", "outposts"))
            for expr in (
                (pl.col("group_kind") == kind).sum().alias(name),
                ((pl.col("group_kind") == kind) & pl.col("compliant"))
                .sum()
                .alias(f"{name}_at_target"),
            )
        ),
    )


def _staff_counts(net: Network, lineage: pl.DataFrame) -> pl.DataFrame:
    """Per scope: its staff, and how many of them are members of any group."""
    connected = (
        net.members.select("person_id").unique().with_columns(pl.lit(True).alias("connected"))
    )
    return (
        net.staff.join(lineage, on="unit_id")
        .join(connected, on="person_id", how="left")
        .group_by("scope_id")
        .agg(
            pl.len().alias("staff"),
            pl.col("connected").fill_null(False).sum().alias("staff_connected"),
        )
    )
