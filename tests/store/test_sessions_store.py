"""Sessions kept on the server, on SQLite and PostgreSQL: opened, claimed once, seen, and
revoked on sign-out, on disabling and on a new password."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from sampark.queries.sessions import stored_session
from sampark.schema import sessions
from sampark.sessions import claim_key
from sampark.store import accounts as store_accounts
from sampark.store import sessions as store_sessions
from tests.signin_setup import accounts_db, cheap_argon2  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("cheap_argon2")

AT = datetime(2026, 11, 20, 9, 0)


def _open(engine: sa.Engine, username: str = "sp.patna") -> tuple[str, str]:
    with engine.begin() as conn:
        return store_sessions.open_session(conn, username, AT, AT)


def test_an_opened_session_is_read_back_with_its_account_state(db_url):
    engine = accounts_db(db_url)
    session_id, token = _open(engine)
    with engine.connect() as conn:
        stored = stored_session(conn, session_id)
        kept = conn.execute(sa.select(sessions.c.claim_key)).scalar_one()
    assert stored is not None
    assert (stored.username, stored.created_at, stored.last_seen_at) == ("sp.patna", AT, AT)
    assert (stored.revoked_at, stored.disabled) == (None, False)
    assert len(session_id) >= 43 and session_id != token
    # The table keeps the token's hash, never the token.
    assert kept == claim_key(token) and kept != token


def test_a_claim_token_gives_its_session_once(db_url):
    engine = accounts_db(db_url)
    session_id, token = _open(engine)
    with engine.begin() as conn:
        assert store_sessions.claim_session(conn, token, AT + timedelta(seconds=5)) == session_id
    with engine.begin() as conn:
        assert store_sessions.claim_session(conn, token, AT + timedelta(seconds=6)) is None


def test_a_claim_after_a_minute_or_with_another_token_gives_nothing(db_url):
    engine = accounts_db(db_url)
    _session_id, token = _open(engine)
    with engine.begin() as conn:
        assert store_sessions.claim_session(conn, "not-the-token", AT) is None
        assert store_sessions.claim_session(conn, token, AT + timedelta(seconds=61)) is None


def test_a_revoked_session_cannot_be_claimed_and_reads_as_revoked(db_url):
    engine = accounts_db(db_url)
    session_id, token = _open(engine)
    with engine.begin() as conn:
        store_sessions.revoke_session(conn, session_id, AT + timedelta(minutes=3))
        assert store_sessions.claim_session(conn, token, AT + timedelta(seconds=10)) is None
        stored = stored_session(conn, session_id)
    assert stored is not None and stored.revoked_at == AT + timedelta(minutes=3)


def test_disabling_an_account_revokes_its_sessions_only(db_url):
    engine = accounts_db(db_url)
    first, _ = _open(engine)
    second, _ = _open(engine)
    other, _ = _open(engine, "admin.hq")
    later = AT + timedelta(minutes=5)
    with engine.begin() as conn:
        store_accounts.set_user_disabled(conn, "sp.patna", True, later, "admin.hq")
        revoked = {s: stored_session(conn, s) for s in (first, second, other)}
    assert revoked[first] is not None and revoked[first].revoked_at == later
    assert revoked[first].disabled is True
    assert revoked[second] is not None and revoked[second].revoked_at == later
    assert revoked[other] is not None and revoked[other].revoked_at is None


def test_enabling_an_account_does_not_bring_its_sessions_back(db_url):
    engine = accounts_db(db_url)
    session_id, _ = _open(engine)
    with engine.begin() as conn:
        store_accounts.set_user_disabled(conn, "sp.patna", True, AT, "admin.hq")
        store_accounts.set_user_disabled(conn, "sp.patna", False, AT, "admin.hq")
        stored = stored_session(conn, session_id)
    assert stored is not None and stored.revoked_at == AT and stored.disabled is False


def test_a_new_password_revokes_the_accounts_sessions(db_url):
    engine = accounts_db(db_url)
    session_id, _ = _open(engine)
    with engine.begin() as conn:
        store_accounts.set_user_password(conn, "sp.patna", "new hash", AT, "admin.hq")
        stored = stored_session(conn, session_id)
    assert stored is not None and stored.revoked_at == AT


def test_touching_moves_last_seen_forward_only(db_url):
    engine = accounts_db(db_url)
    session_id, _ = _open(engine)
    with engine.begin() as conn:
        store_sessions.touch_session(conn, session_id, AT + timedelta(minutes=10))
        store_sessions.touch_session(conn, session_id, AT + timedelta(minutes=2))
        stored = stored_session(conn, session_id)
    assert stored is not None and stored.last_seen_at == AT + timedelta(minutes=10)


def test_an_unknown_session_reads_as_none(db_url):
    engine = accounts_db(db_url)
    with engine.connect() as conn:
        assert stored_session(conn, "no-such-session") is None
