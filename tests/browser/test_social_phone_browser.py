"""The Social media cell page on a 390×844 phone, with a story the guard blocks and a story
that has waited two days: nothing wider than the screen, the blocked story's findings and
withheld drafts readable, the waiting list with its ages, in English and Hindi.

Runs only with SAMPARK_BROWSER=1. Screenshots: test-artifacts/phone_social_stories_{lang}.png."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from sampark.content.intake import Submission
from sampark.content.workflow import next_step
from sampark.store.stories import record_step, submit_story
from tests.browser.dashboard_process import chromium_context, running_dashboard
from tests.browser.test_dashboard_browser import (
    PAGE_S,
    Server,
    _exceptions,
    _shot,
    _sign_in,
    _wait_idle,
)
from tests.browser.test_phone_browser import PHONE, _hindi, _overflow, _sidebar_open
from tests.social_setup import units_engine

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "synthetic-pass-2026"
# The server's clock: 12:00 IST on 22 Nov 2026, two days after the stories came in.
NOW = "2026-11-22T12:00:00+05:30"
SUBMITTED = datetime(2026, 11, 20, 4, 0)  # UTC: 09:30 IST on 20 Nov
BLOCKED = Submission(
    unit_id="BR-MOT-T001",
    category="arrest",
    story_date=date(2026, 11, 19),
    submitted_by="SI Ravi Ranjan",
    title_hi="पॉक्सो मामले में आरोपी गिरफ्तार",
    body_hi="रामपुर गांव निवासी रामू की बेटी से छेड़खानी के आरोपी को पुलिस ने गिरफ्तार किया।",
)
WAITING = Submission(
    unit_id="BR-MOT-T001",
    category="recovery",
    story_date=date(2026, 11, 20),
    submitted_by="SI Ravi Ranjan",
    title="Three stolen motorcycles recovered",
    body="Two accused arrested in vehicle checking; three stolen motorcycles recovered.",
)


def _stories(url: str) -> None:
    engine = units_engine(url)
    with engine.begin() as conn:
        blocked = submit_story(conn, BLOCKED, [], SUBMITTED)
        waiting = submit_story(conn, WAITING, [], SUBMITTED)
        vet = next_step(waiting, "submitted", "vet", actor="SP", at=SUBMITTED, findings=[])
        record_step(conn, vet)
    engine.dispose()
    assert (blocked, waiting) == (1, 2)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("social_phone_browser")
    url = f"sqlite:///{tmp}/s.db"
    _stories(url)
    add = ["users", "add", "hq.cell", "--role", "social", "--name", "PHQ cell"]
    subprocess.run(
        [sys.executable, "-m", "sampark", *add, "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
        text=True,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SAMPARK_DATA_DIR": str(tmp),
        "SAMPARK_NOW": NOW,
        "PYTHONUNBUFFERED": "1",
    }
    with running_dashboard(tmp, env) as srv:
        yield srv


@pytest.fixture(scope="module")
def phone(server: Server) -> Iterator[Any]:
    with chromium_context(viewport=PHONE, locale="en-IN", has_touch=True) as context:
        yield context.new_page()


def _pick(page: Any, chooser: str, label: str) -> None:
    """Open the story `label` in the chooser. A tap on a phone sometimes lands while the page
    still settles and the list closes again, so the tap is repeated until the option shows."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=chooser)
    option = page.get_by_role("option", name=label, exact=True)
    for _ in range(5):
        box.locator('[role="combobox"]').first.click()
        try:
            option.wait_for(state="visible", timeout=3000)
            break
        except Exception:  # playwright's TimeoutError: tap again
            page.wait_for_timeout(500)
    option.click()


# What each language shows: the page's title, the story chooser, the blocked story's label,
# the withheld drafts and the waiting list's title.
SHOWN = {
    "en": (
        "Social media cell: ready to post",
        "Open a story",
        "1 · पॉक्सो मामले में आरोपी गिरफ्तार",
        "No drafts while the guard's block stands",
        "Stories waiting more than a day",
    ),
    "hi": (
        "सोशल मीडिया सेल",
        "कहानी खोलें",
        "1 · पॉक्सो मामले में आरोपी गिरफ्तार",
        "गार्ड की रोक रहते कोई ड्राफ्ट नहीं",
        "एक दिन से अधिक से रुकी कहानियाँ",
    ),
}


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_a_blocked_and_a_waiting_story_read_on_a_phone(server: Server, phone: Any, lang: str):
    title, chooser, label, withheld, waiting = SHOWN[lang]
    phone.context.clear_cookies()
    phone.goto(server.url, wait_until="domcontentloaded")
    _sign_in(phone, "hq.cell", PASSWORD)
    try:
        phone.get_by_text("Social media cell: ready to post").wait_for(timeout=PAGE_S * 1000)
        _wait_idle(phone)
        if lang == "hi":
            _hindi(phone)
            phone.get_by_text(title).first.wait_for(timeout=PAGE_S * 1000)
        if _sidebar_open(phone):  # a phone's sidebar lies over the page
            phone.locator('[data-testid="stSidebarCollapseButton"] button').click()
            phone.wait_for_timeout(600)
        _pick(phone, chooser, label)
        _wait_idle(phone)
        phone.get_by_text(withheld).first.wait_for(timeout=PAGE_S * 1000)
        heading = phone.get_by_text(waiting, exact=True).first
        heading.scroll_into_view_if_needed()
        _wait_idle(phone)
        shown = phone.locator('[data-testid="stMain"]').inner_text()
        overflow = _overflow(phone)
    finally:
        _shot(phone, f"phone_social_stories_{lang}.png")
    assert _exceptions(phone) == []
    assert overflow == 0
    assert heading.is_visible()
    # The waiting table is a canvas grid: its ages are read on the screenshot; the warning
    # above it counts the two stories that wait for the cell.
    assert ("2 stories wait" if lang == "en" else "2 कहानियाँ") in shown, shown[-600:]
