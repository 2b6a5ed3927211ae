"""`report directives` and `report rumours`: the spread figures the last run stored, as the
Directives and rumours page will show them. Groups and units are named; members are counted,
never named (no sender appears in either report). Times are IST, as the chats give them."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.queries.network import units_frame
from sampark.queries.spread import directive_titles, rumours_frame, stored_spread
from sampark.spread.directives import reach_by_unit
from sampark.spread.tree import unit_ancestors

NO_FIGURES = (
    "no directive figures yet: run the ETL with SAMPARK_FINGERPRINT_PEPPER set (README, Settings)"
)


def _hours(column: str) -> pl.Expr:
    """A duration as hours, rounded to a hundredth (None stays None)."""
    return (pl.col(column).dt.total_seconds() / 3600).round(2).alias(f"{column}_h")


def directives_by_directive(parts: dict[str, pl.DataFrame], titles: pl.DataFrame) -> pl.DataFrame:
    """One row per directive: registered or found, its target groups, how many had it, the
    share, T50/T90/T100 in hours, and the units where its chain stalled."""
    stalls = parts["stalls"].group_by("key").agg(pl.len().alias("stalled_units"))
    return (
        parts["directives"]
        .select("key", "registered")
        .join(parts["reach"], on="key", how="left")
        .join(titles, on="key", how="left")
        .join(stalls, on="key", how="left")
        .select(
            pl.col("key").alias("directive"),
            pl.col("issued_at").alias("issued_at_ist"),
            "issued_by",
            "title",
            "registered",
            "targets",
            "reached",
            pl.col("share").round(3),
            _hours("t50"),
            _hours("t90"),
            _hours("t100"),
            pl.col("stalled_units").fill_null(0),
        )
        .sort("issued_at_ist", "directive")
    )


def directives_by_level(
    parts: dict[str, pl.DataFrame], units: pl.DataFrame, level: str
) -> pl.DataFrame:
    """Per unit of `level`: deliveries due, within 24 h, never, their share and the median
    delay in hours."""
    table = reach_by_unit(parts["delivered"], unit_ancestors(units), level)
    return table.join(units.select("unit_id", "name"), on="unit_id", how="left").select(
        "unit_id",
        "name",
        "directives",
        "due",
        "within",
        pl.col("share_within").round(3),
        "never",
        _hours("median_delay"),
    )


def directives_report(engine: sa.Engine, level: str) -> tuple[pl.DataFrame, str]:
    """The directives report and its title; an empty frame, and a title that says why, when
    no run stored figures yet."""
    with engine.connect() as conn:
        parts = stored_spread(conn)
        if parts is None:
            return pl.DataFrame(), NO_FIGURES
        if level == "state":
            return directives_by_directive(parts, directive_titles(conn)), "Directives"
        units = units_frame(conn)
    return directives_by_level(parts, units, level), f"Directives by {level}"


def rumours_report(engine: sa.Engine) -> tuple[pl.DataFrame, str]:
    """Every rumour found, newest first: where and when it was first seen, the groups and
    districts it reached in its first window and in all, the cell's verdict and answer."""
    with engine.connect() as conn:
        found = rumours_frame(conn)
    table = found.select(
        pl.col("cluster").cast(pl.String).alias("rumour"),
        pl.col("first_ts").alias("first_seen_ist"),
        pl.col("first_group_id").alias("first_group"),
        "groups_in_window",
        "districts_in_window",
        "groups",
        "districts",
        pl.col("last_ts").alias("last_seen_ist"),
        "verdict",
        pl.coalesce(
            pl.format("directive {}", "answer_directive_id"),
            pl.format("cluster {}", "answer_cluster"),
        ).alias("answer"),
    )
    return table, "Rumours (state)"
