"""The sign-in screen as a visitor meets it (AppTest of dashboard.py on a small SQLite
database): one answer for every refusal, a fresh session at sign-in, and the identity
provider's sign-in held to the same limits as a password."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

import ui.auth
from sampark.access import SignedIn
from sampark.store import accounts as store_accounts
from tests.auth_helpers import sign_in_state
from tests.coverage_demo import DASHBOARD
from tests.signin_setup import (
    NOW,
    PASSWORD,
    accounts_db,
    cheap_argon2,  # noqa: F401  (a fixture)
    count_verifications,
)
from ui import session
from ui.password_sign_in import password_sign_in

pytestmark = pytest.mark.usefixtures("cheap_argon2")

REFUSED = (
    "Sign-in failed: wrong username or password, or the account is locked or disabled. "
    "5 wrong passwords in a row lock an account for 15 minutes; the administrator can lift "
    "the lock."
)
OIDC_EMAIL = "asha@police.example"
DATA_PAGE = "Data: what came in, what was rejected and why"  # the administrator's first page


@pytest.fixture
def engine(sqlite_url, tmp_path, monkeypatch) -> sa.Engine:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(ui.auth, "_now", lambda: NOW)
    built = accounts_db(sqlite_url)
    with built.begin() as conn:
        store_accounts.add_user(
            conn,
            username=OIDC_EMAIL,
            password_hash="no password: signs in through the identity provider",
            role="admin",
            unit_id=None,
            display_name="Asha",
            at=datetime(2026, 11, 1),
            actor="test",
        )
    return built


def _screen() -> AppTest:
    return AppTest.from_file(DASHBOARD, default_timeout=120)


def _submit(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="auth_username").input(name)
    at.text_input(key="auth_password").input(password)
    return at.button[0].click().run()


def _answer(at: AppTest) -> tuple[object, ...]:
    """Everything the screen says back."""
    return (
        [e.value for e in at.error],
        [w.value for w in at.warning],
        [i.value for i in at.info],
        [b.label for b in at.button],
        [m.value for m in at.markdown],
        at.title[0].value,
    )


def test_unknown_wrong_locked_and_disabled_get_one_answer_after_one_check_each(engine, monkeypatch):
    for _ in range(5):
        password_sign_in(engine, "sp.patna", "wrong-guess", NOW)  # locks sp.patna
    checks = count_verifications(monkeypatch)
    answers, counts = [], []
    for name, password in (
        ("nobody.here", PASSWORD),  # unknown
        ("admin.hq", "wrong-guess"),  # wrong password
        ("sp.patna", PASSWORD),  # locked, the right password
        ("sp.off", PASSWORD),  # disabled, the right password
        ("not a name!", PASSWORD),  # no name could be spelt so
    ):
        before = len(checks.hashes)
        at = _submit(_screen().run(), name, password)
        assert not at.exception, [e.value for e in at.exception]
        answers.append(_answer(at))
        counts.append(len(checks.hashes) - before)
        assert session.USER not in at.session_state
    assert counts == [1, 1, 1, 1, 1]
    assert answers[0][0] == [REFUSED]
    assert all(answer == answers[0] for answer in answers)


def test_signing_in_starts_a_fresh_session_that_keeps_only_the_language(engine):
    at = _screen()
    at.session_state["lang"] = "hi"
    at.session_state["planted"] = "set before sign-in"
    at.session_state[session.TOKEN] = "a token someone knows"
    at = _submit(at.run(), "admin.hq", PASSWORD)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "डेटा: क्या आया, क्या अस्वीकृत हुआ और क्यों"
    assert "planted" not in at.session_state
    assert "auth_password" not in at.session_state
    token = at.session_state[session.TOKEN]
    assert token != "a token someone knows" and len(token) >= 43
    assert at.session_state["lang"] == "hi"
    assert at.session_state[session.USER]["username"] == "admin.hq"


def test_a_signed_in_marker_set_without_signing_in_opens_nothing(engine):
    at = _screen()
    at.session_state[session.USER] = asdict(SignedIn("admin.hq", "admin"))
    at.session_state[session.SIGNED_IN_AT] = NOW
    at.session_state[session.SEEN_AT] = NOW
    at.session_state[session.TOKEN] = "guessed-or-copied-token"
    at.run()
    assert at.title[0].value == "Sampark — sign in"
    assert [b.label for b in at.button] == ["Sign in"]


def _oidc(at: AppTest, monkeypatch, issued_ago: timedelta, **claims: object) -> AppTest:
    monkeypatch.setenv("SAMPARK_OIDC_PROVIDER", "phq")
    user: dict[str, object] = {
        "is_logged_in": True,
        "email": OIDC_EMAIL,
        "email_verified": True,
        "iat": int((NOW - issued_ago).timestamp()),
    }
    user.update(claims)
    at.user = {k: v for k, v in user.items() if v is not None}
    return at


def test_a_fresh_verified_provider_sign_in_opens_the_accounts_first_page(engine, monkeypatch):
    at = _oidc(_screen(), monkeypatch, timedelta(minutes=2)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == DATA_PAGE
    assert at.session_state[session.SIGNED_IN_AT] == NOW - timedelta(minutes=2)


def test_after_an_idle_expiry_the_provider_sign_in_must_be_made_again(engine, monkeypatch):
    asha = SignedIn(OIDC_EMAIL, "admin", None, "Asha")
    signed_in = NOW - timedelta(minutes=40)
    at = sign_in_state(_screen(), asha, signed_in, seen_at=NOW - timedelta(minutes=31))
    at = _oidc(at, monkeypatch, timedelta(minutes=40)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Sampark — sign in"
    assert at.warning[0].value.startswith("Your session ended")
    assert [b.label for b in at.button] == ["Sign in", "Sign in with phq"]
    assert session.USER not in at.session_state


def test_a_provider_sign_in_older_than_twelve_hours_opens_nothing(engine, monkeypatch):
    at = _oidc(_screen(), monkeypatch, timedelta(hours=12, minutes=1)).run()
    assert at.title[0].value == "Sampark — sign in"
    assert [b.label for b in at.button] == ["Sign in", "Sign in with phq"]


@pytest.mark.parametrize("verified", [False, None])
def test_an_unverified_email_from_the_provider_is_refused(engine, monkeypatch, verified):
    at = _oidc(_screen(), monkeypatch, timedelta(minutes=1), email_verified=verified).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Sampark — sign in"
    assert at.error[0].value == (
        "The identity provider does not confirm that this e-mail address belongs to you, so it "
        "cannot open Sampark. Ask the provider's administrator to verify it."
    )
    assert session.USER not in at.session_state
