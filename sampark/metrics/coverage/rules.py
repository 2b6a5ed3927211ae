"""The profile's rules on who must be in a group, and what needs action. Pure polars.

A group kind's rule names officers by rank and posting (see `sampark.targets.Officer`); the
staff roster says who holds those posts. An officer named under `members` must be in the group;
at least one officer of the `admin` rule must be its admin.
"""

from __future__ import annotations

import polars as pl

from sampark.metrics.coverage.totals import Network, coverage_by_level, group_slots, unit_lineage
from sampark.targets import Officer, Profile

CHECK_SCHEMA = {
    "group_id": pl.String,
    "role": pl.String,
    "is_admin_rule": pl.Boolean,
    "person_id": pl.String,
    "present": pl.Boolean,
}


def _holders(
    net: Network, lineage: pl.DataFrame, groups: pl.DataFrame, who: Officer
) -> pl.DataFrame:
    """(group_id, person_id) of every officer `who` names for each group (none: no row)."""
    staff = net.staff.filter(pl.col("rank").is_in(list(who.ranks))).select("unit_id", "person_id")
    if who.at == "all":
        return groups.select("group_id").join(staff.select("person_id"), how="cross")
    if who.at == "unit":
        return groups.join(staff, on="unit_id").select("group_id", "person_id")
    key = f"{who.at}_id"
    posted = staff.join(lineage.select("unit_id", key), on="unit_id").drop("unit_id")
    return (
        groups.join(lineage.select("unit_id", key), on="unit_id")
        .filter(pl.col(key).is_not_null())
        .join(posted, on=key)
        .select("group_id", "person_id")
    )


def officer_checks(net: Network, profile: Profile) -> pl.DataFrame:
    """One row per required officer of each group (or per admin rule), and whether it is met.

    A post no staff record fills counts as missing, with no person_id.
    """
    lineage = unit_lineage(net.units)
    parts = [pl.DataFrame(schema=CHECK_SCHEMA)]
    for kind, rule in profile.required_members.items():
        groups = net.groups.filter(pl.col("kind") == kind).select("group_id", "unit_id")
        if groups.is_empty():
            continue
        for who in rule.members:
            holders = _holders(net, lineage, groups, who)
            found = holders.join(
                net.members.select("group_id", "person_id", pl.lit(True).alias("present")),
                on=["group_id", "person_id"],
                how="left",
            )
            vacant = groups.join(holders, on="group_id", how="anti").select(
                "group_id", pl.lit(None, dtype=pl.String).alias("person_id")
            )
            parts.append(
                pl.concat([found, vacant], how="diagonal").select(
                    "group_id",
                    pl.lit(who.label).alias("role"),
                    pl.lit(False).alias("is_admin_rule"),
                    "person_id",
                    pl.col("present").fill_null(False),
                )
            )
        if rule.admin is not None:
            admins = _holders(net, lineage, groups, rule.admin).join(
                net.members.filter(pl.col("is_admin")).select("group_id", "person_id"),
                on=["group_id", "person_id"],
            )
            parts.append(
                groups.select(
                    "group_id",
                    pl.lit(rule.admin.label).alias("role"),
                    pl.lit(True).alias("is_admin_rule"),
                    pl.lit(None, dtype=pl.String).alias("person_id"),
                    pl.col("group_id")
                    .is_in(admins.get_column("group_id").implode())
                    .alias("present"),
                )
            )
    return pl.concat(parts).sort("group_id", "is_admin_rule", "role")


def officers_by_group(net: Network, profile: Profile) -> pl.DataFrame:
    """Per group with a member rule: officers missing, the roles missing, whether admin is right."""
    checks = officer_checks(net, profile)
    return checks.group_by("group_id").agg(
        (~pl.col("present") & ~pl.col("is_admin_rule")).sum().alias("officers_missing"),
        pl.col("role")
        .filter(~pl.col("present") & ~pl.col("is_admin_rule"))
        .unique(maintain_order=True)
        .alias("roles_missing"),
        (pl.col("present") | ~pl.col("is_admin_rule")).all().alias("admin_ok"),
    )


def unconnected_staff(net: Network) -> pl.DataFrame:
    """Staff in no group at all (the orders say every officer in at least one)."""
    connected = net.members.select("person_id").unique()
    return net.staff.join(connected, on="person_id", how="anti")


ACTION_KINDS = ("missing_group", "officers_missing", "admin_missing", "blocklisted", "staff")


