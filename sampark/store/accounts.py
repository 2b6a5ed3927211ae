"""The dashboard's accounts: added, disabled, re-passworded on the server; each password check
counted before it is made; sign-ins and failed sign-ins in the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sampark.accounts import MAX_FAILURES, UNKNOWN_NAME, Reservation, failure_minute, lock_end
from sampark.queries.accounts import is_account
from sampark.schema import audit_log, users
from sampark.store.audit import record_audit
from sampark.store.demo import end_demo_mode
from sampark.store.sessions import revoke_user_sessions
from sampark.store.sql import dialect_insert


def add_user(
    conn: sa.Connection,
    *,
    username: str,
    password_hash: str,
    role: str,
    unit_id: str | None,
    display_name: str | None,
    at: datetime,
    actor: str,
) -> bool:
    """Add an account; True when it was the first real account on the demo, which ends demo
    mode (a database with accounts is a real one)."""
    conn.execute(
        users.insert().values(
            username=username,
            password_hash=password_hash,
            role=role,
            unit_id=unit_id,
            display_name=display_name,
            disabled=False,
            created_at=at,
            failed_logins=0,
            locked_until=None,
        )
    )
    record_audit(conn, at, actor, "user_added", f"user:{username}", f"{role} {unit_id or 'state'}")
    return end_demo_mode(conn, at, f"a real account was added: {username}")


def set_user_disabled(
    conn: sa.Connection, username: str, disabled: bool, at: datetime, actor: str
) -> int:
    """Disable or enable an account; the number of accounts changed (0: no such user).
    Disabling ends the account's open sessions on every replica."""
    done = conn.execute(
        users.update().where(users.c.username == username).values(disabled=disabled)
    ).rowcount
    if done and disabled:
        revoke_user_sessions(conn, username, at)
    if done:
        action = "user_disabled" if disabled else "user_enabled"
        record_audit(conn, at, actor, action, f"user:{username}", None)
    return int(done)


def set_user_password(
    conn: sa.Connection, username: str, password_hash: str, at: datetime, actor: str
) -> int:
    """A new password; also lifts a lock-out and ends the account's open sessions (whoever
    knew the old password is signed out). The number of accounts changed."""
    done = conn.execute(
        users.update()
        .where(users.c.username == username)
        .values(password_hash=password_hash, failed_logins=0, locked_until=None)
    ).rowcount
    if done:
        revoke_user_sessions(conn, username, at)
        record_audit(conn, at, actor, "password_reset", f"user:{username}", None)
    return int(done)


def reserve_password_check(conn: sa.Connection, username: str, now: datetime) -> Reservation | None:
    """Count one password check against the account before it is made, or None when the
    lock-out rule allows none (no such account, disabled, locked, or five checks already made
    in this lock window). One atomic update decides, so parallel tries cannot each read a
    count below five: at most five checks per window whatever the concurrency. The fifth check
    starts the lock; a right password (`record_password_sign_in`) clears it and the count.
    """
    c = users.c
    ran_out = sa.and_(c.locked_until.is_not(None), c.locked_until <= now)
    attempt = sa.case((ran_out, 1), else_=c.failed_logins + 1)  # a lock that ran out: afresh
    lock = sa.case(
        (attempt >= MAX_FAILURES, sa.literal(lock_end(now), sa.DateTime)), else_=sa.null()
    )
    allowed = sa.or_(ran_out, sa.and_(c.locked_until.is_(None), c.failed_logins < MAX_FAILURES))
    row = conn.execute(
        users.update()
        .where(c.username == username, sa.not_(c.disabled), allowed)
        .values(failed_logins=attempt, locked_until=lock)
        .returning(c.password_hash, c.locked_until)
    ).first()
    if row is None:
        return None
    return Reservation(password_hash=row[0], locked_until=row[1])


def record_password_sign_in(
    conn: sa.Connection, username: str, at: datetime
) -> dict[str, Any] | None:
    """After the right password: clear the count and any lock, log the sign-in, and return
    the account (username, role, unit_id, display_name); None if it was disabled meanwhile."""
    c = users.c
    row = (
        conn.execute(
            users.update()
            .where(c.username == username, sa.not_(c.disabled))
            .values(failed_logins=0, locked_until=None)
            .returning(c.username, c.role, c.unit_id, c.display_name)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    record_audit(conn, at, username, "sign_in", f"user:{username}", None)
    return dict(row)


def record_sign_in_lock(conn: sa.Connection, username: str, until: datetime, at: datetime) -> None:
    """The fifth wrong password in a row locked the account: one audit entry of its own."""
    detail = f"locked until {until:%Y-%m-%d %H:%M}"
    record_audit(conn, at, username, "sign_in_locked", f"user:{username}", detail)


def record_sign_in_failure(conn: sa.Connection, name: str | None, at: datetime) -> None:
    """Count a failed sign-in in the audit log: one row per name and minute, whose `times`
    goes up with each failure (an atomic upsert, so parallel failures lose no count). A name
    that is no account is counted under UNKNOWN_NAME, never written as typed."""
    actor = name if name and is_account(conn, name) else UNKNOWN_NAME
    minute = failure_minute(at)
    values = {
        "at": minute,
        "actor": actor,
        "action": "sign_in_failed",
        "target": f"user:{actor}",
        "detail": None,
        "times": 1,
        "fold_key": f"sign_in_failed|{actor}|{minute:%Y-%m-%d %H:%M}",
    }
    insert = dialect_insert(conn, audit_log)
    conn.execute(
        insert.values(values).on_conflict_do_update(
            index_elements=["fold_key"], set_={"times": audit_log.c.times + 1}
        )
    )
