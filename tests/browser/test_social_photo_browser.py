"""The Hindi card with the story's photo, in a real browser: the approved story's first photo
(a synthetic picture drawn here) composed under the shaped Devanagari title.

Runs only with SAMPARK_BROWSER=1. Screenshots: test-artifacts/social_card_photo_hi.png (the
card as the browser shows it) and test-artifacts/social_photo_hi.png (the page).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from sampark.content.intake import Photo
from sampark.content.workflow import next_step
from sampark.store.stories import record_step, store_media, submit_story
from tests.browser.test_dashboard_browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_S,
    SERVER_START_S,
    Server,
    _exceptions,
    _free_port,
    _healthy,
    _shot,
    _sign_in,
    _stop,
    _wait_idle,
)
from tests.social_setup import STORIES, units_engine

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "synthetic-pass-2026"


def scene() -> bytes:
    """A drawn stand-in for a station's photo: sky, a wall, three motorcycles (no person)."""
    image = Image.new("RGB", (1200, 800), (120, 170, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 420, 1200, 800), fill=(150, 140, 120))
    draw.rectangle((60, 200, 1140, 430), fill=(200, 190, 170))
    for x in (150, 500, 850):
        draw.ellipse((x, 560, x + 110, 670), outline=(30, 30, 30), width=18)
        draw.ellipse((x + 190, 560, x + 300, 670), outline=(30, 30, 30), width=18)
        draw.polygon([(x + 60, 600), (x + 160, 520), (x + 250, 600)], fill=(180, 30, 30))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def _approved_with_photo(url: str, media: Path) -> None:
    engine = units_engine(url)
    names = store_media(media, [Photo("bikes.jpg", scene())])
    at = datetime(2026, 11, 22)
    with engine.begin() as conn:
        story_id = submit_story(conn, STORIES[0], names, datetime(2026, 11, 20, 10))
        for status, action in (("submitted", "vet"), ("vetted", "approve")):
            record_step(conn, next_step(story_id, status, action, actor="Cell", at=at, findings=[]))
    engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("social_photo_browser")
    url = f"sqlite:///{tmp}/s.db"
    _approved_with_photo(url, tmp / "media")
    add = ["users", "add", "hq.cell", "--role", "social", "--name", "PHQ cell"]
    subprocess.run(
        [sys.executable, "-m", "sampark", *add, "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
        text=True,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "SAMPARK_DATA_DIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    log = tmp / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true"]
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
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not come up:\n{srv.log_tail()}")
            time.sleep(0.3)
        yield srv
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install chromium (never `playwright install`)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="hi-IN")
            yield context.new_page()
        finally:
            browser.close()


def test_the_hindi_card_carries_the_storys_photo(server: Server, page: Any) -> None:
    page.goto(server.url, wait_until="domcontentloaded")
    _sign_in(page, "hq.cell", PASSWORD)
    try:
        # The cell's role has one page: it opens on it.
        page.get_by_text("Social media cell: ready to post").wait_for(timeout=PAGE_S * 1000)
        page.get_by_role("radiogroup", name="Language / भाषा").get_by_text(
            "हिन्दी", exact=True
        ).click()
        card = page.locator('[data-testid="stImage"] img[alt^="चित्र कार्ड: चोरी"]')
        card.wait_for(state="visible", timeout=PAGE_S * 1000)
        _wait_idle(page)
        ARTIFACTS.mkdir(exist_ok=True)
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(ARTIFACTS / "social_card_photo_hi.png"))
        size = card.evaluate("img => [img.naturalWidth, img.naturalHeight]")
        # Inside the photo's box on the card (84..996 × 520..856): the drawn wall.
        pixel = card.evaluate(
            """img => { const c = document.createElement('canvas');
                c.width = img.naturalWidth; c.height = img.naturalHeight;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                return Array.from(g.getImageData(540, 560, 1, 1).data.slice(0, 3)); }"""
        )
    finally:
        _shot(page, "social_photo_hi.png")
        errors = _exceptions(page)
    assert errors == [], f"exceptions on Social: {errors}\n{server.log_tail()}"
    assert size == [1080, 1080]
    # The wall's colour (200, 190, 170), give or take JPEG and scaling; not the card's navy.
    assert all(abs(a - b) <= 12 for a, b in zip(pixel, (200, 190, 170), strict=True)), pixel
