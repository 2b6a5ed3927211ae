"""Signing an AppTest session in, as the dashboard does after a successful sign-in."""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import datetime

from streamlit.testing.v1 import AppTest

from etl import load
from sampark import queries
from sampark.access import SignedIn
from sampark.db import migrate


def _signed_in(at: AppTest, user: SignedIn) -> AppTest:
    now = datetime.now()
    at.session_state["auth_user"] = asdict(user)
    at.session_state["auth_signed_in_at"] = now
    at.session_state["auth_seen_at"] = now
    return at


def _test_account(username: str, role: str, unit: str | None) -> None:
    """The account behind a test session, in DATABASE_URL's database (added once): the
    dashboard ends a session whose account does not exist. It has no usable password."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return
    engine = migrate(url)
    with engine.begin() as conn:
        if queries.user_row(conn, username) is None:
            load.add_user(
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
