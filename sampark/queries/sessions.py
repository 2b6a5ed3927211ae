"""Dashboard sessions kept on the server, with the state of their account."""

from __future__ import annotations

import sqlalchemy as sa

from sampark.schema import sessions, users
from sampark.sessions import StoredSession


def stored_session(conn: sa.Connection, session_id: str) -> StoredSession | None:
    """The session named `session_id` and whether its account is disabled, or None."""
    s, u = sessions.c, users.c
    row = conn.execute(
        sa.select(s.session_id, s.username, s.created_at, s.last_seen_at, s.revoked_at, u.disabled)
        .join_from(sessions, users, s.username == u.username)
        .where(s.session_id == session_id)
    ).first()
    if row is None:
        return None
    return StoredSession(
        session_id=row.session_id,
        username=row.username,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        revoked_at=row.revoked_at,
        disabled=bool(row.disabled),
    )
