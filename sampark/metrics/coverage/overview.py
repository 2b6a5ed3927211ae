"""What the DGP's Overview, the weekly brief and the Districts page show, computed once. Pure.

A scope (the state, a range or a district) is summed now and a week earlier; its units one level
down get the same numbers with the change since last week; the weekly series and the projection
come from the membership history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from sampark.clock import today_local
from sampark.metrics.coverage.history import (
    Projection,
    behind_since,
    change_since,
    history_as_of,
    network_on,
    projection,
    week_ends,
    weekly_compliance,
    weekly_members,
)
from sampark.metrics.coverage.rules import coverage_table, needs_action, officers_by_group
from sampark.metrics.coverage.totals import (
    CHILD_LEVEL,
    Network,
    scope_level,
    scoped,
)
from sampark.targets import Profile

# Numbers each unit row carries, whose change since last week is shown beside them.
TRACKED = [
    "members",
    "groups_present",
    "groups_compliant",
    "members_needed",
    "thanas_at_target",
    "outposts_at_target",
    "staff_connected",
    "groups_short_officers",
    "blocklisted_in_public",
]
BEHIND_SHOWN = 10


@dataclass(frozen=True)
class Overview:
    scope_id: str | None
    level: str  # the scope's level
    child_level: str  # the level of the rows in `children`
    as_of: date
    summary: dict[str, int]  # the scope's totals now (TRACKED and the rest of coverage)
    last_week: dict[str, int]  # the same a week earlier
    member_target: int
    weekly: pl.DataFrame  # week_end, members (the scope's distinct members)
    projection: Projection
    children: pl.DataFrame  # coverage_table rows one level down, with <col>_change columns
    behind: pl.DataFrame  # the children furthest behind, with behind_since
    actions: pl.DataFrame  # needs_action rows inside the scope


def _totals(table: pl.DataFrame) -> dict[str, int]:
    numbers = table.drop("unit_id", "name", "name_hi").sum()
    return {k: int(v or 0) for k, v in zip(numbers.columns, numbers.row(0), strict=True)}


def _scope_row(
    inside: Network, profile: Profile, scope_id: str | None, level: str, officers: pl.DataFrame
) -> dict[str, int]:
    rows = coverage_table(inside, profile, level, officers)
    if scope_id is not None:
        rows = rows.filter(pl.col("unit_id") == scope_id)
    return _totals(rows)


# Required groups at their minimum, as a share of required groups (null: none required).
COMPLIANCE = (
    pl.when(pl.col("groups_required") > 0)
    .then(pl.col("groups_compliant") / pl.col("groups_required"))
    .otherwise(None)
)


def coverage_overview(
    net: Network,
    history: pl.DataFrame,
    profile: Profile,
    scope_id: str | None,
    *,
    as_of: date | None = None,
) -> Overview:
    """Everything the Overview shows for `scope_id` (None: the whole state)."""
    level = scope_level(net.units, scope_id)
    # A thana (an SHO's scope) is its own only row: there is no unit level below it.
    child = CHILD_LEVEL.get(level, level)
    inside = scoped(net, scope_id)
    day = as_of or history_as_of(history) or today_local()
    before = network_on(inside, history, day - timedelta(days=7))
    # The officer checks are the costly part: once per network, shared by every table below.
    officers_now = officers_by_group(inside, profile)
    officers_before = officers_by_group(before, profile)
    summary = _scope_row(inside, profile, scope_id, level, officers_now)
    last_week = _scope_row(before, profile, scope_id, level, officers_before)

    weeks = week_ends(day)
    inside_history = history.join(inside.groups.select("group_id"), on="group_id", how="semi")
    series = _scope_members(weekly_members(inside, inside_history, level, weeks), scope_id)
    target = profile.member_target if level == "state" else summary.get("member_floor", 0)

    children = change_since(
        coverage_table(inside, profile, child, officers_now),
        coverage_table(before, profile, child, officers_before),
        TRACKED,
    ).with_columns(COMPLIANCE.alias("compliance"))

    behind = _behind(children, weekly_compliance(inside, inside_history, profile, child, weeks))
    actions = needs_action(inside, profile, officers_now)
    return Overview(
        scope_id=scope_id,
        level=level,
        child_level=child,
        as_of=day,
        summary=summary,
        last_week=last_week,
        member_target=int(target),
        weekly=series,
        projection=projection(series, int(target), profile.member_target_date),
        children=children,
        behind=behind,
        actions=actions,
    )


def _scope_members(by_unit: pl.DataFrame, scope_id: str | None) -> pl.DataFrame:
    """The scope's members week by week (week_end, members) from `weekly_members`' rows."""
    if scope_id is not None:
        by_unit = by_unit.filter(pl.col("unit_id") == scope_id)
    return by_unit.group_by("week_end").agg(pl.col("members").sum()).sort("week_end")


def _behind(children: pl.DataFrame, weekly: pl.DataFrame) -> pl.DataFrame:
    """The child units short of members, the furthest behind first, with the week each fell
    behind the scope's own compliance rate (`weekly`: `weekly_compliance`' rows)."""
    rates = weekly.select("unit_id", "week_end", COMPLIANCE.alias("rate"))
    baseline = weekly.group_by("week_end").agg(
        (pl.col("groups_compliant").sum() / pl.col("groups_required").sum()).alias("rate")
    )
    return (
        children.filter(pl.col("members_needed") > 0)
        .with_columns((pl.col("members_needed") / pl.col("member_floor")).alias("short_share"))
        .join(behind_since(rates, baseline), on="unit_id", how="left")
        .sort("short_share", "members_needed", descending=True)
        .head(BEHIND_SHOWN)
    )
