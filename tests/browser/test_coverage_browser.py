"""The coverage pages (Overview, Districts, Drill-down) in a real browser, in English and
Hindi, with a screenshot of each in test-artifacts/ (coverage_<page>_<lang>.png) to look at:
Devanagari shaped (matras, conjuncts), Indian digit grouping, charts drawn."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.test_dashboard_browser import (  # noqa: F401  (fixtures)
    PAGE_S,
    Server,
    _exceptions,
    _open_app,
    _shot,
    _wait_chart,
    _wait_idle,
    page,
    server,
)

pytestmark = pytest.mark.browser

PAGES = {
    "overview": (
        "Overview",
        "अवलोकन",
        "Coverage against the order's targets",
        "आदेश के लक्ष्यों के सापेक्ष कवरेज",
    ),
    "districts": ("Districts", "जिले", "Districts compared, fairly", "जिलों की निष्पक्ष तुलना"),
    "drilldown": ("Coverage drill-down", "कवरेज विस्तार", "Coverage drill-down", "कवरेज विस्तार"),
}


def _language(tab: Any, lang: str) -> None:
    # Within the sidebar's radio group: a rerun may briefly leave the old one in the page.
    radio = tab.get_by_role("radiogroup", name="Language / भाषा")
    radio.get_by_text("हिन्दी" if lang == "hi" else "English", exact=True).click()
    _wait_idle(tab)


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("name", list(PAGES))
def test_coverage_page_renders_in_each_language(
    server: Server,  # noqa: F811  (the shared fixtures, by name)
    page: Any,  # noqa: F811
    name: str,
    lang: str,
) -> None:
    _open_app(page, server)
    _language(page, lang)
    nav_en, nav_hi, title_en, title_hi = PAGES[name]
    link = page.locator('[data-testid="stSidebarNavLink"]').filter(
        has_text=nav_hi if lang == "hi" else nav_en
    )
    link.first.click()
    try:
        page.get_by_role("heading", name=title_hi if lang == "hi" else title_en).first.wait_for(
            timeout=PAGE_S * 1000
        )
        _wait_chart(page)
        _wait_idle(page)
        body = page.locator('[data-testid="stMain"]').inner_text()
    finally:
        _shot(page, f"coverage_{name}_{lang}.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on {name} ({lang}): {errors}\n{server.log_tail()}"
    if lang == "hi":
        assert re.search(r"[\u0900-\u097f]{3,}", body)
    else:
        assert not re.search(r"[\u0900-\u097f]", body.replace("हिन्दी", ""))
