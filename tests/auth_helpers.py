"""Signing an AppTest session in, as the dashboard does after a successful sign-in."""

from __future__ import annotations

import os
from datetime import datetime

from streamlit.testing.v1 import AppTest

from sampark.access import SignedIn
from sampark.clock import now_local
from sampark.db import migrate
from sampark.queries.accounts import user_row
from sampark.store import accounts as store_accounts
from ui import session


def sign_in_state(
    at: AppTest, user: SignedIn, signed_in_at: datetime, seen_at: datetime | None = None
) -> AppTest:
    """`at` holding what `ui.session.start` leaves after `user` signed in at `signed_in_at`
    (last seen at `seen_at`): the account, the times and a live session token."""
    for key, value in session.signed_in_state(user, signed_in_at, seen_at).items():
        at.session_state[key] = value
    return at


def _signed_in(at: AppTest, user: SignedIn) -> AppTest:
    return sign_in_state(at, user, now_local())


def _test_account(username: str, role: str, unit: str | None) -> None:
    """The account behind a test session, in DATABASE_URL's database (added once): the
    dashboard ends a session whose account does not exist. It has no usable password."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return
    engine = migrate(url)
    with engine.begin() as conn:
        if user_row(conn, username) is None:
            store_accounts.add_user(
                conn,
                username=username,
                password_hash="test account: no password",
                role=role,
                unit_id=unit,
                display_name=None,
                at=datetime(2026, 1, 1),
                actor="test",
            )


def login_as(at: AppTest, role: str, unit: str | None = None, name: str | None = None) -> AppTest:
    """`at` with a test account of `role` (at `unit`, called `name`) signed in; the account is
    added to the database of DATABASE_URL if it is not there yet."""
    username = f"test-{role}"
    _test_account(username, role, unit)
    return _signed_in(at, SignedIn(username=username, role=role, unit_id=unit, display_name=name))


def demo_session(at: AppTest, role: str, unit: str | None = None) -> AppTest:
    """`at` with a session the demo's role switcher opened (no account behind it)."""
    user = SignedIn(username=f"demo-{role}", role=role, unit_id=unit, demo=True)
    return _signed_in(at, user)
