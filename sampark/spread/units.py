"""Directive reach per unit, for the league table, the drill-down and the weekly brief.

Over the directives issued in a recent window (the last 28 days by default), a unit's figures
count its deliveries: each directive and each group of the unit (or below it) that the state's
rules say the directive must reach. A unit's share is the part of its deliveries that arrived
within 24 hours of issue; its median delay is the time by which half of them had arrived.

A directive issued less than 24 hours before `now` is left out: its groups still have time, and
counting them as late would punish a unit for a directive sent this morning. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import polars as pl

from sampark.spread.tree import unit_ancestors

WINDOW_DAYS = 28
WITHIN = timedelta(hours=24)

DELIVERY_COLUMNS = ("key", "group_id", "unit_id", "issued_at", "delay")
"""What the functions here read: `deliveries` rows with their directive's `issued_at`."""

UNIT_DIRECTIVE_SCHEMA = pl.Schema(
    [
        ("unit_id", pl.String()),
        ("directives", pl.UInt32()),
        ("due", pl.UInt32()),
        ("within", pl.UInt32()),
        ("never", pl.UInt32()),
        ("share_within", pl.Float64()),
        ("median_delay_h", pl.Float64()),
    ]
)
"""Per unit (or group, with `group_id` for `unit_id`): the directives its groups had to get,
the deliveries `due`, those `within` 24 h, those that `never` arrived, the share within 24 h,
and the median delay in hours (None when half the deliveries never arrived)."""


@dataclass(frozen=True)
class ReachWindow:
    """The directives counted: issued after `start` and no later than `end` (IST, naive)."""

    start: datetime
    end: datetime


def reach_window(
    now: datetime, *, days: int = WINDOW_DAYS, within: timedelta = WITHIN
) -> ReachWindow:
    """The window ending `within` before `now` and starting `days` before `now`.

    >>> w = reach_window(datetime(2024, 1, 29, 12, 0))
    >>> (w.start.isoformat(), w.end.isoformat())
    ('2024-01-01T12:00:00', '2024-01-28T12:00:00')
    """
    return ReachWindow(start=now - timedelta(days=days), end=now - within)


def in_window(deliveries: pl.DataFrame, window: ReachWindow) -> pl.DataFrame:
    """The deliveries of the directives issued inside `window`."""
    issued = pl.col("issued_at").cast(pl.Datetime("us"))
    return deliveries.filter((issued > window.start) & (issued <= window.end))


def _median_hours() -> pl.Expr:
    """The delay by which half the deliveries had arrived: the ⌈n/2⌉-th smallest, those that
    never arrived sorted last (so it is None when more than half never did), in hours."""
    rank = pl.max_horizontal((pl.len() / 2).ceil().cast(pl.Int64), 1) - 1
    delay = pl.col("delay").sort(nulls_last=True).get(rank)
    return (delay.dt.total_seconds() / 3600).round(2)


def _figures(within: timedelta) -> list[pl.Expr]:
    return [
        pl.col("key").n_unique().alias("directives"),
        pl.len().alias("due"),
        (pl.col("delay") <= within).sum().alias("within"),
        pl.col("delay").is_null().sum().alias("never"),
        _median_hours().alias("median_delay_h"),
    ]


def _finish(table: pl.DataFrame) -> pl.DataFrame:
    return (
        table.with_columns(share_within=pl.col("within") / pl.col("due"))
        .select(list(UNIT_DIRECTIVE_SCHEMA))
        .cast(UNIT_DIRECTIVE_SCHEMA)
        .sort("unit_id")
    )


def unit_directive_reach(
    deliveries: pl.DataFrame,
    ancestors: pl.DataFrame,
    level: str,
    now: datetime,
    *,
    days: int = WINDOW_DAYS,
    within: timedelta = WITHIN,
) -> pl.DataFrame:
    """Per unit of kind `level` that had a delivery due in the window (`UNIT_DIRECTIVE_SCHEMA`);
    a unit without one has no row ("no directive", never 0 %).

    `deliveries`: `DELIVERY_COLUMNS`; `ancestors`: `unit_ancestors`.
    """
    at_level = ancestors.filter(pl.col("ancestor_kind") == level).select(
        "unit_id", pl.col("ancestor_id").alias("scope_id")
    )
    counted = in_window(deliveries, reach_window(now, days=days, within=within))
    table = (
        counted.join(at_level, on="unit_id")
        .group_by("scope_id")
        .agg(_figures(within))
        .rename({"scope_id": "unit_id"})
    )
    return _finish(table)


def group_directive_reach(
    deliveries: pl.DataFrame,
    now: datetime,
    *,
    days: int = WINDOW_DAYS,
    within: timedelta = WITHIN,
) -> pl.DataFrame:
    """Per target group with a delivery due in the window: the same figures, `unit_id` holding
    the group's id (the drill-down's lowest level)."""
    counted = in_window(deliveries, reach_window(now, days=days, within=within))
    table = counted.group_by("group_id").agg(_figures(within)).rename({"group_id": "unit_id"})
    return _finish(table)


