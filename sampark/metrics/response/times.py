"""Response times of the registers: received → cognizance → FIR → action → closed.

Pure: frames in, frames out. Hours are counted from receipt to each stage. A stage's SLA comes
from the state profile (`response_sla_hours`); "within SLA" is the share of the entries that
reached a stage that reached it within its limit. Open entries (no closed time) are aged in
days as of the register's latest recorded time, so a report reads the same whenever it runs.

Fair comparison: a unit with fewer than MIN_CASES entries reaching a stage gets no rank for
that stage, and every figure carries the state's baseline beside it.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.coverage.totals import LEVELS, unit_lineage
from sampark.targets import Profile

STAGES: tuple[str, ...] = ("cognizance", "fir", "action", "closed")
MIN_CASES = 20
"""Fewest entries reaching a stage for a unit to be ranked on it (smaller samples mislead)."""

AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-3", 0, 3),
    ("4-7", 4, 7),
    ("8-21", 8, 21),
    (">21", 22, None),
)
"""Open entries by age in whole days (the CPGRAMS buckets)."""

_QUANTILES = {
    "cases": pl.Int64,
    "median_h": pl.Float64,
    "p90_h": pl.Float64,
    "within_sla": pl.Float64,
}


def _hours(stage: str) -> pl.Expr:
    return pl.col(f"{stage}_h")


def with_hours(entries: pl.DataFrame) -> pl.DataFrame:
    """Entries with the hours from receipt to each stage (`cognizance_h` …), unless present.
    Quantiles over a stored column run ~3x faster than over the difference recomputed in every
    aggregation, and a summary aggregates the same entries many times."""
    missing = [s for s in STAGES if f"{s}_h" not in entries.columns]
    return entries.with_columns(
        ((pl.col(f"{s}_at") - pl.col("received_at")).dt.total_seconds() / 3600).alias(f"{s}_h")
        for s in missing
    )


def register_reference(entries: pl.DataFrame) -> datetime | None:
    """The latest time the register records: the 'as of' of ageing and breaches."""
    stamps = ["received_at", *(f"{s}_at" for s in STAGES)]
    latest = entries.select(pl.max_horizontal(pl.col(c).max() for c in stamps)).item()
    return latest if isinstance(latest, datetime) else None


def response_quantiles(entries: pl.DataFrame, profile: Profile, by: list[str]) -> pl.DataFrame:
    """Per group of `by` (none: the whole frame) and stage: entries reaching the stage, median
    and p90 hours from receipt, the share within the stage's SLA, and the SLA itself."""
    aggs: list[pl.Expr] = []
    for stage in STAGES:
        hours = _hours(stage)
        sla = profile.response_sla_hours.get(stage)
        within = (hours <= sla).sum() / hours.count() if sla else pl.lit(None, pl.Float64)
        aggs += [
            hours.count().alias(f"{stage}|cases"),
            hours.median().alias(f"{stage}|median_h"),
            hours.quantile(0.9, "linear").alias(f"{stage}|p90_h"),
            within.alias(f"{stage}|within_sla"),
        ]
    entries = with_hours(entries)
    wide = entries.group_by(by).agg(aggs) if by else entries.select(aggs)
    parts = [
        wide.select(
            *by,
            pl.lit(stage).alias("stage"),
            *(pl.col(f"{stage}|{k}").cast(t).alias(k) for k, t in _QUANTILES.items()),
            pl.lit(profile.response_sla_hours.get(stage), pl.Float64).alias("sla_h"),
        )
        for stage in STAGES
    ]
    return pl.concat(parts).with_columns(
        pl.when(pl.col("cases") > 0).then(pl.col(c).round(2)).alias(c)
        for c in ("median_h", "p90_h")
    )


def _sorted(stage: str) -> pl.Expr:
    """A group's hours to `stage`, nulls left out, in order: the spread's five quantiles are
    then read off one sort, where each quantile aggregation selected its value again (a
    state's spread takes 100 quantiles over 2M entries: a third of the time, so)."""
    return _hours(stage).drop_nulls().sort().alias(f"{stage}|sorted")


def _list_quantile(stage: str, q: float) -> pl.Expr:
    """The `q` quantile of a group's sorted hours (`_sorted`), interpolated linearly between
    the two nearest values, as `quantile(q, "linear")` does; null for no hours."""
    values = pl.col(f"{stage}|sorted")
    at = (values.list.len().cast(pl.Float64) - 1.0) * q
    low, high = at.floor(), at.ceil()
    lower = values.list.get(low.cast(pl.Int64), null_on_oob=True)
    upper = values.list.get(high.cast(pl.Int64), null_on_oob=True)
    return pl.when(lower == upper).then(lower).otherwise((at - low) * (upper - lower) + lower)


def _grouped(entries: pl.DataFrame, by: list[str], aggs: list[pl.Expr]) -> pl.DataFrame:
    """`aggs` per group of `by`, or over the whole frame as one group (a list per stage)."""
    if by:
        return entries.group_by(by).agg(aggs)
    return entries.with_columns(pl.lit(0).alias("_all")).group_by("_all").agg(aggs).drop("_all")


