"""Figures worked out once per data version and stored (`sampark.store.derived`)."""

from __future__ import annotations

import sqlalchemy as sa

from sampark.metrics.response.snapshot import (
    SNAPSHOT_KIND,
    ResponseSnapshot,
    profile_key,
    snapshot_from_payloads,
)
from sampark.schema import derived_frames
from sampark.targets import Profile


def _derived(kind: str, data_version: str, inputs_key: str) -> sa.ColumnElement[bool]:
    t = derived_frames
    return sa.and_(t.c.kind == kind, t.c.data_version == data_version, t.c.inputs_key == inputs_key)


def stored_parts(
    conn: sa.Connection, kind: str, data_version: str, inputs_key: str
) -> dict[str, bytes]:
    """The stored parts of derived figures `kind` built from this data version and these
    inputs (empty when none are, or when they are stale)."""
    t = derived_frames
    rows = conn.execute(
        sa.select(t.c.part, t.c.payload).where(_derived(kind, data_version, inputs_key))
    )
    return {part: bytes(payload) for part, payload in rows}


def stored_part_names(
    conn: sa.Connection, kind: str, data_version: str, inputs_key: str
) -> frozenset[str]:
    """The names of the parts `stored_parts` would return, without reading them."""
    t = derived_frames
    rows = conn.execute(sa.select(t.c.part).where(_derived(kind, data_version, inputs_key)))
    return frozenset(rows.scalars())


def stored_response_snapshot(
    conn: sa.Connection, data_version: str, profile: Profile
) -> ResponseSnapshot | None:
    """The Response figures stored for this data version and profile, if any."""
    parts = stored_parts(conn, SNAPSHOT_KIND, data_version, profile_key(profile))
    return snapshot_from_payloads(parts) if parts else None
