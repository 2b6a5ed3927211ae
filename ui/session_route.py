"""The one HTTP route Sampark adds to Streamlit's server: POST /session/claim trades the
page's one-time claim token for the signed, HttpOnly, SameSite=Strict session cookie."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from sampark.clock import now_local
from sampark.db import engine_for
from sampark.sessions import set_cookie_header, signed_cookie
from sampark.settings import load_settings
from sampark.store.sessions import claim_session
from ui.session_cookie import cookie_secret


def _claimed(token: str) -> str | None:
    with engine_for(load_settings().database_url).begin() as conn:
        return claim_session(conn, token, now_local())


def _same_origin(request: Request) -> bool:
    """A claim comes from Sampark's own page: a browser names the page's origin on every
    POST, and another site's page may not sign this browser into someone's session."""
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).hostname == request.url.hostname


async def claim(request: Request) -> Response:
    refused = Response(status_code=403, headers={"Cache-Control": "no-store"})
    if not _same_origin(request):
        return refused
    try:
        token = json.loads(await request.body()).get("token")
    except (ValueError, AttributeError):
        return refused
    if not isinstance(token, str) or not token or len(token) > 100:
        return refused
    session_id = await run_in_threadpool(_claimed, token)
    if session_id is None:
        return refused
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
    cookie = set_cookie_header(
        signed_cookie(session_id, cookie_secret()),
        secure=secure,
        max_age_seconds=load_settings().session_max_hours * 3600,
    )
    return Response(status_code=204, headers={"Set-Cookie": cookie, "Cache-Control": "no-store"})
