"""Coverage over time: weekly series from membership history, and the projection to target.

Pure polars. A membership counts on a week's last day when it had joined by that day and had
not left by it. A person is counted once per unit: their time in the unit runs from their first
join in any of its groups to their last exit (open while any membership is open).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from sampark.metrics.coverage.totals import Network, unit_lineage
from sampark.targets import Profile

WEEKS = 26
PACE_WEEKS = 8  # the recent pace: the last eight weeks' average growth


def week_ends(as_of: date, weeks: int = WEEKS) -> list[date]:
    """The last day of each of the `weeks` weeks up to `as_of`, oldest first.

    >>> week_ends(date(2026, 11, 1), 3)
    [datetime.date(2026, 10, 18), datetime.date(2026, 10, 25), datetime.date(2026, 11, 1)]
    """
    return [as_of - timedelta(days=7 * k) for k in range(weeks - 1, -1, -1)]


def history_as_of(history: pl.DataFrame) -> date | None:
    """The newest date the history knows: its latest join or exit."""
    latest = history.select(
        pl.max_horizontal(pl.col("joined_at").max(), pl.col("left_at").max())
    ).item()
    return latest if isinstance(latest, date) else None


def counts_by_week(intervals: pl.DataFrame, key: str, weeks: list[date]) -> pl.DataFrame:
    """Per `key` and week end, how many intervals (`start`, `end`; end null: still open) cover
    the week's last day. Every key gets every week, 0 before its first interval."""
    ends = pl.Series("week_end", weeks, dtype=pl.Date)
    marks = intervals.select(
        key,
        pl.Series(ends.search_sorted(intervals.get_column("start"), side="left")).alias("in"),
        pl.Series(
            ends.search_sorted(intervals.get_column("end").fill_null(date.max), side="left")
        ).alias("out"),
    )
    steps = pl.concat(
        [
            marks.select(key, pl.col("in").alias("week"), pl.lit(1).alias("step")),
            marks.select(key, pl.col("out").alias("week"), pl.lit(-1).alias("step")),
        ]
    ).filter(pl.col("week") < len(weeks))
    grid = (
        intervals.select(key)
        .unique()
        .join(pl.DataFrame({"week": range(len(weeks))}, schema={"week": pl.UInt32}), how="cross")
    )
    return (
        grid.join(
            steps.with_columns(pl.col("week").cast(pl.UInt32))
            .group_by(key, "week")
            .agg(pl.col("step").sum()),
            on=[key, "week"],
            how="left",
        )
        .sort(key, "week")
        .with_columns(pl.col("step").fill_null(0).cum_sum().over(key).cast(pl.Int64).alias("n"))
        .with_columns(pl.col("week").replace_strict(dict(enumerate(weeks)), return_dtype=pl.Date))
        .select(key, pl.col("week").alias("week_end"), "n")
    )


def _people_intervals(history: pl.DataFrame, scope: pl.DataFrame) -> pl.DataFrame:
    """(scope_id, person_id, start, end): a person's time in each unit of `scope`."""
    return (
        history.join(scope, on="group_id")
        .group_by("scope_id", "person_id")
        .agg(
            pl.col("joined_at").min().alias("start"),
            pl.when(pl.col("left_at").is_null().any())
            .then(None)
            .otherwise(pl.col("left_at").max())
            .alias("end"),
        )
    )


def weekly_members(
    net: Network, history: pl.DataFrame, level: str, weeks: list[date]
) -> pl.DataFrame:
    """Per unit of `level` and week end: distinct members (unit_id, week_end, members)."""
    key = f"{level}_id"
    lineage = unit_lineage(net.units).select("unit_id", pl.col(key).alias("scope_id"))
    scope = net.groups.join(lineage, on="unit_id").select("group_id", "scope_id")
    scope = scope.filter(pl.col("scope_id").is_not_null())
    counted = counts_by_week(_people_intervals(history, scope), "scope_id", weeks)
    return counted.select(
        pl.col("scope_id").alias("unit_id"), "week_end", pl.col("n").alias("members")
    )


def members_on(history: pl.DataFrame, day: date, members: pl.DataFrame) -> pl.DataFrame:
    """The open memberships of `members` (group_id, person_id, is_admin) as they were on `day`."""
    then = history.filter(
        (pl.col("joined_at") <= day) & (pl.col("left_at").is_null() | (pl.col("left_at") > day))
    ).select("group_id", "person_id")
    admins = members.select("group_id", "person_id", "is_admin")
    return then.join(admins, on=["group_id", "person_id"], how="left").with_columns(
        pl.col("is_admin").fill_null(False)
    )


def network_on(net: Network, history: pl.DataFrame, day: date) -> Network:
    """The network with its memberships as they were on `day` (units, staff as they are now)."""
    return Network(
        units=net.units,
        groups=net.groups,
        members=members_on(history, day, net.members),
        staff=net.staff,
        blocklist=net.blocklist,
    )


def weekly_group_sizes(history: pl.DataFrame, weeks: list[date]) -> pl.DataFrame:
    """Per group and week end: members on the week's last day (group_id, week_end, n)."""
    intervals = history.select(
        "group_id", pl.col("joined_at").alias("start"), pl.col("left_at").alias("end")
    )
    return counts_by_week(intervals, "group_id", weeks)


