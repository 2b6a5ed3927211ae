"""Signing an AppTest session in, as the dashboard does after a successful sign-in."""

from __future__ import annotations

from datetime import datetime

from streamlit.testing.v1 import AppTest

from sampark.access import SignedIn
from sampark.clock import now_local
from ui import session


def sign_in_state(
    at: AppTest, user: SignedIn, signed_in_at: datetime, seen_at: datetime | None = None
) -> AppTest:
    """`at` holding what `ui.session.start` leaves after `user` signed in at `signed_in_at`
    (last seen at `seen_at`): the account, the times and a live session token."""
    for key, value in session.signed_in_state(user, signed_in_at, seen_at).items():
        at.session_state[key] = value
    return at


def login_as(at: AppTest, role: str, unit: str | None = None, name: str | None = None) -> AppTest:
    """`at` with a demo user of `role` (at `unit`, called `name`) signed in; demo users need
    no account."""
    user = SignedIn(username=f"test-{role}", role=role, unit_id=unit, display_name=name, demo=True)
    return sign_in_state(at, user, now_local())
