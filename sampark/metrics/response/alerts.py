"""Self-harm alerts as a funnel: received → traced → forwarded → contacted → reached.

Pure: frames in, frames out. Minutes are counted from the alert's receipt; each stage's SLA is
the profile's `alert_sla_minutes`. Failures are told by outcome (not traceable, another state,
phone off …) and by the last stage the alert reached, never as one "lives saved" number.
"""

from __future__ import annotations

import polars as pl

from sampark.i18n.vocab import ALERT_OUTCOMES, ALERT_REACHED
from sampark.metrics.coverage.totals import LEVELS, unit_lineage
from sampark.targets import Profile

ALERT_STAGES: tuple[str, ...] = ("traced", "forwarded", "contacted")
FUNNEL: tuple[str, ...] = ("received", *ALERT_STAGES, "reached")
MIN_ALERTS = 10
"""Fewest alerts for a unit to be ranked on the share of people reached."""


def _minutes(stage: str) -> pl.Expr:
    return (pl.col(f"{stage}_at") - pl.col("received_at")).dt.total_seconds() / 60


def _reached() -> pl.Expr:
    return pl.col("outcome").is_in(list(ALERT_REACHED))


def alert_funnel(alerts: pl.DataFrame, profile: Profile) -> pl.DataFrame:
    """One row per funnel stage: alerts reaching it, share of all alerts and of the stage
    before, median and p90 minutes from receipt, share within the stage's SLA."""
    aggs: list[pl.Expr] = [
        pl.len().alias("received|alerts"),
        _reached().sum().alias("reached|alerts"),
    ]
    for stage in ALERT_STAGES:
        minutes = _minutes(stage)
        sla = profile.alert_sla_minutes.get(stage)
        within = (minutes <= sla).sum() / minutes.count() if sla else pl.lit(None, pl.Float64)
        aggs += [
            minutes.count().alias(f"{stage}|alerts"),
            minutes.median().alias(f"{stage}|median_min"),
            minutes.quantile(0.9, "linear").alias(f"{stage}|p90_min"),
            within.alias(f"{stage}|within_sla"),
        ]
    wide = alerts.select(aggs)
    rows = []
    for stage in FUNNEL:
        timed = stage in ALERT_STAGES
        rows.append(
            wide.select(
                pl.lit(stage).alias("stage"),
                pl.col(f"{stage}|alerts").cast(pl.Int64).alias("alerts"),
                *(
                    (pl.col(f"{stage}|{k}") if timed else pl.lit(None)).cast(pl.Float64).alias(k)
                    for k in ("median_min", "p90_min", "within_sla")
                ),
                pl.lit(profile.alert_sla_minutes.get(stage), pl.Float64).alias("sla_min"),
            )
        )
    funnel = pl.concat(rows)
    total = funnel.get_column("alerts")[0]
    return funnel.with_columns(
        (pl.col("alerts") / total if total else pl.lit(None, pl.Float64)).alias("share"),
        (pl.col("alerts") / pl.col("alerts").shift(1)).alias("share_of_previous"),
    ).with_columns(
        pl.when(pl.col("alerts") > 0).then(pl.col(c)).alias(c) for c in ("median_min", "p90_min")
    )


def alert_outcomes(alerts: pl.DataFrame) -> pl.DataFrame:
    """Alerts per outcome (every known outcome listed, open alerts as `pending`), with the
    share of all alerts and whether the person was reached."""
    counts = alerts.group_by(pl.col("outcome").fill_null("pending")).agg(pl.len().alias("alerts"))
    known = pl.DataFrame({"outcome": [*ALERT_OUTCOMES, "pending"]})
    table = known.join(counts, on="outcome", how="left").with_columns(
        pl.col("alerts").fill_null(0).cast(pl.Int64)
    )
    total = alerts.height
    return table.with_columns(
        (pl.col("alerts") / total if total else pl.lit(None, pl.Float64)).alias("share"),
        pl.col("outcome").is_in(list(ALERT_REACHED)).alias("reached"),
    )


def alert_failures(alerts: pl.DataFrame) -> pl.DataFrame:
    """Alerts where the person was not reached, by outcome and the last stage completed; a
    false alarm is not a failure and is left out."""
    last = pl.lit("received")
    for stage in ALERT_STAGES:
        last = pl.when(pl.col(f"{stage}_at").is_not_null()).then(pl.lit(stage)).otherwise(last)
    return (
        alerts.filter(~_reached() & ~pl.col("outcome").is_in(["false_alarm"]))
        .group_by("outcome", last.alias("last_stage"))
        .agg(pl.len().alias("alerts"))
        .sort("alerts", "outcome", descending=[True, False])
    )


def alerts_by_level(alerts: pl.DataFrame, units: pl.DataFrame, level: str) -> pl.DataFrame:
    """Per unit of `level` (alerts forwarded to its thanas): alerts, reached, the share
    reached beside the state's, median minutes to contact; ranked only with ≥ MIN_ALERTS."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level}")
    # Like with like: the baseline is over alerts forwarded to a thana, as each unit's are.
    forwarded = alerts.filter(pl.col("unit_id").is_not_null())
    state_share = forwarded.select(_reached().mean()).item() if forwarded.height else None
    lineage = unit_lineage(units).select("unit_id", pl.col(f"{level}_id").alias("scope_id"))
    names = units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    counts = (
        alerts.join(lineage, on="unit_id")
        .group_by("scope_id")
        .agg(
            pl.len().alias("alerts"),
            _reached().sum().alias("reached"),
            _minutes("contacted").median().alias("median_contact_min"),
        )
    )
    ranked = pl.col("alerts") >= MIN_ALERTS
    share = pl.col("reached") / pl.col("alerts")
    return (
        names.join(counts, on="scope_id", how="left")
        .with_columns(pl.col("alerts", "reached").fill_null(0).cast(pl.Int64))
        .with_columns(
            pl.when(pl.col("alerts") > 0).then(share).alias("reached_share"),
            pl.lit(state_share, pl.Float64).alias("baseline_reached_share"),
            pl.when(ranked)
            .then(pl.when(ranked).then(-share).rank("min"))
            .cast(pl.Int64)
            .alias("rank"),
        )
        .rename({"scope_id": "unit_id"})
        .sort("unit_id")
    )