def _at_level(entries: pl.DataFrame, units: pl.DataFrame, level: str) -> pl.DataFrame:
    """Entries tagged with their unit of `level` as `scope_id` (entries outside it dropped)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level}")
    key = f"{level}_id"
    if key in entries.columns:  # already tagged with the lineage (see `with_lineage`)
        return entries.with_columns(pl.col(key).alias("scope_id")).filter(
            pl.col("scope_id").is_not_null()
        )
    lineage = unit_lineage(units).select("unit_id", pl.col(key).alias("scope_id"))
    return entries.join(lineage, on="unit_id").filter(pl.col("scope_id").is_not_null())


def with_lineage(entries: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """Entries tagged once with their unit of every level (`state_id` … `thana_id`), so that
    many roll-ups need not join the lineage again."""
    return entries.join(unit_lineage(units), on="unit_id", how="left")


def response_by_level(
    entries: pl.DataFrame,
    units: pl.DataFrame,
    profile: Profile,
    level: str,
    state: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per unit of `level` and stage: cases, median, p90, share within SLA, the state baseline
    beside each, and a rank by median (1 = fastest) only for units with ≥ MIN_CASES cases.
    `state` is `response_quantiles(entries, profile, [])` when the caller has it already."""
    if state is None:
        state = response_quantiles(entries, profile, [])
    baseline = state.select(
        "stage",
        pl.col("median_h").alias("baseline_median_h"),
        pl.col("within_sla").alias("baseline_within_sla"),
    )
    rows = response_quantiles(_at_level(entries, units, level), profile, ["scope_id"])
    names = units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    ranked = pl.col("cases") >= MIN_CASES
    rank = pl.when(ranked).then(pl.col("median_h")).rank("min").over("stage").cast(pl.Int64)
    return (
        names.join(pl.DataFrame({"stage": list(STAGES)}), how="cross")
        .join(rows.drop("sla_h"), on=["scope_id", "stage"], how="left")
        .join(baseline, on="stage")
        .join(_sla(profile), on="stage")
        .with_columns(pl.col("cases").fill_null(0))
        .with_columns(pl.when(ranked).then(rank).alias("rank"), ranked.alias("ranked"))
        .rename({"scope_id": "unit_id"})
        .sort("unit_id", pl.col("stage").replace_strict({s: i for i, s in enumerate(STAGES)}))
        .select(
            "unit_id",
            "name",
            "name_hi",
            "stage",
            "cases",
            "median_h",
            "p90_h",
            "within_sla",
            "sla_h",
            "baseline_median_h",
            "baseline_within_sla",
            "rank",
            "ranked",
        )
    )


def _sla(profile: Profile) -> pl.DataFrame:
    return pl.DataFrame(
        {"stage": list(STAGES), "sla_h": [profile.response_sla_hours.get(s) for s in STAGES]},
        schema={"stage": pl.String, "sla_h": pl.Float64},
    )


def response_by_category(entries: pl.DataFrame, profile: Profile) -> pl.DataFrame:
    """Per category and stage, with the state baseline beside each figure."""
    state = response_quantiles(entries, profile, []).select(
        "stage", pl.col("median_h").alias("baseline_median_h")
    )
    return (
        response_quantiles(entries, profile, ["category"])
        .join(state, on="stage")
        .sort("category", pl.col("stage").replace_strict({s: i for i, s in enumerate(STAGES)}))
    )


def response_by_week(entries: pl.DataFrame, profile: Profile) -> pl.DataFrame:
    """Per week of receipt (Monday) and stage: cases, median, p90 and share within SLA."""
    weekly = entries.with_columns(pl.col("received_at").dt.truncate("1w").dt.date().alias("week"))
    return response_quantiles(weekly, profile, ["week"]).sort("week", "stage")


def _age_days(as_of: datetime) -> pl.Expr:
    return (pl.lit(as_of, pl.Datetime("us")) - pl.col("received_at")).dt.total_days()


def _bucket(days: pl.Expr) -> pl.Expr:
    expr = pl.lit(AGE_BUCKETS[-1][0])
    for name, _low, high in reversed(AGE_BUCKETS[:-1]):
        assert high is not None
        expr = pl.when(days <= high).then(pl.lit(name)).otherwise(expr)
    return expr


def open_entries(entries: pl.DataFrame, as_of: datetime) -> pl.DataFrame:
    """Entries without a closed time, with their age in days, age bucket and last stage."""
    last = pl.lit("received")
    for stage in STAGES[:-1]:
        last = pl.when(pl.col(f"{stage}_at").is_not_null()).then(pl.lit(stage)).otherwise(last)
    return (
        entries.filter(pl.col("closed_at").is_null())
        .with_columns(_age_days(as_of).alias("age_days"), last.alias("last_stage"))
        .with_columns(_bucket(pl.col("age_days")).alias("age_bucket"))
    )


