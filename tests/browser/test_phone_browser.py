"""The pages officers open on a phone, at 390×844 in English and Hindi: nothing wider than
the screen, chart titles and month labels whole, the heatmap replaced by a table, the
sidebar closed after a choice; and in Hindi no English word of Streamlit's own widgets.

Runs only with SAMPARK_BROWSER=1. Screenshots go to test-artifacts/phone_*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.dashboard_process import chromium_context
from tests.browser.test_dashboard_browser import (
    FIRST_LOAD_S,
    PAGE_S,
    Server,
    _enter_demo,
    _exceptions,
    _shot,
    _wait_chart,
    _wait_idle,
    server,  # noqa: F401  (the module's server fixture)
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Streamlit's own words (its widgets write them in English whatever the page's language).
STREAMLIT_WORDS = re.compile(
    r"Choose options|Choose an option|Select all|\bNone\b|Drag and drop|per file|"
    r"Browse files|\bUpload\b|No results|No options to select"
)


@pytest.fixture(scope="module")
def phone(server: Server) -> Iterator[Any]:  # noqa: F811
    with chromium_context(viewport=PHONE, locale="en-IN", has_touch=True) as context:
        yield context.new_page()


def _sidebar_open(page: Any) -> bool:
    bar = page.locator('[data-testid="stSidebar"]')
    return bool(bar.count()) and bar.get_attribute("data-collapsed") == "false"


def _open_sidebar(page: Any) -> None:
    if not _sidebar_open(page):
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_timeout(600)


def _enter(page: Any, server: Server, role: str) -> None:  # noqa: F811
    page.context.clear_cookies()
    page.goto(server.url, wait_until="domcontentloaded")
    page.locator('[data-testid="stAppViewContainer"]').wait_for(timeout=PAGE_S * 1000)
    # The module's first visit builds the demo (its sheets, load and drawn photos).
    page.get_by_role("button", name="Enter the demo").wait_for(timeout=FIRST_LOAD_S * 1000)
    if _sidebar_open(page):  # a phone's sidebar remembered open from the last visit
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        page.wait_for_timeout(600)
    _enter_demo(page, role)
    page.locator('[data-testid="stHeading"]').first.wait_for(timeout=PAGE_S * 1000)
    _wait_idle(page)


def _go(page: Any, title: str) -> None:
    _open_sidebar(page)
    page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title).first.click()
    _wait_idle(page)


def _hindi(page: Any) -> None:
    _open_sidebar(page)
    page.get_by_role("radiogroup", name="Language / भाषा").get_by_text("हिन्दी", exact=True).click()
    _wait_idle(page)
    page.wait_for_timeout(800)


def _shown_text(page: Any) -> str:
    """The main area's text a reader can see: text in a hidden element or drawn at size 0
    (the uploader's own word, replaced by ours through CSS) is left out."""
    text: str = page.evaluate(
        """() => {
            const root = document.querySelector('[data-testid="stMain"]');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const seen = [];
            while (walker.nextNode()) {
                const el = walker.currentNode.parentElement;
                const style = el && getComputedStyle(el);
                if (!style || style.display === 'none' || style.visibility === 'hidden') continue;
                if (parseFloat(style.fontSize) === 0 || el.offsetParent === null) continue;
                seen.push(walker.currentNode.textContent);
            }
            return seen.join(' '); }"""
    )
    return text


def _overflow(page: Any) -> int:
    """How far the page is wider than the screen (0: it fits)."""
    return int(
        page.evaluate(
            """() => { const m = document.querySelector('[data-testid="stMain"]');
                return Math.max(0, (m ? m.scrollWidth : 0) - window.innerWidth); }"""
        )
    )


def _cut_chart_text(page: Any) -> list[str]:
    """Chart titles and axis tick labels that reach past their chart's left, right or top."""
    found: list[str] = page.evaluate(
        """() => {
            const cut = [];
            document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach(chart => {
                if (chart.offsetParent === null) return;  // hidden on this screen
                const box = chart.getBoundingClientRect();
                chart.querySelectorAll('.gtitle, .xtick text, .ytick text').forEach(t => {
                    const r = t.getBoundingClientRect();
                    if (r.width && (r.left < box.left - 1 || r.right > box.right + 1
                                    || r.top < box.top - 8))
                        cut.push(`${t.textContent} [${Math.round(r.left)},${Math.round(r.right)},`
                                 + `${Math.round(r.top)} in ${Math.round(box.left)},`
                                 + `${Math.round(box.right)},${Math.round(box.top)}]`);
                });
            });
            return cut; }"""
    )
    return found


def _visible_modebars(page: Any) -> int:
    return int(
        page.evaluate(
            """() => [...document.querySelectorAll('.modebar-container')]
                .filter(m => getComputedStyle(m).display !== 'none').length"""
        )
    )


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_overview_reads_on_a_phone(server: Server, phone: Any, lang: str) -> None:  # noqa: F811
    _enter(phone, server, "DGP / PHQ")
    if lang == "hi":
        _hindi(phone)
    _wait_chart(phone)
    _wait_idle(phone)
    try:
        assert not _sidebar_open(phone), "the sidebar lies over the page after a choice"
        assert _overflow(phone) == 0
        assert _cut_chart_text(phone) == []
        assert _visible_modebars(phone) == 0
        assert not phone.locator(".st-key-wide_only_heatmap").is_visible()
        assert phone.locator(".st-key-narrow_only_heatmap [data-testid='stDataFrame']").is_visible()
        if lang == "hi":
            text = _shown_text(phone)
            assert not STREAMLIT_WORDS.findall(text)
    finally:
        _shot(phone, f"phone_overview_{lang}.png")
    assert _exceptions(phone) == []


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_group_health_reads_on_a_phone(server: Server, phone: Any, lang: str) -> None:  # noqa: F811
    _enter(phone, server, "DGP / PHQ")
    if lang == "hi":
        _hindi(phone)
    _go(phone, "Group health" if lang == "en" else "समूह स्वास्थ्य")
    _wait_chart(phone)
    _wait_idle(phone)
    try:
        assert not _sidebar_open(phone)
        assert _overflow(phone) == 0
        assert _cut_chart_text(phone) == []
        if lang == "hi":
            text = _shown_text(phone)
            assert not STREAMLIT_WORDS.findall(text)
    finally:
        _shot(phone, f"phone_groups_{lang}.png")
    assert _exceptions(phone) == []


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_social_reads_on_a_phone(server: Server, phone: Any, lang: str) -> None:  # noqa: F811
    _enter(phone, server, "Social media cell")
    if lang == "hi":
        _hindi(phone)
    _wait_idle(phone)
    try:
        assert not _sidebar_open(phone)
        assert _overflow(phone) == 0
        if lang == "hi":
            text = _shown_text(phone)
            assert not STREAMLIT_WORDS.findall(text)
    finally:
        _shot(phone, f"phone_social_{lang}.png")
    assert _exceptions(phone) == []


def test_in_hindi_the_data_page_has_no_streamlit_english(server: Server, phone: Any) -> None:  # noqa: F811
    _enter(phone, server, "Data officer")
    _hindi(phone)
    try:
        phone.locator('[data-testid="stFileUploader"]').wait_for(timeout=PAGE_S * 1000)
        text = _shown_text(phone)
        assert not STREAMLIT_WORDS.findall(text)
        button = phone.locator('[data-testid="stFileUploaderDropzone"] button')
        assert "फ़ाइलें चुनें" in button.evaluate("b => getComputedStyle(b, '::after').content")
    finally:
        _shot(phone, "phone_data_hi.png")
    assert _exceptions(phone) == []
