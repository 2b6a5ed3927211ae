"""Dashboard accounts: password hashes, the password check and the lock-out rule, and when an
identity provider's sign-in may open a session.

Pure apart from argon2. The lock-out is counted by the database itself: a check is reserved
there (`sampark.store.accounts.reserve_password_check`) before the password is verified, so
parallel tries cannot slip past the count. Passwords are stored only as argon2id hashes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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


# Where failed sign-ins of names that are no account are counted: such a name is never written
# to the audit log, since it may be a password typed into the wrong box, and made-up names must
# not each get a row of their own.
UNKNOWN_NAME = "(unknown name)"


@dataclass(frozen=True)
class Reservation:
    """One password check the lock-out rule allowed, counted in the database before it is made
    (`sampark.store.accounts.reserve_password_check`): the account's hash, and the lock this
    check started when it is the fifth of its window."""

    password_hash: str
    locked_until: datetime | None


def checked_password(reservation: Reservation | None, password: str) -> bool:
    """Whether `password` opens the reserved account. Exactly one argon2 verification whatever
    the case, against a dummy hash when nothing was reserved (an unknown name, a locked or
    disabled account), so no refusal answers sooner than another."""
    if reservation is None:
        password_matches(DUMMY_HASH, password)
        return False
    return password_matches(reservation.password_hash, password)


def lock_end(now: datetime) -> datetime:
    """When a lock started at `now` ends."""
    return now + timedelta(minutes=LOCK_MINUTES)


def failure_minute(at: datetime) -> datetime:
    """The minute a failed sign-in is counted in (the audit log keeps one row per name and
    minute)."""
    return at.replace(second=0, microsecond=0)


# Hashed with the same parameters as every account's, so checking it costs the same.
DUMMY_HASH = _HASHER.hash("not-a-real-password")


def oidc_signed_in_at(claims: Mapping[str, Any]) -> datetime | None:
    """When the identity provider signed the person in: the ID token's `iat` (seconds since
    the epoch, read in the server's local time like every other clock here), or None."""
    issued = claims.get("iat")
    if isinstance(issued, bool) or not isinstance(issued, int | float):
        return None
    return datetime.fromtimestamp(issued)


def oidc_refusal(claims: Mapping[str, Any], now: datetime, idle_minutes: int) -> str | None:
    """Why the identity provider's word (Streamlit's `st.user`) cannot open a session now:
    "unverified" when the provider does not say the e-mail is verified (the role is matched on
    the e-mail, so an address anyone could claim must not open an account), "stale" when it
    signed the person in longer ago than the idle limit (a session that ran out, or a cookie
    left in a browser, needs a new sign-in with the provider); None when it may.
    """
    verified = claims.get("email_verified")
    if not (verified is True or (isinstance(verified, str) and verified.lower() == "true")):
        return "unverified"
    signed_in = oidc_signed_in_at(claims)
    if signed_in is None or now - signed_in > timedelta(minutes=idle_minutes):
        return "stale"
    return None


def session_expired(
    signed_in_at: datetime, last_seen: datetime, now: datetime, idle_minutes: int, max_hours: int
) -> bool:
    """Whether a dashboard session has run out: idle too long, or signed in too long ago."""
    return now - last_seen > timedelta(minutes=idle_minutes) or now - signed_in_at > timedelta(
        hours=max_hours
    )
