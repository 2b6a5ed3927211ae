"""The password sign-in: count the check in the database, verify the password once, record
what came of it. No widgets here, so the sign-in form and the tests run the same code.

Every refusal — unknown name, wrong password, locked account, disabled account, a database
too busy to count the try — does the same work (one reservation update, one argon2 check, one
folded audit write) and returns the same None, so the form cannot tell a guesser which it was.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sampark.accounts import AccountError, Reservation, check_username, checked_password
from sampark.store import accounts as store_accounts

_LOG = logging.getLogger(__name__)


def _reserve(engine: sa.Engine, username: str | None, now: datetime) -> Reservation | None:
    if username is None:
        return None
    try:
        # A transaction of its own, committed before the slow argon2 check: the count holds
        # whatever happens to the check, and no lock is held while it runs.
        with engine.begin() as conn:
            return store_accounts.reserve_password_check(conn, username, now)
    except sa.exc.OperationalError:
        # A database too busy to count the try (SQLite's "database is locked" after its wait)
        # refuses it like any other failure: no check that was not counted.
        _LOG.warning("sign-in refused: the database could not count the attempt")
        return None


def _record_failure(
    engine: sa.Engine, username: str | None, reservation: Reservation | None, now: datetime
) -> None:
    try:
        with engine.begin() as conn:
            store_accounts.record_sign_in_failure(conn, username, now)
            # This was the fifth check of its window: it started the lock.
            if username and reservation is not None and reservation.locked_until is not None:
                store_accounts.record_sign_in_lock(conn, username, reservation.locked_until, now)
    except sa.exc.OperationalError:
        # The count that matters (the lock-out's) is already stored; the attempt is refused
        # either way.
        _LOG.warning("failed sign-in not written to the audit log: the database is busy")


def password_sign_in(
    engine: sa.Engine, name: str, password: str, now: datetime
) -> dict[str, Any] | None:
    """The account (username, role, unit_id, display_name) that `name` and `password` open
    at `now`, its sign-in logged and its failure count cleared; or None, the same for every
    reason a sign-in fails."""
    try:
        username: str | None = check_username(name)
    except AccountError:
        username = None
    reservation = _reserve(engine, username, now)
    if checked_password(reservation, password) and username is not None:
        try:
            with engine.begin() as conn:
                account = store_accounts.record_password_sign_in(conn, username, now)
        except sa.exc.OperationalError:
            # No sign-in without its audit entry.
            _LOG.warning("sign-in refused: the database could not record it")
            account = None
        if account is not None:
            return account
    _record_failure(engine, username, reservation, now)
    return None
