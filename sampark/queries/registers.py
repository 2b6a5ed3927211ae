"""Register entries and self-harm alerts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.queries.frames import chunks, read_frame
from sampark.queries.scope import in_scope
from sampark.schema import alerts, register_entries


def held_entry_keys(conn: sa.Connection, table: sa.Table, keys: Sequence[str]) -> frozenset[str]:
    """The entry keys among `keys` that `table` (register_entries, alerts, stories) holds."""
    held: set[str] = set()
    for chunk in chunks(keys):
        held.update(
            conn.execute(sa.select(table.c.entry_key).where(table.c.entry_key.in_(chunk)))
            .scalars()
            .all()
        )
    return frozenset(held)


def last_entry_id(conn: sa.Connection) -> int:
    """The highest register entry id held, 0 when none is."""
    return int(conn.execute(sa.select(sa.func.max(register_entries.c.entry_id))).scalar() or 0)


def entry_ids_and_keys(conn: sa.Connection) -> pl.DataFrame:
    """entry_id, entry_key of every register entry."""
    t = register_entries.c
    return read_frame(conn, sa.select(t.entry_id, t.entry_key))


def entry_keys_of(conn: sa.Connection, entry_ids: Sequence[int]) -> frozenset[str]:
    """The entry keys of the given register entries."""
    t = register_entries.c
    held: set[str] = set()
    for chunk in chunks(entry_ids):
        held.update(conn.execute(sa.select(t.entry_key).where(t.entry_id.in_(chunk))).scalars())
    return frozenset(held)


def entry_keys_after(conn: sa.Connection, entry_id: int) -> frozenset[str]:
    """The entry keys of the register entries with an id above `entry_id`."""
    t = register_entries.c
    return frozenset(conn.execute(sa.select(t.entry_key).where(t.entry_id > entry_id)).scalars())


def register_entries_frame(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """The register entries inside `scope`: unit, category and stage times (naive IST)."""
    t = register_entries.c
    return read_frame(
        conn,
        sa.select(
            t.entry_id,
            t.unit_id,
            t.category,
            t.received_at,
            t.cognizance_at,
            t.fir_at,
            t.action_at,
            t.closed_at,
        ).where(in_scope(t.unit_id, scope)),
    )


def alerts_frame(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Stage times and outcomes of the alerts inside `scope` (alerts not yet given a unit only
    for the whole state). The restricted columns (name, mobile, IP, post text) are not read
    here: `alert_details` reads them, for the roles that reach the person."""
    t = alerts.c
    return read_frame(
        conn,
        sa.select(
            t.alert_id,
            t.unit_id,
            t.platform,
            t.received_at,
            t.traced_at,
            t.forwarded_at,
            t.contacted_at,
            t.outcome,
        ).where(in_scope(t.unit_id, scope)),
    )


def alert_details(conn: sa.Connection, scope: Scope, days: int = 7) -> pl.DataFrame:
    """The identifying fields of the alerts inside `scope` that are still open or came in
    during the `days` before the newest alert: who to reach, and who was just reached. Only
    for the roles `sampark.access.sees_alert_details` allows; the page audits every read."""
    t = alerts.c
    newest = conn.execute(sa.select(sa.func.max(t.received_at))).scalar()
    recent = sa.true() if newest is None else t.received_at >= newest - timedelta(days=days)
    stmt = (
        sa.select(
            t.alert_id,
            t.unit_id,
            t.platform,
            t.received_at,
            t.outcome,
            t.subject_name,
            t.subject_phone,
            t.subject_ip,
            t.post_text,
        )
        .where(in_scope(t.unit_id, scope), t.outcome.is_(None) | recent)
        .order_by(t.outcome.is_not(None), t.received_at.desc())
    )
    return read_frame(conn, stmt)
