"""A reload keeps the officer signed in: `streamlit run server.py` (the dashboard and its
session-cookie route) in Debian's chromium, with a real account made by `sampark users add`.

Runs only with SAMPARK_BROWSER=1. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.dashboard_process import chromium_context, running_dashboard
from tests.browser.test_dashboard_browser import (
    ARTIFACTS,
    PAGE_S,
    ROOT,
    Server,
    _sign_in,
    _wait_idle,
)

pytestmark = pytest.mark.browser

PASSWORD = "reload-keeps-me-1"


@pytest.fixture(scope="module")
def cookie_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("sessions_browser")
    url = f"sqlite:///{tmp}/s.db"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SAMPARK_DATA_DIR": str(tmp),
        "SAMPARK_COOKIE_SECRET": "browser-test-secret-not-for-use",
        "PYTHONUNBUFFERED": "1",
    }
    add = ["users", "add", "officer1", "--role", "admin", "--name", "Officer One"]
    subprocess.run(
        [sys.executable, "-m", "sampark", *add, "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    with running_dashboard(tmp, env, "server.py") as srv:
        yield srv


@pytest.fixture()
def context(cookie_server: Server) -> Iterator[Any]:
    with chromium_context(viewport={"width": 1440, "height": 1000}, locale="en-IN") as context:
        yield context


def _signed_in(page: Any) -> None:
    page.get_by_role("button", name="Sign out").wait_for(state="visible", timeout=PAGE_S * 1000)
    _wait_idle(page)


def _session_cookie(context: Any) -> dict[str, Any]:
    cookies = {c["name"]: c for c in context.cookies()}
    deadline = time.monotonic() + 20
    while "sampark_session" not in cookies and time.monotonic() < deadline:
        time.sleep(0.3)
        cookies = {c["name"]: c for c in context.cookies()}
    assert "sampark_session" in cookies, sorted(cookies)
    return dict(cookies["sampark_session"])


def test_a_reload_keeps_the_officer_signed_in(cookie_server: Server, context: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = context.new_page()
    page.goto(cookie_server.url, wait_until="domcontentloaded")
    _sign_in(page, "officer1", PASSWORD)
    _signed_in(page)
    cookie = _session_cookie(context)
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    # A script in the page cannot read it.
    assert "sampark_session" not in page.evaluate("document.cookie")

    page.reload(wait_until="domcontentloaded")
    _signed_in(page)
    assert page.get_by_role("button", name="Sign in", exact=True).count() == 0
    assert page.get_by_text("Officer One").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "sessions_after_reload.png"))

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in", exact=True).wait_for(timeout=PAGE_S * 1000)
    page.reload(wait_until="domcontentloaded")
    page.get_by_role("button", name="Sign in", exact=True).wait_for(timeout=PAGE_S * 1000)
    page.screenshot(path=str(ARTIFACTS / "sessions_after_sign_out_reload.png"))
    assert page.get_by_role("button", name="Sign out").count() == 0
