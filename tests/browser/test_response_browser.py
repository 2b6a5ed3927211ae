"""The Response page in a real browser, as the SCRB helpdesk sees it (alerts funnel included).

Runs only with SAMPARK_BROWSER=1. Uses the helpers of test_dashboard_browser.py, on its own
server with its own demo database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.dashboard_process import chromium_context, running_dashboard
from tests.browser.test_dashboard_browser import (
    PAGE_S,
    Server,
    _exceptions,
    _open_app,
    _shot,
    _wait_chart,
    _wait_idle,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def alerts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("browser_response")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/b.db",
        "SAMPARK_DATA_DIR": str(tmp),
        "PYTHONUNBUFFERED": "1",
    }
    with running_dashboard(tmp, env) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser_page(alerts_server: Server) -> Iterator[Any]:
    with chromium_context(viewport={"width": 1440, "height": 1000}, locale="en-IN") as context:
        yield context.new_page()


def _open_response(page: Any, server: Server) -> None:
    """Enter as the SCRB helpdesk: its one page is the Response page, alerts included."""
    _open_app(page, server, "SCRB helpdesk (alerts)")


def test_response_page_renders_charts_tables_and_alerts(alerts_server: Server, browser_page: Any):
    page = browser_page
    _open_response(page, alerts_server)
    try:
        page.get_by_text("Alerts, stage by stage").first.wait_for(timeout=PAGE_S * 1000)
        _wait_chart(page)
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=PAGE_S * 1000)
        _wait_idle(page)
        charts = page.locator('[data-testid="stPlotlyChart"]').count()
        text = page.locator('[data-testid="stMain"]').inner_text()
    finally:
        _shot(page, "response.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Response: {errors}\n{alerts_server.log_tail()}"
    assert charts == 5
    assert "Median to Cognizance" in text and "only to the roles that act" not in text


def test_response_page_in_hindi(alerts_server: Server, browser_page: Any):
    page = browser_page
    _open_response(page, alerts_server)
    page.get_by_text("How fast we respond").first.wait_for(timeout=PAGE_S * 1000)
    page.get_by_role("radiogroup", name="Language / भाषा").get_by_text("हिन्दी", exact=True).click()
    try:
        page.get_by_text("हम कितनी तेज़ी से कार्रवाई करते हैं").wait_for(timeout=PAGE_S * 1000)
        _wait_chart(page)
        _wait_idle(page)
        text = page.locator('[data-testid="stMain"]').inner_text()
    finally:
        _shot(page, "response_hi.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Response (hi): {errors}\n{alerts_server.log_tail()}"
    assert "संज्ञान तक माध्यिका" in text
