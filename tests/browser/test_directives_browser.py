"""The Directives and rumours page in a real browser, as the DGP reads it, in English and Hindi
at 1440 px and on a 390 px phone: the three chart titles drawn whole and the rumour table shown,
no exception. Runs only with SAMPARK_BROWSER=1. The database is tests/spread_page_setup.py's
small network (not the demo). Screenshots: test-artifacts/directives_<lang>_<width>.png."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.dashboard_process import chromium_context, running_dashboard
from tests.browser.test_dashboard_browser import (
    PAGE_S,
    Server,
    _exceptions,
    _shot,
    _sign_in,
    _wait_chart,
    _wait_idle,
)
from tests.pages.test_page_directives import CHARTS
from tests.spread_page_setup import page_database

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "synthetic-pass-2026"
PAGE_TITLE = {"en": "Directives and rumours", "hi": "निर्देश और अफ़वाहें"}
RUMOURS = {"en": "Rumours across the districts", "hi": "ज़िलों में फैली अफ़वाहें"}


@pytest.fixture(scope="module")
def spread_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("directives_browser")
    url = page_database(tmp)
    add = ["users", "add", "phq.dgp", "--role", "dgp", "--name", "PHQ watch"]
    subprocess.run(
        [sys.executable, "-m", "sampark", *add, "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
        text=True,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "DATABASE_URL": url, "SAMPARK_DATA_DIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    with running_dashboard(tmp, env) as srv:
        yield srv


def _sidebar(page: Any, open_it: bool) -> None:
    bar = page.locator('[data-testid="stSidebar"]')
    shown = bool(bar.count()) and bar.get_attribute("data-collapsed") == "false"
    if open_it and not shown:
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    elif shown and not open_it:
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    page.wait_for_timeout(600)


def _open_directives(page: Any, server: Server, lang: str, phone: bool) -> None:
    page.goto(server.url, wait_until="domcontentloaded")
    _sign_in(page, "phq.dgp", PASSWORD)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=PAGE_S * 1000)
    _wait_idle(page)
    _sidebar(page, True)
    if lang == "hi":
        page.get_by_role("radiogroup", name="Language / भाषा").get_by_text(
            "हिन्दी", exact=True
        ).click()
        _wait_idle(page)
        _sidebar(page, True)  # a phone folds the sidebar away after the language changes
    link = page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=PAGE_TITLE[lang])
    link.first.click()
    page.get_by_role("heading", name=PAGE_TITLE[lang]).wait_for(timeout=PAGE_S * 1000)
    if phone:
        _sidebar(page, False)
    _wait_chart(page)
    _wait_idle(page)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _chart_titles(page: Any) -> list[str]:
    """Each chart's title as drawn, without spaces: a title over two lines is two tspans whose
    text runs on without the space the break replaced."""
    titles: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .gtitle')]
            .map(t => t.textContent)"""
    )
    return [_squeezed(t) for t in titles]


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_dgp_reads_the_charts_and_the_rumours(spread_server: Server, lang: str, width: int):
    viewport = {"width": width, "height": 1000 if width > 400 else 844}
    locale = "hi-IN" if lang == "hi" else "en-IN"
    with chromium_context(viewport=viewport, locale=locale, has_touch=width < 400) as context:
        page = context.new_page()
        try:
            _open_directives(page, spread_server, lang, phone=width < 400)
            page.locator('[data-testid="stPlotlyChart"] .gtitle').nth(2).wait_for(
                state="attached", timeout=PAGE_S * 1000
            )
            titles = _chart_titles(page)
            rumours = page.get_by_role("heading", name=RUMOURS[lang])
            rumours.scroll_into_view_if_needed()
            tables = page.locator('[data-testid="stDataFrame"]')
            table_count = tables.count()
            tables.last.scroll_into_view_if_needed()
            rumour_table_seen = tables.last.is_visible() and rumours.is_visible()
            wide = page.evaluate(
                """() => { const m = document.querySelector('[data-testid="stMain"]');
                    return Math.max(0, m.scrollWidth - window.innerWidth); }"""
            )
        finally:
            _shot(page, f"directives_{lang}_{width}.png")
            errors = _exceptions(page)
    assert errors == [], f"exceptions on Directives: {errors}\n{spread_server.log_tail()}"
    assert titles == [_squeezed(t) for t in CHARTS[lang]]
    # Directives, stalls and rumours.
    assert table_count == 3 and rumour_table_seen
    assert wide == 0
