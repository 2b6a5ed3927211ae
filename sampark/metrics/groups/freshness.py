"""Whether a group's chat is recent enough to judge: a group whose newest export was loaded
more than `STALE_EXPORT_DAYS` before today is "no recent export", neither active nor dormant
(its silence may be nothing but a missing export)."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

STALE_EXPORT_DAYS = 14


def with_export_age(health: pl.DataFrame, exports: pl.DataFrame, today: date) -> pl.DataFrame:
    """`health` with `export_date` (the day the group's newest export was loaded) and
    `no_recent_export`; such a group (or one never exported) is not counted dormant.

    >>> from datetime import datetime
    >>> health = pl.DataFrame({"group_id": ["A", "B", "C"], "dormant": [True, True, False]})
    >>> exports = pl.DataFrame({"group_id": ["A", "B"],
    ...     "export_loaded_at": [datetime(2026, 12, 1, 9), datetime(2026, 11, 1, 9)]})
    >>> aged = with_export_age(health, exports, date(2026, 12, 5))
    >>> aged.select("group_id", "dormant", "no_recent_export").rows()
    [('A', True, False), ('B', False, True), ('C', False, True)]
    """
    cutoff = today - timedelta(days=STALE_EXPORT_DAYS)
    exported = exports.select(
        "group_id",
        # The registry keeps UTC; the day is the officer's (IST).
        (pl.col("export_loaded_at") + pl.duration(hours=5, minutes=30))
        .dt.date()
        .alias("export_date"),
    )
    stale = pl.col("export_date").is_null() | (pl.col("export_date") < cutoff)
    return (
        health.drop("export_date", "no_recent_export", strict=False)
        .join(exported, on="group_id", how="left", maintain_order="left")
        .with_columns(stale.alias("no_recent_export"))
        .with_columns((pl.col("dormant") & ~pl.col("no_recent_export")).alias("dormant"))
    )


def incomplete_exports_among(exports: pl.DataFrame, groups: pl.DataFrame) -> tuple[int, int]:
    """Of `groups` (group_id): how many have a chat loaded only from exports cut off at
    WhatsApp's cap, and how many have a chat loaded at all. exports: group_id, incomplete
    (`sampark.queries.memberships.export_completeness`).

    >>> exports = pl.DataFrame({"group_id": ["A", "B", "C"], "incomplete": [True, False, True]})
    >>> incomplete_exports_among(exports, pl.DataFrame({"group_id": ["A", "B", "D"]}))
    (1, 2)
    """
    inside = exports.join(groups.select("group_id"), on="group_id", how="semi")
    return int(inside.get_column("incomplete").sum()), inside.height
