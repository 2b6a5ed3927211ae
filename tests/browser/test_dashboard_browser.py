"""The real dashboard in a real browser: `streamlit run dashboard.py` + Debian's chromium.

Runs only with SAMPARK_BROWSER=1 (scripts/test.sh sets it). Screenshots go to
test-artifacts/ at the repo root. Never runs `playwright install`: it drives /usr/bin/chromium.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.dashboard_process import (
    Server,
    chromium_context,
    running_dashboard,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# The first page load builds the demo into the empty database: a minute alone, several when
# the machine's cores are shared (parallel test workers); the wait ends as soon as it is built.
FIRST_LOAD_S = 360
CHART_S = 60  # the plotly bundle is large
PAGE_S = 60


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not (ROOT / "dashboard.py").is_file():
        pytest.fail(f"{ROOT / 'dashboard.py'} does not exist")
    tmp = tmp_path_factory.mktemp("browser")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/b.db",
        "SAMPARK_DATA_DIR": str(tmp),
        "PYTHONUNBUFFERED": "1",
    }
    with running_dashboard(tmp, env) as srv:
        yield srv


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[Any]:
    with chromium_context(viewport={"width": 1440, "height": 1000}, locale="en-IN") as context:
        yield context.new_page()


def _wait_idle(page: Any, timeout_s: float = 60) -> None:
    """Wait until the script run finished (the status widget shows only while running)."""
    page.wait_for_timeout(500)
    page.locator('[data-testid="stStatusWidget"]').wait_for(
        state="detached", timeout=timeout_s * 1000
    )
    page.wait_for_timeout(500)


def _choose(page: Any, label: str, option: str) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label`."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.locator('[role="combobox"]').first.click()
    page.get_by_role("option", name=option, exact=True).click()


def _enter_demo(page: Any, role: str = "DGP / PHQ") -> None:
    """On the demo's sign-in screen (the first visit builds the demo), enter as `role`."""
    enter = page.get_by_role("button", name="Enter the demo")
    enter.wait_for(state="visible", timeout=FIRST_LOAD_S * 1000)
    if role != "DGP / PHQ":  # the first option
        _choose(page, "Role", role)
        _wait_idle(page)
    enter.click()


def _sign_in(page: Any, username: str, password: str) -> None:
    """Fill and send the sign-in form."""
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def _open_app(page: Any, server: Server, role: str = "DGP / PHQ") -> None:
    """Open the app, enter the demo as `role` and wait for the first metric."""
    page.goto(server.url, wait_until="domcontentloaded")
    page.locator('[data-testid="stAppViewContainer"]').wait_for(timeout=PAGE_S * 1000)
    _enter_demo(page, role)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(
        state="visible", timeout=FIRST_LOAD_S * 1000
    )
    _wait_idle(page)  # the sign-in screen's elements are gone once the run has finished


def _wait_chart(page: Any) -> None:
    """Wait until a plotly chart is drawn (its bundle is large)."""
    page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(
        state="attached", timeout=CHART_S * 1000
    )


def _exceptions(page: Any) -> list[str]:
    loc = page.locator('[data-testid="stException"]')
    return [loc.nth(i).inner_text()[:2000] for i in range(loc.count())]


def _shot(page: Any, name: str) -> Path:
    """Screenshot of the whole app. Streamlit scrolls inside its main container, not the
    document, so the viewport is stretched to the content height for the shot."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(...['stMain', 'stAppViewContainer', 'stSidebarContent']
            .map(id => document.querySelector(`[data-testid="${id}"]`))
            .filter(el => el !== null)
            .map(el => el.scrollHeight), document.body.scrollHeight)"""
    )
    tall = min(max(int(height), size["height"]), 8000)
    try:
        if tall > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": tall})
            page.wait_for_timeout(1000)  # let charts re-lay out
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def test_overview_renders(server: Server, page: Any) -> None:
    try:
        _open_app(page, server)
        _wait_chart(page)
        _wait_idle(page)
    finally:
        _shot(page, "overview.png")
        errors = _exceptions(page)
    assert errors == [], (
        f"exceptions on Overview: {errors}\n--- server log ---\n{server.log_tail()}"
    )


def test_data_page_renders(server: Server, page: Any) -> None:
    _open_app(page, server, "Administrator")  # the admin sees the Audit log and Data
    link = page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=re.compile("Data"))
    link.first.wait_for(state="visible", timeout=PAGE_S * 1000)
    link.first.click()
    try:
        page.locator('[data-testid="stDataFrame"]').first.wait_for(
            state="visible", timeout=PAGE_S * 1000
        )
        _wait_idle(page)
    finally:
        _shot(page, "data.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Data: {errors}\n--- server log ---\n{server.log_tail()}"


def test_overview_in_hindi_shows_devanagari_and_indian_grouping(server: Server, page: Any) -> None:
    _open_app(page, server)
    page.get_by_role("radiogroup", name="Language / भाषा").get_by_text("हिन्दी", exact=True).click()
    try:
        page.get_by_text("आदेश के लक्ष्यों के सापेक्ष कवरेज").wait_for(timeout=PAGE_S * 1000)
        _wait_chart(page)
        _wait_idle(page)
        members = page.locator('[data-testid="stMetricValue"]').first.inner_text()
        nav = page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
    finally:
        _shot(page, "overview_hi.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions in Hindi: {errors}\n--- server log ---\n{server.log_tail()}"
    assert any("अवलोकन" in n for n in nav)
    # Over a lakh people would read 1,00,000; the small demo's few thousand read 6,313.
    assert re.fullmatch(r"\d{1,2}(,\d\d)*,\d{3}|\d{1,3}", members), members


def test_group_health_page_renders(server: Server, page: Any) -> None:
    _open_app(page, server)
    link = page.locator('[data-testid="stSidebarNavLink"]').filter(
        has_text=re.compile("Group health|समूह स्वास्थ्य")
    )
    link.first.click()
    try:
        _wait_chart(page)
        page.locator('[data-testid="stDataFrame"]').first.wait_for(
            state="visible", timeout=PAGE_S * 1000
        )
        _wait_idle(page)
    finally:
        _shot(page, "groups.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Group health: {errors}\n{server.log_tail()}"


def test_admin_sees_the_audit_log_with_the_demo_sign_ins(server: Server, page: Any) -> None:
    _open_app(page, server, "Administrator")
    page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Audit log").first.click()
    try:
        page.get_by_role("heading", name="Audit log and accounts").wait_for(timeout=PAGE_S * 1000)
        _wait_idle(page)
        nav = page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        body = page.locator('[data-testid="stMain"]').inner_text()
    finally:
        _shot(page, "audit.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Audit: {errors}\n{server.log_tail()}"
    assert [n.split("\n")[-1].strip() for n in nav] == ["Data", "Audit log"]  # after the icon
    assert "Accounts" in body
