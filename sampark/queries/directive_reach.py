"""Reads for directive reach per unit: each directive's deliveries to its target groups, with
the time of issue, as the last run with a pepper stored them."""

from __future__ import annotations

import io

import polars as pl
import sqlalchemy as sa

from sampark.queries.spread import SPREAD_KIND
from sampark.schema import derived_frames
from sampark.spread.units import DELIVERY_COLUMNS

_PARTS = ("delivered", "reach")


def stored_deliveries(conn: sa.Connection) -> pl.DataFrame | None:
    """Every target group of every directive (`DELIVERY_COLUMNS`: the delay is None when it
    never arrived); None when no run stored spread figures yet (no pepper set)."""
    t = derived_frames.c
    rows = conn.execute(
        sa.select(t.part, t.payload).where(t.kind == SPREAD_KIND, t.part.in_(_PARTS))
    ).all()
    parts = {part: pl.read_ipc(io.BytesIO(bytes(payload))) for part, payload in rows}
    if set(parts) != set(_PARTS):
        return None
    issued = parts["reach"].select("key", "issued_at")
    return parts["delivered"].join(issued, on="key", how="left").select(DELIVERY_COLUMNS)
