"""The Directives and rumours page's tables and figures: each directive's reach inside the
reader's scope, and the rumours, with headers in the reader's language and codes as words.
No sender is named: rumours and directives are counted by group and district."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sampark.i18n import t
from sampark.spread.directives import directive_reach
from sampark.spread.tree import unit_ancestors


@dataclass(frozen=True)
class SpreadCounts:
    directives: int
    reached_all: int
    stalled: int
    rumours: int
    rumours_open: int


def reach_in_scope(
    parts: dict[str, pl.DataFrame], units: pl.DataFrame, scope_id: str | None
) -> pl.DataFrame:
    """Each directive's reach counted over the target groups inside `scope_id` (None: the
    state, as stored); `units`: unit_id, kind, parent_id of the state."""
    if scope_id is None:
        return parts["reach"]
    inside = (
        unit_ancestors(units.select("unit_id", "kind", "parent_id"))
        .filter(pl.col("ancestor_id") == scope_id)
        .select("unit_id")
    )
    delivered = parts["delivered"].join(inside, on="unit_id", how="semi")
    reach = directive_reach(parts["directives"], delivered)
    return reach.filter(pl.col("targets") > 0)


def spread_counts(
    parts: dict[str, pl.DataFrame] | None, reach: pl.DataFrame | None, rumours: pl.DataFrame
) -> SpreadCounts:
    """The page's figures: directives with targets in scope, those that reached every one,
    chains stalled (directive × unit), rumours and rumours the cell has not judged. Without
    figures or `reach` (a role that does not see directives) the directive counts are 0."""
    directives = reached_all = stalled = 0
    if parts is not None and reach is not None:
        directives = reach.height
        reached_all = reach.filter(pl.col("targets") == pl.col("reached")).height
        stalled = parts["stalls"].join(reach.select("key"), on="key", how="semi").height
    return SpreadCounts(
        directives=directives,
        reached_all=reached_all,
        stalled=stalled,
        rumours=rumours.height,
        rumours_open=rumours.filter(pl.col("verdict").is_null()).height,
    )


def _hours(column: str) -> pl.Expr:
    return (pl.col(column).dt.total_seconds() / 3600).round(1)


def directives_table(reach: pl.DataFrame, directives: pl.DataFrame, lang: str) -> pl.DataFrame:
    """One row per directive in scope: id, time of issue, register or found, target groups,
    reached, hours to half, 90 % and all of them (a dash while not reached)."""
    source = pl.when(pl.col("registered")).then(pl.lit(t("spread_registered", lang)))
    return (
        reach.join(directives.select("key", "registered"), on="key", how="left")
        .sort("issued_at", "key")
        .select(
            pl.col("key").alias(t("spread_col_directive", lang)),
            pl.col("issued_at").dt.strftime("%d-%m-%Y %H:%M").alias(t("spread_col_issued", lang)),
            source.otherwise(pl.lit(t("spread_found", lang))).alias(t("spread_col_source", lang)),
            pl.col("targets").alias(t("spread_col_targets", lang)),
            pl.col("reached").alias(t("spread_col_reached", lang)),
            _hours("t50").alias(t("spread_col_t50", lang)),
            _hours("t90").alias(t("spread_col_t90", lang)),
            _hours("t100").alias(t("spread_col_t100", lang)),
        )
    )


def rumours_table(rumours: pl.DataFrame, group_names: pl.DataFrame, lang: str) -> pl.DataFrame:
    """One row per rumour, newest first: first seen, first group (by name), groups and
    districts reached, and the cell's verdict in words."""
    verdicts = {v: t(f"spread_verdict_{v}", lang) for v in ("false", "true", "unclear")}
    return (
        rumours.join(
            group_names.select(pl.col("group_id").alias("first_group_id"), "name"),
            on="first_group_id",
            how="left",
        )
        .sort("first_ts", descending=True)
        .select(
            pl.col("first_ts")
            .dt.strftime("%d-%m-%Y %H:%M")
            .alias(t("spread_col_first_seen", lang)),
            pl.coalesce("name", "first_group_id").alias(t("spread_col_first_group", lang)),
            pl.col("groups").alias(t("spread_col_groups", lang)),
            pl.col("districts").alias(t("spread_col_districts", lang)),
            pl.col("verdict")
            .replace_strict(verdicts, default=t("spread_verdict_none", lang))
            .alias(t("spread_col_verdict", lang)),
        )
    )