def blocklisted_items(net: Network, profile: Profile) -> pl.DataFrame:
    """Action items for blocklisted people in public groups: one row per group, with how many."""
    public = net.groups.filter(pl.col("kind").is_in(list(profile.public_group_kinds)))
    return (
        net.members.join(public.select("group_id", "unit_id"), on="group_id")
        .join(net.blocklist.select("person_id"), on="person_id")
        .group_by("group_id", "unit_id")
        .agg(pl.len().cast(pl.Int64).alias("count"))
        .select(
            pl.lit("blocklisted").alias("kind"),
            "unit_id",
            "group_id",
            pl.lit("").alias("detail"),
            "count",
        )
    )


def unconnected_staff_items(net: Network) -> pl.DataFrame:
    """Action items for staff in no group: one row per unit, with how many."""
    return (
        unconnected_staff(net)
        .group_by("unit_id")
        .agg(pl.len().cast(pl.Int64).alias("count"))
        .select(
            pl.lit("staff").alias("kind"),
            "unit_id",
            pl.lit(None, dtype=pl.String).alias("group_id"),
            pl.lit("").alias("detail"),
            "count",
        )
    )


def needs_action(
    net: Network, profile: Profile, officers: pl.DataFrame | None = None
) -> pl.DataFrame:
    """What needs action, one row per item: `kind` (ACTION_KINDS), `unit_id`, `group_id`
    (none for a missing group or staff), `detail` (a group kind, roles, or a rank) and `count`."""
    schema = {
        "kind": pl.String,
        "unit_id": pl.String,
        "group_id": pl.String,
        "detail": pl.String,
        "count": pl.Int64,
    }
    slots = group_slots(net, profile)
    missing = slots.filter(~pl.col("present")).select(
        pl.lit("missing_group").alias("kind"),
        "unit_id",
        pl.lit(None, dtype=pl.String).alias("group_id"),
        pl.col("group_kind").alias("detail"),
        pl.lit(1, dtype=pl.Int64).alias("count"),
    )
    officers = (officers_by_group(net, profile) if officers is None else officers).join(
        net.groups.select("group_id", "unit_id"), on="group_id"
    )
    short = officers.filter(pl.col("officers_missing") > 0).select(
        pl.lit("officers_missing").alias("kind"),
        "unit_id",
        "group_id",
        pl.col("roles_missing").list.join(", ").alias("detail"),
        pl.col("officers_missing").cast(pl.Int64).alias("count"),
    )
    no_admin = officers.filter(~pl.col("admin_ok")).select(
        pl.lit("admin_missing").alias("kind"),
        "unit_id",
        "group_id",
        pl.lit("").alias("detail"),
        pl.lit(1, dtype=pl.Int64).alias("count"),
    )
    blocked = blocklisted_items(net, profile)
    staff = unconnected_staff_items(net)
    order = {k: i for i, k in enumerate(ACTION_KINDS)}
    return (
        pl.concat([pl.DataFrame(schema=schema), missing, short, no_admin, blocked, staff])
        .with_columns(pl.col("kind").replace_strict(order, return_dtype=pl.Int64).alias("_o"))
        .sort("_o", pl.col("count"), "unit_id", descending=[False, True, False])
        .drop("_o")
    )


def coverage_table(
    net: Network, profile: Profile, level: str, officers: pl.DataFrame | None = None
) -> pl.DataFrame:
    """`coverage_by_level` plus, per unit, groups short of a required officer or admin and
    staff in no group: every number the Overview, the Districts page and the report show.
    `officers`: `officers_by_group(net, profile)` when the caller has it already."""
    key = f"{level}_id"
    lineage = unit_lineage(net.units).select("unit_id", pl.col(key).alias("unit_scope"))
    short = (
        (officers_by_group(net, profile) if officers is None else officers)
        .filter((pl.col("officers_missing") > 0) | ~pl.col("admin_ok"))
        .join(net.groups.select("group_id", "unit_id"), on="group_id")
        .join(lineage, on="unit_id")
        .group_by("unit_scope")
        .agg(pl.len().cast(pl.Int64).alias("groups_short_officers"))
        .rename({"unit_scope": "unit_id"})
    )
    return (
        coverage_by_level(net, profile, level)
        .join(short, on="unit_id", how="left")
        .with_columns(
            pl.col("groups_short_officers").fill_null(0),
            (pl.col("staff") - pl.col("staff_connected")).alias("staff_unconnected"),
        )
    )
