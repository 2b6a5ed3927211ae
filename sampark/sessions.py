"""Dashboard sessions kept on the server: the signed cookie that names one, and when one ends.

A session is a row of the `sessions` table, named by 32 random bytes. The browser holds that
name only in an HttpOnly cookie signed with the deployment's secret (HMAC through
itsdangerous), so a name read from the database alone is no cookie, and a script in the page
never sees it. The page receives instead a one-time claim token, good for a minute, which the
server's `/session/claim` route exchanges for the cookie. Any replica reads the row, so a
reload, or a replica that died, keeps the officer signed in; the limits are the same as a
session held in one server's memory (idle minutes and hours since signing in).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadSignature, Signer

from sampark.accounts import session_expired

COOKIE = "sampark_session"
CLAIM_PATH = "/session/claim"
# The one-time claim token lives this long: the page asks for the cookie at once.
CLAIM_SECONDS = 60
# last_seen is written at most this often per session: the idle limit counts minutes, and a
# write on every click would be one more database round trip per rerun.
TOUCH_SECONDS = 60
_SALT = "sampark.session"


@dataclass(frozen=True)
class StoredSession:
    """A session row as the check needs it, with its account's state."""

    session_id: str
    username: str
    created_at: datetime
    last_seen_at: datetime
    revoked_at: datetime | None
    disabled: bool


def new_token() -> str:
    """32 random bytes, URL-safe: a session id or a claim token."""
    return secrets.token_urlsafe(32)


def claim_key(token: str) -> str:
    """What the table keeps of a claim token: its SHA-256, so the table alone claims nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


def signed_cookie(session_id: str, secret: str) -> str:
    """The cookie value: the session id and its HMAC under the deployment's secret."""
    return Signer(secret, salt=_SALT).sign(session_id).decode()


def cookie_session_id(value: str | None, secret: str) -> str | None:
    """The session id of a cookie value whose signature holds under `secret`, else None."""
    if not value or not secret:
        return None
    try:
        return Signer(secret, salt=_SALT).unsign(value).decode()
    except BadSignature:
        return None


def set_cookie_header(value: str, *, secure: bool, max_age_seconds: int) -> str:
    """The Set-Cookie header of a session cookie: HttpOnly (no script reads it), SameSite
    Strict (no other site's page sends it, a cross-site WebSocket included), Secure over TLS."""
    parts = [
        f"{COOKIE}={value}",
        "Path=/",
        f"Max-Age={max_age_seconds}",
        "HttpOnly",
        "SameSite=Strict",
    ]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def clear_cookie_header(*, secure: bool) -> str:
    """The Set-Cookie header that makes the browser forget the session cookie."""
    return set_cookie_header("", secure=secure, max_age_seconds=0)


def session_refusal(
    stored: StoredSession | None, now: datetime, idle_minutes: int, max_hours: int
) -> str | None:
    """Why a stored session may not be used at `now` (None: it may): "unknown", "disabled"
    (the account), "revoked" (signed out) or "expired" (idle or absolute limit)."""
    if stored is None:
        return "unknown"
    # Disabling also revokes: the officer is told the reason that outlasts the session.
    if stored.disabled:
        return "disabled"
    if stored.revoked_at is not None:
        return "revoked"
    if session_expired(stored.created_at, stored.last_seen_at, now, idle_minutes, max_hours):
        return "expired"
    return None


def needs_touch(last_seen_at: datetime, now: datetime) -> bool:
    """Whether last_seen is stale enough to write again (see TOUCH_SECONDS)."""
    return now - last_seen_at >= timedelta(seconds=TOUCH_SECONDS)
