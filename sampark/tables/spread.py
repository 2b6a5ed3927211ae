"""The Directives and rumours page's tables and figures: each directive's reach inside the
reader's scope, and the rumours, with headers in the reader's language and codes as words.
No sender is named: rumours and directives are counted by group and district."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sampark.i18n import t
from sampark.memo import by_frame
from sampark.spread.directives import directive_reach
from sampark.spread.tree import unit_ancestors
from sampark.tables.names import unit_names

# A directive that reached a group within this long after issue reached it on time.
ON_TIME_HOURS = 24
STATUSES = ("on_time", "late", "never")


@dataclass(frozen=True)
class SpreadCounts:
    directives: int
    reached_all: int
    stalled: int
    rumours: int
    rumours_open: int


@by_frame()
def _ancestors(units: pl.DataFrame) -> pl.DataFrame:
    """The unit tree walked once per units frame (the cached loader's): a page view asks for
    it from several tables."""
    return unit_ancestors(units.select("unit_id", "kind", "parent_id"))


def units_inside(units: pl.DataFrame, scope_id: str | None) -> pl.DataFrame:
    """unit_id of every unit in `scope_id` and below it (every unit for None: the state)."""
    if scope_id is None:
        return units.select("unit_id")
    return _ancestors(units).filter(pl.col("ancestor_id") == scope_id).select("unit_id")


def delivered_in_scope(
    parts: dict[str, pl.DataFrame], units: pl.DataFrame, scope_id: str | None
) -> pl.DataFrame:
    """The deliveries (directive × target group) whose group lies inside `scope_id`."""
    if scope_id is None:
        return parts["delivered"]
    return parts["delivered"].join(units_inside(units, scope_id), on="unit_id", how="semi")


def reach_in_scope(
    parts: dict[str, pl.DataFrame], units: pl.DataFrame, scope_id: str | None
) -> pl.DataFrame:
    """Each directive's reach counted over the target groups inside `scope_id` (None: the
    state, as stored); `units`: unit_id, kind, parent_id of the state."""
    if scope_id is None:
        return parts["reach"]
    reach = directive_reach(parts["directives"], delivered_in_scope(parts, units, scope_id))
    return reach.filter(pl.col("targets") > 0)


def reach_marks(reach: pl.DataFrame, key: str) -> dict[str, float | None]:
    """Hours from issue to T50, T90 and T100 of directive `key` (None: not reached yet)."""
    row = reach.filter(pl.col("key") == key).select(
        (pl.col(m).dt.total_seconds() / 3600).cast(pl.Float64) for m in ("t50", "t90", "t100")
    )
    return {m: (row.get_column(m).item() if row.height else None) for m in row.columns}


def reach_curve(delivered: pl.DataFrame, key: str) -> pl.DataFrame:
    """The reach curve of directive `key`: hours since issue, and the share of its target
    groups (in `delivered`) that had it by then, one point per arrival, from (0, 0).

    >>> from datetime import timedelta as td
    >>> d = pl.DataFrame({"key": ["A"] * 4, "delay": [td(hours=2), td(0), None, td(hours=2)]})
    >>> reach_curve(d, "A").rows()
    [(0.0, 0.0), (0.0, 0.25), (2.0, 0.5), (2.0, 0.75)]
    """
    rows = delivered.filter(pl.col("key") == key)
    hours = rows.get_column("delay").drop_nulls().dt.total_seconds().sort().cast(pl.Float64) / 3600
    share = pl.int_range(1, hours.len() + 1, eager=True, dtype=pl.Int64) / max(rows.height, 1)
    curve = pl.DataFrame({"hours": hours, "share": share.cast(pl.Float64)})
    start = pl.DataFrame({"hours": [0.0], "share": [0.0]})
    return pl.concat([start, curve])


def status_level(units: pl.DataFrame, scope_id: str | None) -> str | None:
    """The unit kind a directive's target groups are counted by for a reader of `scope_id`:
    districts above a district (the state, a zone, a range), the group's own unit (thana,
    circle) for a district or below."""
    if scope_id is None:
        return "district"
    kinds = units.filter(pl.col("unit_id") == scope_id).get_column("kind").to_list()
    return "district" if not kinds or kinds[0] in ("state", "zone", "range") else None


def status_by_unit(
    delivered: pl.DataFrame, units: pl.DataFrame, key: str, level: str | None, lang: str
) -> pl.DataFrame:
    """Directive `key`'s target groups counted by unit and status (on time within
    `ON_TIME_HOURS`, late, never): unit_id, unit (its name as on every screen), status,
    groups. `level`: the kind of unit to count by (a district), None for the group's own unit
    (an SP reads the thanas of the district)."""
    rows = delivered.filter(pl.col("key") == key)
    if level is not None:
        at_level = (
            _ancestors(units)
            .filter(pl.col("ancestor_kind") == level)
            .select("unit_id", pl.col("ancestor_id").alias("by"))
        )
        rows = rows.join(at_level, on="unit_id")
    else:
        rows = rows.with_columns(by=pl.col("unit_id"))
    status = (
        pl.when(pl.col("delay").is_null())
        .then(pl.lit("never"))
        .when(pl.col("delay") <= pl.duration(hours=ON_TIME_HOURS))
        .then(pl.lit("on_time"))
        .otherwise(pl.lit("late"))
    )
    return (
        rows.with_columns(status=status)
        .group_by("by", "status")
        .agg(pl.len().cast(pl.Int64).alias("groups"))
        .join(unit_names(units, lang).rename({"unit_id": "by"}), on="by", how="left")
        .select(
            pl.col("by").alias("unit_id"),
            pl.coalesce("label", "by").alias("unit"),
            "status",
            "groups",
        )
        .sort("unit", "status")
    )


def stalls_table(
    stalls: pl.DataFrame, units: pl.DataFrame, key: str, scope_id: str | None, lang: str
) -> pl.DataFrame:
    """Where directive `key`'s chain stalled inside `scope_id`: the unit (a name borne by two
    units carries its district), the target groups below it that never got it, and the unit
    above that had it, with when (IST). Groups are counted; no one is named."""
    names = unit_names(units, lang)
    parent_names = names.rename({"unit_id": "parent_id", "label": "parent"})
    return (
        stalls.filter(pl.col("key") == key)
        .join(units_inside(units, scope_id), on="unit_id", how="semi")
        .join(names, on="unit_id", how="left")
        .join(parent_names, on="parent_id", how="left")
        .sort("unit_id")
        .select(
            pl.coalesce("label", "unit_id").alias(t("spread_col_stalled_unit", lang)),
            pl.col("groups_never").alias(t("spread_col_groups_never", lang)),
            pl.col("parent").fill_null("—").alias(t("spread_col_parent", lang)),
            pl.col("parent_reached_at")
            .dt.strftime("%d-%m-%Y %H:%M")
            .fill_null("—")
            .alias(t("spread_col_parent_had_it", lang)),
            pl.col("unit_id").alias(t("unit_id_col", lang)),
        )
    )


def spread_counts(
    parts: dict[str, pl.DataFrame] | None,
    reach: pl.DataFrame | None,
    rumours: pl.DataFrame,
    units: pl.DataFrame,
    scope_id: str | None,
) -> SpreadCounts:
    """The page's figures: directives with targets in scope, those that reached every one,
    chains stalled (directive × unit inside `scope_id`), rumours and rumours the cell has not
    judged. Without figures or `reach` (a role that does not see directives) the directive
    counts are 0."""
    directives = reached_all = stalled = 0
    if parts is not None and reach is not None:
        directives = reach.height
        reached_all = reach.filter(pl.col("targets") == pl.col("reached")).height
        stalled = (
            parts["stalls"]
            .join(reach.select("key"), on="key", how="semi")
            .join(units_inside(units, scope_id), on="unit_id", how="semi")
            .height
        )
    return SpreadCounts(
        directives=directives,
        reached_all=reached_all,
        stalled=stalled,
        rumours=rumours.height,
        rumours_open=rumours.filter(pl.col("verdict").is_null()).height,
    )


def _hours(column: str) -> pl.Expr:
    return (pl.col(column).dt.total_seconds() / 3600).round(1)


def _directive_label(lang: str) -> pl.Expr:
    # A directive found in the chats has no register number; its key is a cluster hash, which
    # says nothing to an officer. It is named by where it came from and when it was first posted.
    found = pl.format(
        "{} {}", pl.lit(t("spread_found", lang)), pl.col("issued_at").dt.strftime("%d-%m-%Y %H:%M")
    )
    return pl.when(pl.col("key").str.starts_with("found:")).then(found).otherwise(pl.col("key"))


def directive_labels(reach: pl.DataFrame, lang: str) -> dict[str, str]:
    """Each directive's name on screen: its register number, or "Found in the chats" and the
    time it was first posted."""
    return dict(reach.select("key", _directive_label(lang)).iter_rows())


def directives_table(reach: pl.DataFrame, directives: pl.DataFrame, lang: str) -> pl.DataFrame:
    """One row per directive in scope: id, time of issue, register or found, target groups,
    reached, hours to half, 90 % and all of them (a dash while not reached)."""
    source = pl.when(pl.col("registered")).then(pl.lit(t("spread_registered", lang)))
    return (
        reach.join(directives.select("key", "registered"), on="key", how="left")
        .sort("issued_at", "key")
        .select(
            _directive_label(lang).alias(t("spread_col_directive", lang)),
            pl.col("issued_at").dt.strftime("%d-%m-%Y %H:%M").alias(t("spread_col_issued", lang)),
            source.otherwise(pl.lit(t("spread_found", lang))).alias(t("spread_col_source", lang)),
            pl.col("targets").alias(t("spread_col_targets", lang)),
            pl.col("reached").alias(t("spread_col_reached", lang)),
            _hours("t50").alias(t("spread_col_t50", lang)),
            _hours("t90").alias(t("spread_col_t90", lang)),
            _hours("t100").alias(t("spread_col_t100", lang)),
        )
    )
