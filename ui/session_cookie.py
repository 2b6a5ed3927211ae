"""The session cookie as the script sees it: read from the browser's WebSocket request, and
asked for through the page after a sign-in (no Streamlit API sets a cookie, and a cookie set
by a script in the page could not be HttpOnly; the server's /session/claim route sets it)."""

from __future__ import annotations

import json

import streamlit as st

from sampark.sessions import CLAIM_PATH, COOKIE, cookie_session_id
from sampark.settings import load_settings


def cookie_secret() -> str:
    """The key the session cookie is signed with: SAMPARK_COOKIE_SECRET, else Streamlit's
    own cookie secret (per server process unless set)."""
    return load_settings().cookie_secret or str(st.get_option("server.cookieSecret"))


def browser_session_cookie() -> str | None:
    """The session cookie the browser sent when it opened this session, if any."""
    return st.context.cookies.get(COOKIE)


def cookie_session() -> str | None:
    """The session id of the browser's cookie, if its signature holds."""
    return cookie_session_id(browser_session_cookie(), cookie_secret())


def claim_cookie(token: str) -> None:
    """Have the page trade the one-time `token` for the HttpOnly cookie. The token is useless
    once spent, so a script that later reads the page finds nothing to steal."""
    body = json.dumps({"token": token})
    st.html(
        "<script>"
        f"fetch({json.dumps(CLAIM_PATH)}, {{method: 'POST', credentials: 'same-origin',"
        f" headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(body)}}});"
        "</script>",
        unsafe_allow_javascript=True,
    )
