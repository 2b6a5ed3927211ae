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
# Stored beside the directives' snapshot: each rumour's first arrival in every group and the
# police clusters that could answer one (`sampark.spread.rebuttals`).
RUMOUR_SPREAD_KIND = "rumour_spread"
RUMOUR_SPREAD_PARTS = ("arrivals", "answers")


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


def rumour_groups(conn: sa.Connection) -> pl.DataFrame:
    """group_id, unit_id, name of every group: where a rumour was first seen, to be named only
    inside the reader's scope."""
    g = groups.c
    return read_frame(conn, sa.select(g.group_id, g.unit_id, g.name))


def spread_units(conn: sa.Connection) -> pl.DataFrame:
    """unit_id, kind, parent_id of every unit."""
    u = units.c
    return read_frame(conn, sa.select(u.unit_id, u.kind, u.parent_id))


def _stored_parts(
    conn: sa.Connection, kind: str, names: tuple[str, ...]
) -> dict[str, pl.DataFrame] | None:
    t = derived_frames.c
    rows = conn.execute(sa.select(t.part, t.payload).where(t.kind == kind)).all()
    parts = {part: pl.read_ipc(io.BytesIO(bytes(payload))) for part, payload in rows}
    return parts if set(parts) == set(names) else None


def stored_spread(conn: sa.Connection) -> dict[str, pl.DataFrame] | None:
    """The spread figures the last run stored, by part; None when none are (no run with a
    pepper yet)."""
    return _stored_parts(conn, SPREAD_KIND, SPREAD_PARTS)


def stored_rumour_spread(conn: sa.Connection) -> dict[str, pl.DataFrame] | None:
    """The rumours' arrivals ("arrivals") and the police clusters that could answer them
    ("answers") the last run stored; None before a run stored them."""
    return _stored_parts(conn, RUMOUR_SPREAD_KIND, RUMOUR_SPREAD_PARTS)


def rumours_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every rumour found, newest first, with the cell's verdict and answer."""
    return read_frame(conn, sa.select(rumours).order_by(rumours.c.first_ts.desc()))
