"""Everything the Response page shows, computed once per data version for every scope.

Exact quantiles over ~2M entries cost seconds, far too slow to redo on every page view. So the
figures of every scope the page offers (the state, each range, each district; each thana for a
district's table) are computed once, with the functions of `sampark.metrics.response`, and a
page view only picks its scope's rows. Pure: frames in, frames out; the caching is in `ui/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

from sampark.metrics.coverage import LEVELS, within
from sampark.metrics.response import (
    AGE_BUCKETS,
    ageing_by_level,
    breaches_by_level,
    open_entries,
    register_reference,
    response_by_level,
    response_quantiles,
    sla_breaches,
    stage_spread,
    with_lineage,
)
from sampark.targets import Profile

_ENTRY = ["entry_id", "unit_id", "category", "received_at", "last_stage", "age_days"]

# Levels a page can be scoped to; each of their units gets spread, weekly and category rows.
SCOPE_LEVELS: tuple[str, ...] = ("state", "range", "district")


@dataclass(frozen=True)
class ResponseSummary:
    """Rows per unit (column `unit_id`, or `scope_id` for scope tables) for every level."""

    as_of: datetime | None
    entries: int
    by_unit: pl.DataFrame  # response_by_level rows of every level, with `level`
    ageing: pl.DataFrame  # ageing_by_level rows of every level, with `level`
    breach_counts: pl.DataFrame  # breaches_by_level rows of every level, with `level`
    spread: pl.DataFrame  # scope_id, stage, cases, p10 … p90
    weekly: pl.DataFrame  # scope_id, week, stage, cases, median_h, p90_h, within_sla, sla_h
    by_category: pl.DataFrame  # scope_id, category, stage, … and the state baseline
    breaches: pl.DataFrame  # every breach, worst first
    open: pl.DataFrame  # every open entry, oldest first


def _tagged(entries: pl.DataFrame, level: str) -> pl.DataFrame:
    """Entries (already `with_lineage`) with their unit of `level` as `scope_id`."""
    return entries.with_columns(pl.col(f"{level}_id").alias("scope_id")).filter(
        pl.col("scope_id").is_not_null()
    )


def response_summary(
    entries: pl.DataFrame, units: pl.DataFrame, profile: Profile
) -> ResponseSummary:
    """The Response page's figures for every unit of every level."""
    as_of = register_reference(entries) or datetime(1970, 1, 1)
    entries = with_lineage(entries, units)
    breaches = sla_breaches(entries, profile, as_of)
    weekly = entries.with_columns(pl.col("received_at").dt.truncate("1w").dt.date().alias("week"))
    state_q = response_quantiles(entries, profile, [])
    state = state_q.select("stage", pl.col("median_h").alias("baseline_median_h"))
    spread, weeks, categories = [], [], []
    for level in SCOPE_LEVELS:
        spread.append(stage_spread(_tagged(entries, level), ["scope_id"]))
        weeks.append(response_quantiles(_tagged(weekly, level), profile, ["scope_id", "week"]))
        categories.append(
            response_quantiles(_tagged(entries, level), profile, ["scope_id", "category"])
        )

    def per_level(table: pl.DataFrame, level: str) -> pl.DataFrame:
        return table.with_columns(pl.lit(level).alias("level"))

    return ResponseSummary(
        as_of=register_reference(entries),
        entries=entries.height,
        by_unit=pl.concat(
            per_level(response_by_level(entries, units, profile, lv, state_q), lv) for lv in LEVELS
        ),
        ageing=pl.concat(
            per_level(ageing_by_level(entries, units, lv, as_of), lv) for lv in LEVELS
        ),
        breach_counts=pl.concat(
            per_level(breaches_by_level(breaches, entries, units, lv), lv) for lv in LEVELS
        ),
        spread=pl.concat(spread),
        weekly=pl.concat(weeks).sort("scope_id", "week", "stage"),
        by_category=pl.concat(categories).join(state, on="stage"),
        breaches=breaches,
        open=open_entries(entries, as_of).select(_ENTRY).sort("received_at", "entry_id"),
    )


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