def scope_directive_reach(
    deliveries: pl.DataFrame,
    ancestors: pl.DataFrame,
    scope_id: str | None,
    now: datetime,
    *,
    days: int = WINDOW_DAYS,
    within: timedelta = WITHIN,
) -> dict[str, object] | None:
    """The figures of the whole scope (the state when `scope_id` is None) as one row; None when
    no directive was due in it in the window."""
    counted = in_window(deliveries, reach_window(now, days=days, within=within))
    if scope_id is not None:
        inside = ancestors.filter(pl.col("ancestor_id") == scope_id).select("unit_id")
        counted = counted.join(inside, on="unit_id", how="semi")
    if counted.is_empty():
        return None
    table = counted.select(pl.lit(scope_id, pl.String).alias("unit_id"), *_figures(within))
    return _finish(table).row(0, named=True)


def behind_units(reach: pl.DataFrame, scope_share: float, *, shown: int = 3) -> pl.DataFrame:
    """The units below the scope's share within 24 h, the furthest behind first (at most
    `shown`): whom the brief names."""
    return (
        reach.filter(pl.col("share_within") < scope_share)
        .sort("share_within", "never", "unit_id", descending=[False, True, False])
        .head(shown)
    )


@dataclass(frozen=True)
class DirectiveBrief:
    """The weekly brief's directive section. `known`: a run stored spread figures; `scope`:
    `scope_directive_reach` (None when no directive was due); `units`: the scope's units of
    the brief's level with their figures and names (name, name_hi), the furthest behind first;
    `behind`: those the line names (`behind_units`)."""

    known: bool
    window: ReachWindow
    scope: dict[str, object] | None
    units: pl.DataFrame
    behind: pl.DataFrame


def directive_brief(
    deliveries: pl.DataFrame | None,
    units: pl.DataFrame,
    scope_id: str | None,
    level: str,
    now: datetime,
    *,
    days: int = WINDOW_DAYS,
    within: timedelta = WITHIN,
) -> DirectiveBrief:
    """The directive section for the scope (the state when None) and its units of `level`.

    `deliveries`: `DELIVERY_COLUMNS`, None when no run stored any; `units`: unit_id, kind,
    parent_id, name, name_hi."""
    window = reach_window(now, days=days, within=within)
    empty = pl.DataFrame(schema=UNIT_DIRECTIVE_SCHEMA)
    if deliveries is None:
        return DirectiveBrief(False, window, None, empty, empty)
    ancestors = unit_ancestors(units.select("unit_id", "kind", "parent_id"))
    if scope_id is not None:
        inside = ancestors.filter(pl.col("ancestor_id") == scope_id).select("unit_id")
        deliveries = deliveries.join(inside, on="unit_id", how="semi")
    scope = scope_directive_reach(deliveries, ancestors, None, now, days=days, within=within)
    if scope is None:
        return DirectiveBrief(True, window, None, empty, empty)
    table = (
        unit_directive_reach(deliveries, ancestors, level, now, days=days, within=within)
        .join(units.select("unit_id", "name", "name_hi"), on="unit_id", how="left")
        .sort("share_within", "never", "unit_id", descending=[False, True, False])
    )
    share = scope["share_within"]
    behind = behind_units(table, share if isinstance(share, float) else 0.0)
    return DirectiveBrief(True, window, {**scope, "unit_id": scope_id}, table, behind)


REPORT_COLUMNS = {
    "directives": "directives",
    "due": "directive_deliveries_due",
    "within": "directive_within_24h",
    "never": "directive_never_arrived",
    "share_within": "directive_share_within_24h",
    "median_delay_h": "directive_median_delay_h",
}
"""The reach figures as `report coverage` names them (`directives` is 0 and the share and median
None when no directive was due; every one None when no run stored spread figures)."""


def with_report_reach(
    table: pl.DataFrame,
    deliveries: pl.DataFrame | None,
    units: pl.DataFrame,
    level: str,
    now: datetime,
) -> pl.DataFrame:
    """`table` (a row per unit of `level`, `unit_id`) with the reach columns of `REPORT_COLUMNS`.

    `units`: unit_id, kind, parent_id."""
    if deliveries is None:
        return table.with_columns(
            pl.lit(None, UNIT_DIRECTIVE_SCHEMA[c]).alias(name) for c, name in REPORT_COLUMNS.items()
        )
    ancestors = unit_ancestors(units.select("unit_id", "kind", "parent_id"))
    reach = unit_directive_reach(deliveries, ancestors, level, now)
    counts = [REPORT_COLUMNS[c] for c in ("directives", "due", "within", "never")]
    return table.join(reach.rename(REPORT_COLUMNS), on="unit_id", how="left").with_columns(
        pl.col(c).fill_null(0) for c in counts
    )
