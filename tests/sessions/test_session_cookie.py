"""The session cookie's signature and header, and when a stored session may be used: pure."""

from __future__ import annotations

from datetime import datetime, timedelta

from sampark.sessions import (
    StoredSession,
    claim_key,
    clear_cookie_header,
    cookie_session_id,
    needs_touch,
    session_refusal,
    set_cookie_header,
    signed_cookie,
)

SECRET = "test-secret-for-signing"
SIGNED_IN = datetime(2026, 11, 20, 9, 0)


def _stored(**changes: object) -> StoredSession:
    fields: dict[str, object] = {
        "session_id": "s1",
        "username": "sp.patna",
        "created_at": SIGNED_IN,
        "last_seen_at": SIGNED_IN,
        "revoked_at": None,
        "disabled": False,
    }
    fields.update(changes)
    return StoredSession(**fields)  # type: ignore[arg-type]


def test_a_signed_cookie_gives_back_its_session_id():
    value = signed_cookie("abc-123_XYZ", SECRET)
    assert value.startswith("abc-123_XYZ.")
    assert cookie_session_id(value, SECRET) == "abc-123_XYZ"


def test_a_cookie_with_another_id_under_the_same_signature_is_refused():
    signature = signed_cookie("abc", SECRET).split(".", 1)[1]
    assert cookie_session_id(f"abd.{signature}", SECRET) is None


def test_a_cookie_signed_with_another_secret_is_refused():
    assert cookie_session_id(signed_cookie("abc", "another secret"), SECRET) is None


def test_a_bare_session_id_missing_or_empty_cookie_is_refused():
    assert cookie_session_id("abc", SECRET) is None
    assert cookie_session_id(None, SECRET) is None
    assert cookie_session_id("", SECRET) is None
    assert cookie_session_id(signed_cookie("abc", SECRET), "") is None


def test_the_cookie_is_http_only_same_site_strict_and_secure_only_over_tls():
    assert set_cookie_header("v", secure=False, max_age_seconds=43200) == (
        "sampark_session=v; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict"
    )
    assert set_cookie_header("v", secure=True, max_age_seconds=60).endswith(
        "; HttpOnly; SameSite=Strict; Secure"
    )
    assert clear_cookie_header(secure=False) == (
        "sampark_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
    )


def test_the_claim_key_is_the_sha256_of_the_token():
    assert claim_key("abc") == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


def test_a_live_session_may_be_used():
    assert session_refusal(_stored(), SIGNED_IN + timedelta(minutes=29), 30, 12) is None


def test_a_session_idle_past_the_limit_has_expired():
    later = SIGNED_IN + timedelta(minutes=30, seconds=1)
    assert session_refusal(_stored(), later, 30, 12) == "expired"


def test_a_session_seen_recently_but_older_than_twelve_hours_has_expired():
    now = SIGNED_IN + timedelta(hours=12, minutes=1)
    seen = now - timedelta(minutes=1)
    assert session_refusal(_stored(last_seen_at=seen), now, 30, 12) == "expired"


def test_revoked_disabled_and_unknown_sessions_are_refused_with_their_reason():
    now = SIGNED_IN + timedelta(minutes=1)
    assert session_refusal(_stored(revoked_at=SIGNED_IN), now, 30, 12) == "revoked"
    assert session_refusal(_stored(disabled=True), now, 30, 12) == "disabled"
    assert session_refusal(_stored(disabled=True, revoked_at=SIGNED_IN), now, 30, 12) == (
        "disabled"
    )
    assert session_refusal(None, now, 30, 12) == "unknown"


def test_last_seen_is_written_again_after_a_minute_only():
    assert not needs_touch(SIGNED_IN, SIGNED_IN + timedelta(seconds=59))
    assert needs_touch(SIGNED_IN, SIGNED_IN + timedelta(seconds=60))