def weekly_compliance(
    net: Network, history: pl.DataFrame, profile: Profile, level: str, weeks: list[date]
) -> pl.DataFrame:
    """Per unit of `level` and week end: groups_required, groups_compliant, members_needed,
    as they stood on each week's last day (a group with no member yet counts as missing)."""
    rules = pl.DataFrame(
        [(u, g) for u, kinds in profile.required_groups.items() for g in kinds],
        schema={"unit_kind": pl.String, "group_kind": pl.String},
        orient="row",
    ).with_columns(
        pl.col("group_kind")
        .replace_strict(profile.min_members, default=0, return_dtype=pl.Int64)
        .alias("minimum")
    )
    key = f"{level}_id"
    lineage = unit_lineage(net.units).select("unit_id", pl.col(key).alias("scope_id"))
    slots = (
        net.units.select("unit_id", pl.col("kind").alias("unit_kind"))
        .join(rules, on="unit_kind")
        .join(lineage, on="unit_id")
        .filter(pl.col("scope_id").is_not_null())
        .join(pl.DataFrame({"week_end": weeks}, schema={"week_end": pl.Date}), how="cross")
    )
    best = (
        weekly_group_sizes(history, weeks)
        .join(
            net.groups.select("group_id", "unit_id", pl.col("kind").alias("group_kind")),
            on="group_id",
        )
        .group_by("unit_id", "group_kind", "week_end")
        .agg(pl.col("n").max())
    )
    return (
        slots.join(best, on=["unit_id", "group_kind", "week_end"], how="left")
        .with_columns(pl.col("n").fill_null(0))
        .group_by(pl.col("scope_id").alias("unit_id"), "week_end")
        .agg(
            pl.len().cast(pl.Int64).alias("groups_required"),
            ((pl.col("n") > 0) & (pl.col("n") >= pl.col("minimum")))
            .sum()
            .cast(pl.Int64)
            .alias("groups_compliant"),
            (pl.col("minimum") - pl.col("n")).clip(lower_bound=0).sum().alias("members_needed"),
        )
        .sort("unit_id", "week_end")
    )


def change_since(now: pl.DataFrame, before: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """`now` with a `<column>_change` beside each of `columns`: now minus `before` (by unit)."""
    then = before.select("unit_id", *(pl.col(c).alias(f"{c}_before") for c in columns))
    return (
        now.join(then, on="unit_id", how="left")
        .with_columns(
            (pl.col(c) - pl.col(f"{c}_before").fill_null(0)).alias(f"{c}_change") for c in columns
        )
        .drop(f"{c}_before" for c in columns)
    )


def behind_since(rates: pl.DataFrame, baseline: pl.DataFrame) -> pl.DataFrame:
    """Per unit, the first week end of its current run below the baseline rate (null: not
    behind now). `rates`: unit_id, week_end, rate; `baseline`: week_end, rate."""
    flagged = (
        rates.join(baseline.rename({"rate": "base"}), on="week_end")
        .sort("unit_id", "week_end")
        .with_columns((pl.col("rate") < pl.col("base")).alias("behind"))
        .with_columns(
            (pl.col("behind") != pl.col("behind").shift(1).over("unit_id"))
            .fill_null(True)
            .cum_sum()
            .over("unit_id")
            .alias("run")
        )
    )
    last_run = flagged.group_by("unit_id").agg(
        pl.col("run").last(), pl.col("behind").last().alias("behind_now")
    )
    return (
        flagged.join(last_run, on=["unit_id", "run"])
        .group_by("unit_id")
        .agg(
            pl.when(pl.col("behind_now").first())
            .then(pl.col("week_end").min())
            .otherwise(None)
            .alias("behind_since")
        )
    )


@dataclass(frozen=True)
class Projection:
    """Where the recent pace leads. `reach_on` is None when the pace never gets there."""

    current: int
    target: int
    target_date: date
    pace_per_week: float
    reach_on: date | None
    as_of: date | None = None  # the last week end of the series

    @property
    def needed_per_week(self) -> float:
        """The pace that would reach the target on its date."""
        if self.as_of is None or self.current >= self.target:
            return 0.0
        weeks = max(1.0, (self.target_date - self.as_of).days / 7)
        return (self.target - self.current) / weeks

    @property
    def on_time(self) -> bool:
        return self.reach_on is not None and self.reach_on <= self.target_date


def projection(
    series: pl.DataFrame, target: int, target_date: date, pace_weeks: int = PACE_WEEKS
) -> Projection:
    """From a weekly series (week_end, members), the pace over the last `pace_weeks` weeks and
    the day the target is reached at that pace (the last week end if it is reached already)."""
    ordered = series.sort("week_end")
    values = ordered.get_column("members").to_list()
    days = ordered.get_column("week_end").to_list()
    if not values:
        return Projection(0, target, target_date, 0.0, None)
    current, last_day = int(values[-1]), days[-1]
    span = min(pace_weeks, len(values) - 1)
    pace = (values[-1] - values[-1 - span]) / span if span > 0 else 0.0
    if current >= target:
        return Projection(current, target, target_date, pace, last_day, last_day)
    if pace <= 0:
        return Projection(current, target, target_date, pace, None, last_day)
    days_needed = math.ceil((target - current) / pace * 7)
    if days_needed > (date.max - last_day).days:  # a pace of a member a week: never, in effect
        return Projection(current, target, target_date, pace, None, last_day)
    reach = last_day + timedelta(days=days_needed)
    return Projection(current, target, target_date, pace, reach, last_day)
