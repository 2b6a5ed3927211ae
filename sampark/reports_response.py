"""`report response` and `report alerts`: the tables the Response page shows, by level."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark import queries
from sampark.access import STATE
from sampark.metrics.alerts import alerts_by_level
from sampark.metrics.response import response_by_level
from sampark.targets import Profile


def response_report(conn: sa.Connection, kind: str, profile: Profile, level: str) -> pl.DataFrame:
    """Register response times per unit of `level` and stage (`response`), or self-harm
    alerts per unit of `level` (`alerts`); the same functions the page calls."""
    units = queries.network(conn, STATE).units
    if kind == "alerts":
        return alerts_by_level(queries.alerts_frame(conn, STATE), units, level)
    return response_by_level(queries.register_entries_frame(conn, STATE), units, profile, level)
