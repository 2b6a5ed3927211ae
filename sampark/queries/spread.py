"""Reads for the directives and rumours: the register, the groups as the spread sees them, the
spread figures the last run stored, and the rumours with the cell's verdict."""

from __future__ import annotations

import io

import polars as pl
import sqlalchemy as sa

from sampark.queries.frames import read_frame
from sampark.schema import derived_frames, directives, groups, rumours, units

SPREAD_KIND = "spread"
SPREAD_PARTS = ("directives", "reach", "delivered", "never", "stalls", "hops")


def register_frame(conn: sa.Connection) -> pl.DataFrame:
    """The directive register in issue order: directive_id, issued_at, unit_id, text."""
    d = directives.c
    return read_frame(
        conn,
        sa.select(d.directive_id, d.issued_at, d.unit_id, d.text).order_by(
            d.issued_at, d.directive_id
        ),
    )


def directive_titles(conn: sa.Connection) -> pl.DataFrame:
    """key (the directive id), issued_by, title: what a report shows of the register."""
    d = directives.c
    return read_frame(
        conn, sa.select(d.directive_id.label("key"), d.issued_by, d.title).order_by(d.directive_id)
    )


def spread_groups(conn: sa.Connection) -> pl.DataFrame:
    """group_id, unit_id, kind of every group."""
    g = groups.c
    return read_frame(conn, sa.select(g.group_id, g.unit_id, g.kind))


def spread_units(conn: sa.Connection) -> pl.DataFrame:
    """unit_id, kind, parent_id of every unit."""
    u = units.c
    return read_frame(conn, sa.select(u.unit_id, u.kind, u.parent_id))


def stored_spread(conn: sa.Connection) -> dict[str, pl.DataFrame] | None:
    """The spread figures the last run stored, by part; None when none are (no run with a
    pepper yet)."""
    t = derived_frames.c
    rows = conn.execute(sa.select(t.part, t.payload).where(t.kind == SPREAD_KIND)).all()
    parts = {part: pl.read_ipc(io.BytesIO(bytes(payload))) for part, payload in rows}
    return parts if set(parts) == set(SPREAD_PARTS) else None


def rumours_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every rumour found, newest first, with the cell's verdict and answer."""
    return read_frame(conn, sa.select(rumours).order_by(rumours.c.first_ts.desc()))
