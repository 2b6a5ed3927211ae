"""`report response` and `report alerts`: the tables the Response page shows, by level."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.access import STATE
from sampark.metrics.alerts import alerts_by_level
from sampark.metrics.response import response_by_level
from sampark.queries.derived import stored_response_snapshot
from sampark.queries.network import network
from sampark.queries.registers import alerts_frame, register_entries_frame
from sampark.queries.registry import data_version
from sampark.targets import Profile


def response_report(conn: sa.Connection, kind: str, profile: Profile, level: str) -> pl.DataFrame:
    """Register response times per unit of `level` and stage (`response`), or self-harm
    alerts per unit of `level` (`alerts`); the same functions the page calls."""
    units = network(conn, STATE).units
    if kind == "alerts":
        return alerts_by_level(alerts_frame(conn, STATE), units, level)
    # The figures the ETL stored for this data are the page's own; without them, the same
    # function over the entries.
    stored = stored_response_snapshot(conn, data_version(conn), profile)
    if stored is not None:
        rows = stored.by_unit.filter(pl.col("level") == level).drop("level")
        return rows.join(units.select("unit_id"), on="unit_id", how="semi")
    return response_by_level(register_entries_frame(conn, STATE), units, profile, level)
