"""Sessions kept on the server, as the dashboard meets them (AppTest of dashboard.py on a small
SQLite database): a sign-in opens one and has the page claim its cookie; a browser bringing
that cookie opens signed in; sign-out, disabling and a sign-out in another tab end it."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

import ui.auth
import ui.session_cookie
from sampark.access import SignedIn
from sampark.schema import sessions
from sampark.sessions import signed_cookie
from sampark.store import accounts as store_accounts
from sampark.store import sessions as store_sessions
from tests.coverage_demo import DASHBOARD
from tests.signin_setup import (
    NOW,
    PASSWORD,
    accounts_db,
    cheap_argon2,  # noqa: F401  (a fixture)
)
from ui import session

pytestmark = pytest.mark.usefixtures("cheap_argon2")

SECRET = "apptest-cookie-secret"
DATA_PAGE = "Data: what came in, what was rejected and why"  # the administrator's first page
SIGN_IN = "Sampark — sign in"


@pytest.fixture
def engine(sqlite_url, tmp_path, monkeypatch) -> sa.Engine:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_COOKIE_SECRET", SECRET)
    monkeypatch.setattr(ui.auth, "_now", lambda: NOW)
    return accounts_db(sqlite_url)


def _browser(monkeypatch, cookie: str | None) -> AppTest:
    """A new browser session (a reload) that sends `cookie` as its session cookie."""
    monkeypatch.setattr(ui.session_cookie, "browser_session_cookie", lambda: cookie)
    return AppTest.from_file(DASHBOARD, default_timeout=120)


def _signed_in(monkeypatch) -> tuple[AppTest, str]:
    at = _browser(monkeypatch, None).run()
    at.text_input(key="auth_username").input("admin.hq")
    at.text_input(key="auth_password").input(PASSWORD)
    at = at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at, str(at.session_state[session.TOKEN])


def _claim_scripts(at: AppTest) -> list[str]:
    return [str(h.proto.body) for h in at.get("html") if "/session/claim" in h.proto.body]


def test_a_password_sign_in_opens_a_stored_session_and_asks_for_its_cookie_once(
    engine, monkeypatch
):
    at, session_id = _signed_in(monkeypatch)
    assert at.title[0].value == DATA_PAGE
    with engine.connect() as conn:
        rows = conn.execute(sa.select(sessions.c.session_id, sessions.c.username)).all()
    assert [tuple(r) for r in rows] == [(session_id, "admin.hq")]
    [script] = _claim_scripts(at)
    # The page gets a one-time token, never the session id itself.
    assert session_id not in script
    token = script.split('\\"token\\": \\"', 1)[1].split('\\"', 1)[0]
    with engine.begin() as conn:
        assert store_sessions.claim_session(conn, token, NOW) == session_id
    assert _claim_scripts(at.run()) == []


def test_a_reload_with_the_cookie_opens_signed_in_without_the_form(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    reloaded = _browser(monkeypatch, signed_cookie(session_id, SECRET)).run()
    assert not reloaded.exception
    assert reloaded.title[0].value == DATA_PAGE
    assert reloaded.session_state[session.USER]["username"] == "admin.hq"
    assert "auth_username" not in reloaded.session_state


def test_a_cookie_signed_with_another_secret_or_naming_no_session_opens_nothing(
    engine, monkeypatch
):
    _at, session_id = _signed_in(monkeypatch)
    for cookie in (signed_cookie(session_id, "another secret"), session_id, "x.y"):
        at = _browser(monkeypatch, cookie).run()
        assert at.title[0].value == SIGN_IN
    at = _browser(monkeypatch, signed_cookie("no-such-session", SECRET)).run()
    assert at.title[0].value == SIGN_IN


def _next_click(
    monkeypatch, session_id: str, after: timedelta = timedelta(seconds=ui.auth.CHECK_SECONDS)
) -> AppTest:
    """The browser session `session_id` was opened in, at its next click `after` sign-in: a
    new AppTest holding that session's state (AppTest reruns a page's own script, not
    dashboard.py)."""
    monkeypatch.setattr(ui.auth, "_now", lambda: NOW + after)
    at = _browser(monkeypatch, None)
    user = SignedIn(username="admin.hq", role="admin")
    for key, value in session.signed_in_state(user, NOW, session_id=session_id).items():
        at.session_state[key] = value
    return at.run()


def test_a_session_open_in_a_tab_holds_at_its_next_click(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    assert _next_click(monkeypatch, session_id).title[0].value == DATA_PAGE


def test_clicks_within_the_check_interval_ask_the_database_nothing(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    with engine.begin() as conn:  # revoked elsewhere (another replica, the command line)
        store_sessions.revoke_session(conn, session_id, NOW)
    soon = timedelta(seconds=ui.auth.CHECK_SECONDS - 1)
    assert _next_click(monkeypatch, session_id, soon).title[0].value == DATA_PAGE
    assert _next_click(monkeypatch, session_id).title[0].value == SIGN_IN


def test_after_signing_out_the_cookie_opens_nothing(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    with engine.begin() as conn:  # what the sidebar's sign-out does (the browser test clicks it)
        store_sessions.revoke_session(conn, session_id, NOW)
    again = _browser(monkeypatch, signed_cookie(session_id, SECRET)).run()
    assert again.title[0].value == SIGN_IN
    assert [w.value for w in again.warning] == []


def test_signing_out_in_another_tab_ends_this_one_at_its_next_click(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    with engine.begin() as conn:
        store_sessions.revoke_session(conn, session_id, NOW)
    at = _next_click(monkeypatch, session_id)
    assert at.title[0].value == SIGN_IN
    assert [w.value for w in at.warning] == [
        "This session was signed out (in another tab or window). Please sign in again."
    ]
    assert session.TOKEN not in at.session_state


def test_disabling_the_account_ends_its_session_and_its_cookie(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    with engine.begin() as conn:
        store_accounts.set_user_disabled(conn, "admin.hq", True, NOW, "test")
    at = _next_click(monkeypatch, session_id)
    assert at.title[0].value == SIGN_IN
    assert [w.value for w in at.warning] == [
        "Your account has been disabled. Contact the administrator."
    ]
    again = _browser(monkeypatch, signed_cookie(session_id, SECRET)).run()
    assert again.title[0].value == SIGN_IN


def test_a_session_idle_past_the_limit_ends_on_every_replica(engine, monkeypatch):
    _at, session_id = _signed_in(monkeypatch)
    monkeypatch.setattr(ui.auth, "_now", lambda: NOW + timedelta(minutes=31))
    again = _browser(monkeypatch, signed_cookie(session_id, SECRET)).run()
    assert again.title[0].value == SIGN_IN
