"""The dashboard's accounts and the audit log."""

from __future__ import annotations

from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.queries.frames import read_frame
from sampark.schema import audit_log, users


def user_row(conn: sa.Connection, username: str) -> dict[str, Any] | None:
    """One account as stored (hash included, for the sign-in check), or None."""
    row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
    return dict(row) if row is not None else None


def is_account(conn: sa.Connection, username: str) -> bool:
    """Whether an account of that name exists (disabled or not)."""
    found = conn.execute(sa.select(users.c.username).where(users.c.username == username))
    return found.first() is not None


def users_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every account without its hash: for the admin page and `users list`."""
    c = users.c
    return read_frame(
        conn,
        sa.select(
            c.username,
            c.role,
            c.unit_id,
            c.display_name,
            c.disabled,
            c.failed_logins,
            c.locked_until,
            c.created_at,
        ).order_by(c.username),
    )


def audit_frame(conn: sa.Connection, limit: int = 5000) -> pl.DataFrame:
    """The newest `limit` audit entries, newest first; `times` counts the failed sign-ins a
    folded entry stands for (1 for every other entry)."""
    c = audit_log.c
    return read_frame(
        conn,
        sa.select(c.audit_id, c.at, c.actor, c.action, c.target, c.detail, c.times)
        .order_by(c.audit_id.desc())
        .limit(limit),
    )
