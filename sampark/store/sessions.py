"""Dashboard sessions on the server: opened at sign-in, claimed once for the cookie, seen,
revoked on sign-out and when the account is disabled or re-passworded."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from sampark.schema import sessions
from sampark.sessions import CLAIM_SECONDS, claim_key, new_token


def open_session(
    conn: sa.Connection, username: str, signed_in_at: datetime, now: datetime
) -> tuple[str, str]:
    """A new session of `username` (its age counting from `signed_in_at`): its id and the
    one-time claim token the page trades for the cookie within CLAIM_SECONDS."""
    session_id, token = new_token(), new_token()
    conn.execute(
        sessions.insert().values(
            session_id=session_id,
            username=username,
            created_at=signed_in_at,
            last_seen_at=now,
            revoked_at=None,
            claim_key=claim_key(token),
            claim_until=now + timedelta(seconds=CLAIM_SECONDS),
        )
    )
    return session_id, token


def claim_session(conn: sa.Connection, token: str, now: datetime) -> str | None:
    """The session id a claim token stands for, once: the token is spent by the same atomic
    update, so two claims of one token give one cookie. None: unknown, spent, late or revoked."""
    c = sessions.c
    row = conn.execute(
        sessions.update()
        .where(c.claim_key == claim_key(token), c.claim_until >= now, c.revoked_at.is_(None))
        .values(claim_key=None, claim_until=None)
        .returning(c.session_id)
    ).first()
    return str(row[0]) if row is not None else None


def touch_session(conn: sa.Connection, session_id: str, now: datetime) -> None:
    """The officer was seen at `now` (the idle limit counts from here)."""
    conn.execute(
        sessions.update()
        .where(sessions.c.session_id == session_id, sessions.c.last_seen_at < now)
        .values(last_seen_at=now)
    )


def revoke_session(conn: sa.Connection, session_id: str, now: datetime) -> None:
    """Sign-out: the session is over for every tab and replica."""
    conn.execute(
        sessions.update()
        .where(sessions.c.session_id == session_id, sessions.c.revoked_at.is_(None))
        .values(revoked_at=now, claim_key=None, claim_until=None)
    )


def revoke_user_sessions(conn: sa.Connection, username: str, now: datetime) -> int:
    """Every open session of `username` ends (account disabled or given a new password); the
    number ended."""
    done = conn.execute(
        sessions.update()
        .where(sessions.c.username == username, sessions.c.revoked_at.is_(None))
        .values(revoked_at=now, claim_key=None, claim_until=None)
    ).rowcount
    return int(done)
