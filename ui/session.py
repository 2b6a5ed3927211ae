"""Who is signed in, as this browser session holds it (no widgets here).

A signed-in session is marked by a random token issued at sign-in and known to this server
process; the account in session state counts only while its token is live here. A real
account's token is also the id of its stored session (the sessions table), which a reload or
another replica finds through the signed cookie (ui/session_cookie) and makes live there.
Signing in
and out start from a cleared session state, so nothing set before sign-in (by whoever held
the browser, or a client that knows the Streamlit session id) survives into the signed-in
session, and nothing of a signed-in session survives its end. Only the language is kept.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

import streamlit as st

from sampark.access import SignedIn
from sampark.settings import load_settings

USER = "auth_user"
SIGNED_IN_AT = "auth_signed_in_at"
SEEN_AT = "auth_seen_at"
TOKEN = "auth_token"
# Whether TOKEN also names a row of the sessions table (real accounts), which a reload or
# another replica finds through the signed cookie; demo sessions live in this process only.
STORED = "auth_stored"
# What a new session state keeps of the old one: the reader's language, nothing else.
KEPT = frozenset({"lang"})

# Live tokens of this process → (username, signed in at). Session state lives in this process
# too (a replica behind a sticky proxy), so the two go together.
_LIVE: dict[str, tuple[str, datetime]] = {}
_LIVE_LOCK = threading.Lock()


def current_user() -> SignedIn | None:
    held = st.session_state.get(USER)
    token = st.session_state.get(TOKEN)
    if not isinstance(held, dict) or not isinstance(token, str):
        return None
    with _LIVE_LOCK:
        live = _LIVE.get(token)
    if live is None or live[0] != held.get("username"):
        return None
    return SignedIn(**held)


def signed_in_state(
    user: SignedIn,
    signed_in_at: datetime,
    seen_at: datetime | None = None,
    *,
    session_id: str | None = None,
) -> dict[str, Any]:
    """The session-state entries of `user` signed in at `signed_in_at`, live under
    `session_id` (a stored session's id) or a new token (32 random bytes). Tokens older than
    the longest session are forgotten here."""
    token = session_id or secrets.token_urlsafe(32)
    oldest = signed_in_at - timedelta(hours=load_settings().session_max_hours)
    with _LIVE_LOCK:
        for old in [k for k, (_, at) in _LIVE.items() if at < oldest]:
            del _LIVE[old]
        _LIVE[token] = (user.username, signed_in_at)
    # The account is kept as a plain dict: session state must survive reruns and AppTest's
    # copying.
    return {
        USER: asdict(user),
        SIGNED_IN_AT: signed_in_at,
        SEEN_AT: seen_at or signed_in_at,
        TOKEN: token,
        STORED: session_id is not None,
    }


def _clear() -> None:
    for key in list(st.session_state.keys()):
        if key not in KEPT:
            del st.session_state[key]


def start(
    user: SignedIn,
    at: datetime,
    *,
    signed_in_at: datetime | None = None,
    session_id: str | None = None,
) -> None:
    """Sign `user` in at `at` on a cleared session state (`signed_in_at`: when the identity
    provider signed them in, or the stored session began, if earlier; the session's age
    counts from then; `session_id`: the stored session this one is)."""
    _clear()
    for key, value in signed_in_state(user, signed_in_at or at, at, session_id=session_id).items():
        st.session_state[key] = value


def stored_id() -> str | None:
    """The id of the stored session this browser session is, if it is one."""
    token = st.session_state.get(TOKEN)
    return token if st.session_state.get(STORED) and isinstance(token, str) else None


def end() -> None:
    token = st.session_state.get(TOKEN)
    if isinstance(token, str):
        with _LIVE_LOCK:
            _LIVE.pop(token, None)
    _clear()
