"""Every page each role sees, in English and Hindi, in a real browser: no exception, no
metric label cut short, no chart title reaching above its chart (the first line of a Hindi
title lost its vowel signs there), and in Hindi no English word of Streamlit's own and no raw
code (`thana_public`) in the visible text; at 390 px an SP's and the cell's pages fit the
screen.

Runs only with SAMPARK_BROWSER=1. With SAMPARK_SCREENSHOTS=1 it also keeps a full-page screenshot
of every page it opens in test-artifacts/ (page_<role>_<lang>_<page>.png, wide and phone), for a
person to look at."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

from sampark.access import pages_for
from tests.browser.dashboard_process import chromium_context
from tests.browser.test_dashboard_browser import (
    FIRST_LOAD_S,
    PAGE_S,
    Server,
    _choose,
    _enter_demo,
    _exceptions,
    _shot,
    _wait_idle,
    server,  # noqa: F401  (the module's server fixture)
)
from tests.browser.test_phone_browser import (
    STREAMLIT_WORDS,
    _hindi,
    _open_sidebar,
    _overflow,
    _sidebar_open,
)

pytestmark = pytest.mark.browser

ROLES = {
    "dgp": "DGP / PHQ",
    "ig": "Range IG",
    "sp": "SP (district)",
    "social": "Social media cell",
    "data_officer": "Data officer",
}
# A code as the database holds it: lower-case words joined by "_" (thana_public, data_officer).
RAW_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
# An empty date box's own hint, in English letters.
DATE_HINT = re.compile(r"\b(?:dd|mm|yyyy)\b", re.IGNORECASE)
# Pages of another helper's round whose texts are checked there (directives: its own tests).
CODES_CHECKED_ELSEWHERE = {"directives"}


# One browser per test: two Playwright sessions cannot be open at once in one thread.
@pytest.fixture
def wide(server: Server) -> Iterator[Any]:  # noqa: F811
    with chromium_context(viewport={"width": 1440, "height": 900}, locale="en-IN") as context:
        yield context.new_page()


@pytest.fixture
def phone(server: Server) -> Iterator[Any]:  # noqa: F811
    viewport = {"width": 390, "height": 844}
    with chromium_context(viewport=viewport, locale="en-IN", has_touch=True) as context:
        yield context.new_page()


def _enter(page: Any, server: Server, role: str, lang: str) -> None:  # noqa: F811
    page.context.clear_cookies()
    page.goto(server.url, wait_until="domcontentloaded")
    page.get_by_role("button", name="Enter the demo").wait_for(timeout=FIRST_LOAD_S * 1000)
    _wait_idle(page)
    if role == "dgp":
        _enter_demo(page, ROLES[role])
    else:
        _choose(page, "Role", ROLES[role])
        _wait_idle(page)
        page.get_by_role("button", name="Enter the demo").click()
    _wait_idle(page)
    if lang == "hi":
        _hindi(page)


def _go(page: Any, index: int) -> None:
    links = page.locator('[data-testid="stSidebarNavLink"]')
    if index == 0:
        # Entering lands on the first page; tapping its own link would only open the sidebar
        # over it on a phone (no navigation, so nothing closes it). A phone reader closes the
        # sidebar left open by the language choice, as a person would.
        narrow = page.viewport_size["width"] < 640
        if narrow and _sidebar_open(page):
            page.locator('[data-testid="stSidebarCollapseButton"] button').click()
            page.wait_for_timeout(600)
        _wait_idle(page)
    else:
        _open_sidebar(page)
        links.nth(index).click()
        _wait_idle(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    if charts.count():
        charts.locator(".main-svg").first.wait_for(state="attached", timeout=PAGE_S * 1000)
        page.wait_for_timeout(800)


def _keep_screenshot(page: Any, name: str) -> None:
    if os.environ.get("SAMPARK_SCREENSHOTS", "").strip() not in {"1", "true", "yes"}:
        return
    _shot(page, f"{name}.png")


def _visible_words(page: Any) -> str:
    """The main area's visible text, icons' ligature names ("download") left out."""
    text: str = page.evaluate(
        """() => {
            const root = document.querySelector('[data-testid="stMain"]');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const seen = [];
            while (walker.nextNode()) {
                const el = walker.currentNode.parentElement;
                if (!el || el.closest('[data-testid="stIconMaterial"]')) continue;
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden') continue;
                // An alert's icon is a ligature ("check_circle") in the icon font.
                if (style.fontFamily.includes('Material')) continue;
                if (parseFloat(style.fontSize) === 0 || el.offsetParent === null) continue;
                seen.push(walker.currentNode.textContent);
            }
            return seen.join(' '); }"""
    )
    return text


def _cut_metric_labels(page: Any) -> list[str]:
    """Metric labels the browser shortened with an ellipsis."""
    cut: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetricLabel"] *')]
            .filter(el => el.children.length === 0 && el.scrollWidth > el.clientWidth + 1)
            .map(el => el.textContent)"""
    )
    return cut


def _titles_above_their_chart(page: Any) -> list[str]:
    """Chart titles whose box begins above the chart's own top edge (cut off there)."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .gtitle')]
            .filter(t => t.getBoundingClientRect().height > 0)
            .filter(t => t.getBoundingClientRect().top
                         < t.ownerSVGElement.getBoundingClientRect().top - 1)
            .map(t => t.textContent)"""
    )
    return found


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_of_a_role_reads_whole_in_its_language(
    server: Server,  # noqa: F811
    wide: Any,
    role: str,
    lang: str,
) -> None:
    _enter(wide, server, role, lang)
    problems: dict[str, list[str]] = {}
    for index, page_id in enumerate(pages_for(role)):
        _go(wide, index)
        _keep_screenshot(wide, f"page_{role}_{lang}_{page_id}")
        found = _exceptions(wide) + _cut_metric_labels(wide) + _titles_above_their_chart(wide)
        if lang == "hi":
            words = _visible_words(wide)
            found += STREAMLIT_WORDS.findall(words) + DATE_HINT.findall(words)
            if page_id not in CODES_CHECKED_ELSEWHERE:
                found += RAW_CODE.findall(words)
        if found:
            problems[page_id] = found
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("role", ["sp", "social"])
def test_a_field_officers_pages_fit_a_phone(
    server: Server,  # noqa: F811
    phone: Any,
    role: str,
    lang: str,
) -> None:
    _enter(phone, server, role, lang)
    wider: dict[str, int] = {}
    for index, page_id in enumerate(pages_for(role)):
        if page_id not in {"overview", "groups", "social"}:
            continue
        _go(phone, index)
        _keep_screenshot(phone, f"page_{role}_{lang}_{page_id}_phone")
        if _overflow(phone):
            wider[page_id] = _overflow(phone)
    assert wider == {}
