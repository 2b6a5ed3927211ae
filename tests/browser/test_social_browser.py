"""The Social media cell page in a real browser: a Hindi card drawn and shown, no exceptions.

Runs only with SAMPARK_BROWSER=1. The database holds a few units and stories submitted through
the app's writer (one approved, so it opens first). Screenshots: test-artifacts/social_hi.png
(the page) and test-artifacts/social_card_hi.png (the Hindi card as the browser shows it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from sampark.access import STATE
from sampark.content.workflow import next_step
from sampark.queries.stories import all_stories
from sampark.store.stories import record_step
from tests.browser.dashboard_process import chromium_context, running_dashboard
from tests.browser.test_dashboard_browser import (
    ARTIFACTS,
    PAGE_S,
    Server,
    _exceptions,
    _shot,
    _sign_in,
    _wait_idle,
)
from tests.social_setup import submit_all, units_engine

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "synthetic-pass-2026"


def _approve(url: str) -> None:
    engine = units_engine(url)
    story_id = submit_all(engine)[0]
    for action in ("vet", "approve"):
        with engine.begin() as conn:
            status = all_stories(conn, STATE).filter(story_id=story_id)["status"][0]
            step = next_step(
                story_id, status, action, actor="Cell", at=datetime(2026, 11, 22), findings=[]
            )
            record_step(conn, step)
    engine.dispose()


@pytest.fixture(scope="module")
def social_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("social_browser")
    url = f"sqlite:///{tmp}/s.db"
    _approve(url)
    add = ["users", "add", "hq.cell", "--role", "dgp", "--name", "PHQ watch"]
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


@pytest.fixture(scope="module")
def page(social_server: Server) -> Iterator[Any]:
    with chromium_context(viewport={"width": 1440, "height": 1000}, locale="hi-IN") as context:
        yield context.new_page()


def test_a_visitor_who_has_not_signed_in_sees_only_the_sign_in(
    social_server: Server, page: Any
) -> None:
    page.goto(social_server.url, wait_until="domcontentloaded")
    try:
        page.get_by_role("heading", name="Sampark — sign in").wait_for(timeout=PAGE_S * 1000)
        _wait_idle(page)
        nav = page.locator('[data-testid="stSidebarNavLink"]').count()
        data = page.locator('[data-testid="stDataFrame"], [data-testid="stMetricValue"]').count()
        body = page.locator('[data-testid="stMain"]').inner_text()
        _sign_in(page, "hq.cell", "wrong password!")
        page.get_by_text("Sign-in failed").wait_for(timeout=PAGE_S * 1000)
    finally:
        _shot(page, "sign_in.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on the sign-in: {errors}\n{social_server.log_tail()}"
    assert (nav, data) == (0, 0)
    # No unit, story or switcher: this database is not the demo.
    assert "Motihari" not in body and "मोतिहारी" not in body and "Enter the demo" not in body


def test_social_page_in_hindi_shows_the_hindi_card(social_server: Server, page: Any) -> None:
    page.goto(social_server.url, wait_until="domcontentloaded")
    _sign_in(page, "hq.cell", PASSWORD)
    try:
        link = page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Social media cell")
        link.first.wait_for(state="visible", timeout=PAGE_S * 1000)
        link.first.click()
        page.get_by_text("Social media cell: ready to post").wait_for(timeout=PAGE_S * 1000)
        page.get_by_role("radiogroup", name="Language / भाषा").get_by_text(
            "हिन्दी", exact=True
        ).click()
        page.get_by_text("सोशल मीडिया सेल: पोस्ट के लिए तैयार, कानूनी रूप से सुरक्षित").wait_for(
            timeout=PAGE_S * 1000
        )
        images = page.locator('[data-testid="stImage"] img')
        images.nth(1).wait_for(state="visible", timeout=PAGE_S * 1000)
        _wait_idle(page)
        ARTIFACTS.mkdir(exist_ok=True)
        card = images.nth(1)
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(ARTIFACTS / "social_card_hi.png"))
        alt = card.get_attribute("alt")
        size = card.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    finally:
        _shot(page, "social_hi.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Social: {errors}\n{social_server.log_tail()}"
    assert size == [1080, 1080]
    assert alt == "चित्र कार्ड: चोरी की तीन मोटरसाइकिल बरामद। बरामदगी, मोतिहारी, 20 नवंबर 2026।"


def test_blocked_story_shows_the_identifiers_highlighted(social_server: Server, page: Any) -> None:
    if "127.0.0.1" not in page.url:
        pytest.skip("runs after the card test, on the page it opened")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="कहानी खोलें").click()
    # The dropdown draws only the options in view; typing narrows it as a person would.
    page.keyboard.type("पॉक्सो")
    page.get_by_role("option").filter(has_text="पॉक्सो मामले में आरोपी गिरफ्तार").click()
    try:
        page.locator("mark").first.wait_for(state="visible", timeout=PAGE_S * 1000)
        _wait_idle(page)
        marked = page.locator("mark").all_inner_texts()
        page.locator("mark").first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "social_blocked_hi.png"))
    finally:
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Social: {errors}\n{social_server.log_tail()}"
    assert marked == ["रामपुर गांव", "रामू की बेटी"]
