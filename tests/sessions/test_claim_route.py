"""The /session/claim route: a one-time token from Sampark's own page becomes the signed,
HttpOnly session cookie, once; anything else gets a 403 and no cookie (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import json

import pytest
from starlette.requests import Request
from starlette.responses import Response

from sampark.clock import now_local
from sampark.sessions import cookie_session_id
from sampark.store import sessions as store_sessions
from tests.signin_setup import accounts_db, cheap_argon2  # noqa: F401  (a fixture)
from ui.session_route import claim

pytestmark = pytest.mark.usefixtures("cheap_argon2")

SECRET = "route-test-secret"
SITE = "sampark.police.example"


def _post(body: bytes, origin: str | None, proto: str = "http") -> Response:
    headers = [(b"host", SITE.encode()), (b"content-type", b"application/json")]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if proto == "https":
        headers.append((b"x-forwarded-proto", b"https"))
    scope = {
        "type": "http",
        "method": "POST",
        "scheme": "http",
        "path": "/session/claim",
        "query_string": b"",
        "headers": headers,
        "server": (SITE, 80),
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    return asyncio.run(claim(Request(scope, receive)))


@pytest.fixture
def opened(db_url, monkeypatch) -> tuple[str, str]:
    monkeypatch.setenv("SAMPARK_COOKIE_SECRET", SECRET)
    engine = accounts_db(db_url)
    with engine.begin() as conn:
        return store_sessions.open_session(conn, "sp.patna", now_local(), now_local())


def _body(token: str) -> bytes:
    return json.dumps({"token": token}).encode()


def test_a_token_from_the_own_page_sets_the_signed_http_only_cookie_once(opened):
    session_id, token = opened
    first = _post(_body(token), f"http://{SITE}")
    assert first.status_code == 204
    cookie = first.headers["set-cookie"]
    name, value = cookie.split(";", 1)[0].split("=", 1)
    assert name == "sampark_session"
    assert cookie_session_id(value, SECRET) == session_id
    assert "; HttpOnly; SameSite=Strict" in cookie and "Secure" not in cookie
    assert first.headers["cache-control"] == "no-store"
    again = _post(_body(token), f"http://{SITE}")
    assert again.status_code == 403 and "set-cookie" not in again.headers


def test_behind_a_tls_proxy_the_cookie_is_secure(opened):
    _session_id, token = opened
    answer = _post(_body(token), f"https://{SITE}", proto="https")
    assert answer.status_code == 204 and answer.headers["set-cookie"].endswith("; Secure")


def test_another_sites_page_or_no_origin_gets_no_cookie_and_leaves_the_token_unspent(opened):
    _session_id, token = opened
    for origin in ("https://evil.example", None):
        refused = _post(_body(token), origin)
        assert refused.status_code == 403 and "set-cookie" not in refused.headers
    assert _post(_body(token), f"http://{SITE}").status_code == 204


def test_a_wrong_or_malformed_token_gets_a_403(opened):
    for body in (_body("not-the-token"), b"not json", b"[1]", json.dumps({"token": 5}).encode()):
        refused = _post(body, f"http://{SITE}")
        assert refused.status_code == 403 and "set-cookie" not in refused.headers
