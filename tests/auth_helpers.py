"""Signing an AppTest session in, as the dashboard does after a successful sign-in."""

from __future__ import annotations

from dataclasses import asdict

from streamlit.testing.v1 import AppTest

from sampark.access import SignedIn
from sampark.clock import now_local


def login_as(at: AppTest, role: str, unit: str | None = None, name: str | None = None) -> AppTest:
    """`at` with a demo user of `role` (at `unit`, called `name`) signed in; demo users need
    no account."""
    user = SignedIn(username=f"test-{role}", role=role, unit_id=unit, display_name=name, demo=True)
    now = now_local()
    at.session_state["auth_user"] = asdict(user)
    at.session_state["auth_signed_in_at"] = now
    at.session_state["auth_seen_at"] = now
    return at
