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
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_dashboard_browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_S,
    ROOT,
    SERVER_START_S,
    Server,
    _free_port,
    _healthy,
    _sign_in,
    _stop,
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
    port = _free_port()
    log = tmp / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "server.py", "--server.headless", "true"]
    cmd += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    srv = Server(url=f"http://127.0.0.1:{port}", proc=proc, log=log)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not _healthy(srv.url):
            if proc.poll() is not None:
                pytest.fail(f"server.py exited with {proc.returncode}:\n{srv.log_tail()}")
            if time.monotonic() > deadline:
                pytest.fail(f"server.py not healthy after {SERVER_START_S}s:\n{srv.log_tail()}")
            time.sleep(0.3)
        yield srv
    finally:
        _stop(proc)


@pytest.fixture()
def context(cookie_server: Server) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install chromium (never `playwright install`)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-IN")
        finally:
            browser.close()


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
