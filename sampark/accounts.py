"""Dashboard accounts: password hashes, the sign-in decision and the lock-out rule.

Pure apart from argon2: the user's row comes from `sampark.queries.user_row`, the outcome is
written by `etl.load.record_sign_in`. Passwords are stored only as argon2id hashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# Five wrong passwords in a row lock the account for fifteen minutes: enough for a typo or two,
# too few to guess a password by trying.
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,59}$")

_HASHER = PasswordHasher()


class AccountError(ValueError):
    """A username or password that cannot be used, with the reason."""


def check_username(name: str) -> str:
    """The username, lower-cased, or AccountError naming what is wrong."""
    clean = name.strip().lower()
    if not USERNAME.match(clean):
        raise AccountError(f"username {name!r}: 2–60 characters, letters, digits and . _ @ - only")
    return clean


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt came to, and the counters to store."""

    outcome: str  # ok | wrong_password | locked | disabled | unknown_user
    failed_logins: int
    locked_until: datetime | None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def sign_in(user: dict[str, Any] | None, password: str, now: datetime) -> SignIn:
    """Decide a sign-in attempt for the stored `user` row (None when no such user).

    A locked account is refused without checking the password, so guessing during the lock
    gains nothing; the fifth failure in a row starts the lock.
    """
    if user is None:
        # Hash anyway: an unknown name must not answer faster than a known one.
        password_matches(_DUMMY_HASH, password)
        return SignIn("unknown_user", 0, None)
    failed = int(user.get("failed_logins") or 0)
    locked_until = user.get("locked_until")
    if user.get("disabled"):
        return SignIn("disabled", failed, locked_until)
    if locked_until is not None and locked_until > now:
        return SignIn("locked", failed, locked_until)
    if password_matches(str(user["password_hash"]), password):
        return SignIn("ok", 0, None)
    failed = 0 if locked_until is not None else failed  # a lock that ran out starts afresh
    failed += 1
    lock = now + timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILURES else None
    return SignIn("wrong_password", failed, lock)


_DUMMY_HASH = _HASHER.hash("not-a-real-password")


def session_expired(
    signed_in_at: datetime, last_seen: datetime, now: datetime, idle_minutes: int, max_hours: int
) -> bool:
    """Whether a dashboard session has run out: idle too long, or signed in too long ago."""
    return now - last_seen > timedelta(minutes=idle_minutes) or now - signed_in_at > timedelta(
        hours=max_hours
    )