def ageing(entries: pl.DataFrame, as_of: datetime) -> pl.DataFrame:
    """Open entries per age bucket (every bucket listed, 0 when empty)."""
    counts = open_entries(entries, as_of).group_by("age_bucket").agg(pl.len().alias("entries"))
    order = pl.DataFrame({"age_bucket": [b[0] for b in AGE_BUCKETS]})
    return order.join(counts, on="age_bucket", how="left").with_columns(
        pl.col("entries").fill_null(0).cast(pl.Int64)
    )


def ageing_by_level(
    entries: pl.DataFrame, units: pl.DataFrame, level: str, as_of: datetime
) -> pl.DataFrame:
    """Per unit of `level`: open entries in each age bucket, and entries open over 21 days."""
    tagged = open_entries(_at_level(entries, units, level), as_of)
    names = units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    counts = tagged.group_by("scope_id").agg(
        pl.len().alias("open"),
        *((pl.col("age_bucket") == b).sum().alias(b) for b, _, _ in AGE_BUCKETS),
    )
    buckets = ["open", *(b for b, _, _ in AGE_BUCKETS)]
    return (
        names.join(counts, on="scope_id", how="left")
        .with_columns(pl.col(c).fill_null(0).cast(pl.Int64) for c in buckets)
        .rename({"scope_id": "unit_id"})
        .sort("unit_id")
    )


def oldest_open(entries: pl.DataFrame, as_of: datetime, limit: int = 100) -> pl.DataFrame:
    """The `limit` longest-open entries, oldest first."""
    return (
        open_entries(entries, as_of)
        .sort("received_at", "entry_id")
        .head(limit)
        .select("entry_id", "unit_id", "category", "received_at", "last_stage", "age_days")
    )


def sla_breaches(entries: pl.DataFrame, profile: Profile, as_of: datetime) -> pl.DataFrame:
    """Entries that missed a stage's SLA — reached late, or still open and past due — with the
    first such stage and how many hours over the limit it is (or stands). A closed entry that
    skipped a stage (no action was needed) and a missing FIR are not breaches."""
    age_h = (pl.lit(as_of, pl.Datetime("us")) - pl.col("received_at")).dt.total_seconds() / 3600
    over: list[pl.Expr] = []
    # An FIR is not due for every entry, so only a late FIR counts, not a missing one.
    for stage in STAGES:
        sla = profile.response_sla_hours.get(stage)
        if sla is None:
            continue
        taken = _hours(stage)
        late = taken - sla
        if stage != "fir":
            overdue = pl.when(pl.col("closed_at").is_null()).then(age_h - sla)
            late = pl.when(taken.is_null()).then(overdue).otherwise(late)
        over.append(pl.when(late > 0).then(pl.struct(stage=pl.lit(stage), hours_over=late)))
    first = pl.coalesce(over) if over else pl.lit(None)
    return (
        with_hours(entries)
        .with_columns(first.alias("_breach"))
        .filter(pl.col("_breach").is_not_null())
        .select(
            "entry_id",
            "unit_id",
            "category",
            "received_at",
            pl.col("_breach").struct.field("stage").alias("stage"),
            pl.col("_breach").struct.field("hours_over").round(1).alias("hours_over"),
            pl.col("closed_at").is_null().alias("open"),
        )
        .sort("hours_over", descending=True)
    )


def breaches_by_level(
    breaches: pl.DataFrame, entries: pl.DataFrame, units: pl.DataFrame, level: str
) -> pl.DataFrame:
    """Per unit of `level`: entries, entries with a breach, and the breach share."""
    names = units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    total = _at_level(entries, units, level).group_by("scope_id").agg(pl.len().alias("entries"))
    late = _at_level(breaches, units, level).group_by("scope_id").agg(pl.len().alias("breaches"))
    return (
        names.join(total, on="scope_id", how="left")
        .join(late, on="scope_id", how="left")
        .with_columns(pl.col("entries", "breaches").fill_null(0).cast(pl.Int64))
        .with_columns(
            pl.when(pl.col("entries") > 0)
            .then(pl.col("breaches") / pl.col("entries"))
            .alias("breach_share")
        )
        .rename({"scope_id": "unit_id"})
        .sort("unit_id")
    )


def stage_spread(entries: pl.DataFrame, by: list[str] | None = None) -> pl.DataFrame:
    """Per group of `by` and stage: p10, quartiles and p90 of the hours from receipt."""
    keys = by or []
    qs = {"p10": 0.1, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p90": 0.9}
    aggs = [*(_sorted(s) for s in STAGES), *(_hours(s).count().alias(f"{s}|cases") for s in STAGES)]
    wide = _grouped(with_hours(entries), keys, aggs).with_columns(
        _list_quantile(s, q).alias(f"{s}|{k}") for s in STAGES for k, q in qs.items()
    )
    return pl.concat(
        wide.select(
            *keys,
            pl.lit(s).alias("stage"),
            pl.col(f"{s}|cases").cast(pl.Int64).alias("cases"),
            *(pl.col(f"{s}|{k}").cast(pl.Float64).alias(k) for k in qs),
        )
        for s in STAGES
    )


def scoped_entries(entries: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """The entries of `units` (a scope's units, as `coverage.within` gives them)."""
    return entries.join(units.select("unit_id"), on="unit_id", how="semi")
