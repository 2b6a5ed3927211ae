"""What the Response page shows for one scope, and the parts every scope's figures start from.

`response_base` prepares the entries once (lineage, hours, breaches, open entries, the baseline
of all of them) and `level_figures` gives every unit of one level (ranks compare a unit with all
units of its level, so a level is computed whole); `response_snapshot` builds every unit's
figures from them. `ResponseSummary` is one scope's share of those figures, as the page reads
it, and the helpers below pick rows from it. Pure: frames in, frames out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from sampark.metrics.coverage.totals import CHILD_LEVEL, scope_level, within
from sampark.metrics.response.times import (
    AGE_BUCKETS,
    ageing_by_level,
    breaches_by_level,
    open_entries,
    register_reference,
    response_by_level,
    response_quantiles,
    sla_breaches,
    with_hours,
    with_lineage,
)
from sampark.targets import Profile

_ENTRY = ["entry_id", "unit_id", "category", "received_at", "last_stage", "age_days"]


@dataclass(frozen=True)
class ResponseBase:
    """The entries prepared once per data version; every scope's figures start from it."""

    as_of: datetime | None
    entries: pl.DataFrame  # with lineage (`state_id` … `thana_id`), hours and `week`
    baseline: pl.DataFrame  # response_quantiles of all entries: the state figures
    breaches: pl.DataFrame  # every breach, worst first
    open: pl.DataFrame  # every open entry, oldest first


@dataclass(frozen=True)
class LevelFigures:
    """Rows of every unit of one level (column `unit_id`, with `level`)."""

    by_unit: pl.DataFrame  # response_by_level
    ageing: pl.DataFrame  # ageing_by_level
    breach_counts: pl.DataFrame  # breaches_by_level


@dataclass(frozen=True)
class ResponseSummary:
    """A scope's figures: rows of the scope unit and its child level, and its own tables."""

    as_of: datetime | None
    entries: int
    by_unit: pl.DataFrame  # response_by_level rows of the two levels, with `level`
    ageing: pl.DataFrame  # ageing_by_level rows of the two levels, with `level`
    breach_counts: pl.DataFrame  # breaches_by_level rows of the two levels, with `level`
    spread: pl.DataFrame
    weekly: pl.DataFrame
    by_category: pl.DataFrame
    breaches: pl.DataFrame
    open: pl.DataFrame


def response_base(entries: pl.DataFrame, units: pl.DataFrame, profile: Profile) -> ResponseBase:
    """`entries` prepared for every scope's figures, with the baseline, breaches and open list."""
    as_of = register_reference(entries)
    tagged = with_hours(with_lineage(entries, units)).with_columns(
        pl.col("received_at").dt.truncate("1w").dt.date().alias("week")
    )
    reference = as_of or datetime(1970, 1, 1)
    return ResponseBase(
        as_of=as_of,
        entries=tagged,
        baseline=response_quantiles(tagged, profile, []),
        breaches=sla_breaches(tagged, profile, reference),
        open=open_entries(tagged, reference).select(_ENTRY).sort("received_at", "entry_id"),
    )


def level_figures(
    base: ResponseBase, units: pl.DataFrame, profile: Profile, level: str
) -> LevelFigures:
    """Every unit of `level`, ranked and compared with the baseline of all entries."""
    entries, as_of = base.entries, base.as_of or datetime(1970, 1, 1)
    mark = pl.lit(level).alias("level")
    return LevelFigures(
        by_unit=response_by_level(entries, units, profile, level, base.baseline).with_columns(mark),
        ageing=ageing_by_level(entries, units, level, as_of).with_columns(mark),
        breach_counts=breaches_by_level(base.breaches, entries, units, level).with_columns(mark),
    )


def shown_levels(units: pl.DataFrame, scope_id: str | None) -> list[str]:
    """The levels the page shows for a scope: the scope's own and its child level."""
    level = scope_level(units, scope_id)
    child = CHILD_LEVEL.get(level)
    return [level] if child is None else [level, child]


def scope_key(units: pl.DataFrame, scope_id: str | None) -> str | None:
    """The unit whose rows describe a scope: the scope itself, or the state for none."""
    if scope_id is not None:
        return scope_id
    states = units.filter(pl.col("kind") == "state").get_column("unit_id").sort()
    return states[0] if states.len() else None


def scope_rows(table: pl.DataFrame, key: str | None, column: str = "scope_id") -> pl.DataFrame:
    """The rows of one scope (`key` from `scope_key`)."""
    return table.filter(pl.col(column) == key).drop(column)


def child_rows(
    table: pl.DataFrame, units: pl.DataFrame, scope_id: str | None, level: str
) -> pl.DataFrame:
    """Rows of the units of `level` inside the scope."""
    inside = within(units, scope_id).select("unit_id")
    return table.filter(pl.col("level") == level).join(inside, on="unit_id", how="semi")


def in_units(table: pl.DataFrame, units: pl.DataFrame, scope_id: str | None) -> pl.DataFrame:
    """Entry-level rows (breaches, open entries) of the units at or below `scope_id`."""
    if scope_id is None:
        return table
    return table.join(within(units, scope_id).select("unit_id"), on="unit_id", how="semi")


def ageing_of(summary: ResponseSummary, key: str | None) -> pl.DataFrame:
    """Open entries per age bucket for one scope, as `response.ageing` gives them."""
    row = summary.ageing.filter(pl.col("unit_id") == key)
    buckets = [b for b, _, _ in AGE_BUCKETS]
    counts = row.row(0, named=True) if row.height else dict.fromkeys(buckets, 0)
    return pl.DataFrame(
        {"age_bucket": buckets, "entries": [int(counts[b]) for b in buckets]},
        schema={"age_bucket": pl.String, "entries": pl.Int64},
    )
