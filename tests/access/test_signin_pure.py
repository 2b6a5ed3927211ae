"""The sign-in rules that need no database: one argon2 check per attempt whatever the outcome,
and when an identity provider's word is enough to open a session."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sampark import accounts
from sampark.accounts import Reservation, checked_password, hash_password, oidc_refusal
from tests.signin_setup import count_verifications

NOW = datetime(2026, 11, 23, 10, 0)
HASH = hash_password("correct horse battery")


def _claims(**over: object) -> dict[str, object]:
    claims: dict[str, object] = {
        "is_logged_in": True,
        "email": "asha@police.example",
        "email_verified": True,
        "iat": int((NOW - timedelta(minutes=1)).timestamp()),
    }
    claims.update(over)
    return {k: v for k, v in claims.items() if v is not None}


def test_a_reserved_check_verifies_against_the_accounts_hash_once(monkeypatch):
    checks = count_verifications(monkeypatch)
    reserved = Reservation(password_hash=HASH, locked_until=None)
    assert checked_password(reserved, "correct horse battery")
    assert not checked_password(reserved, "wrong horse battery")
    assert checks.hashes == [HASH, HASH]


def test_no_reservation_still_costs_one_check_and_never_matches(monkeypatch):
    checks = count_verifications(monkeypatch)
    # Even the dummy hash's own password does not get in without a reservation.
    assert not checked_password(None, "correct horse battery")
    assert len(checks.hashes) == 1 and checks.hashes[0] != HASH
    assert checks.hashes[0].startswith("$argon2id$")


def test_the_dummy_hash_costs_what_a_real_one_does():
    dummy, real = accounts.DUMMY_HASH.split("$")[3], HASH.split("$")[3]
    assert dummy == real  # the same m, t and p parameters


def test_a_fresh_verified_sign_in_with_the_provider_opens_a_session():
    assert oidc_refusal(_claims(), NOW, idle_minutes=30) is None
    assert oidc_refusal(_claims(email_verified="true"), NOW, idle_minutes=30) is None


@pytest.mark.parametrize("verified", [False, "false", None, 1, "yes"])
def test_an_email_the_provider_does_not_say_is_verified_is_refused(verified):
    assert oidc_refusal(_claims(email_verified=verified), NOW, idle_minutes=30) == "unverified"


@pytest.mark.parametrize(
    ("issued", "refusal"),
    [
        (timedelta(minutes=30), None),
        (timedelta(minutes=31), "stale"),
        (timedelta(hours=13), "stale"),
    ],
)
def test_a_sign_in_with_the_provider_older_than_the_idle_limit_needs_a_new_one(issued, refusal):
    claims = _claims(iat=int((NOW - issued).timestamp()))
    assert oidc_refusal(claims, NOW, idle_minutes=30) == refusal


def test_a_provider_sign_in_without_its_time_needs_a_new_one():
    assert oidc_refusal(_claims(iat="soon"), NOW, idle_minutes=30) == "stale"
    claims = _claims()
    del claims["iat"]
    assert oidc_refusal(claims, NOW, idle_minutes=30) == "stale"


def test_the_provider_sign_in_time_is_when_the_session_started():
    iat = int((NOW - timedelta(minutes=3)).timestamp())
    assert accounts.oidc_signed_in_at(_claims(iat=iat)) == NOW - timedelta(minutes=3)
