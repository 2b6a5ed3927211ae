"""How old the data is: the newest record loaded, and when each group's chat was last exported
(loaded)."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.queries.chats import newest_message_ts
from sampark.queries.frames import read_frame
from sampark.schema import alerts, etl_files, membership_events, messages, register_entries


def newest_record(conn: sa.Connection) -> datetime | None:
    """The time (IST, as chats, registers and alerts keep it) of the newest record loaded: a
    chat message or membership event, a register entry received or closed, an alert."""
    times = [
        newest_message_ts(conn),
        *conn.execute(
            sa.select(
                sa.select(sa.func.max(membership_events.c.ts)).scalar_subquery(),
                sa.select(sa.func.max(register_entries.c.received_at)).scalar_subquery(),
                sa.select(sa.func.max(register_entries.c.closed_at)).scalar_subquery(),
                sa.select(sa.func.max(alerts.c.received_at)).scalar_subquery(),
            )
        ).one(),
    ]
    found = [t for t in times if t is not None]
    return max(found) if found else None


def group_exports(conn: sa.Connection) -> pl.DataFrame:
    """group_id, export_loaded_at (UTC, as the registry keeps it): when the newest chat export
    that brought a group messages was loaded. File ids only grow, so a group's largest file id
    is its newest export."""
    newest = (
        sa.select(messages.c.group_id, sa.func.max(messages.c.file_id).label("file_id"))
        .where(messages.c.file_id.is_not(None))
        .group_by(messages.c.group_id)
        .subquery()
    )
    return read_frame(
        conn,
        sa.select(newest.c.group_id, etl_files.c.loaded_at.label("export_loaded_at")).join(
            etl_files, etl_files.c.file_id == newest.c.file_id
        ),
    )
