"""The Overview's "Weekly brief (PDF)" clicked in a real browser, for the DGP and a range IG, in
English and Hindi: a PDF arrives, its text reads right, and the click wrote exactly one export
row to the audit log. Each brief's first page is kept as test-artifacts/brief_<role>_<lang>.pdf
and a screenshot of the Overview as brief_overview_<role>_<lang>.png, to look at."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest
import sqlalchemy as sa

from tests.browser.test_coverage_browser import _language
from tests.browser.test_dashboard_browser import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    PAGE_S,
    Server,
    _exceptions,
    _open_app,
    _shot,
    _wait_idle,
    page,
    server,
)
from tests.conftest import FROZEN_NOW

pytestmark = pytest.mark.browser

# The demo is built for the day the (frozen) clock reads, and the brief is dated by its data.
DEMO_DAY = FROZEN_NOW[:10]

ROLES = {"dgp": "DGP / PHQ", "ig": "Range IG"}
BUTTON = {"en": "Weekly brief (PDF)", "hi": "साप्ताहिक ब्रीफ़ (PDF)"}
WORDS = {
    "en": ("Members against the target", "Target:", "Week ending", "What needs action"),
    "hi": ("लक्ष्य", "सप्ताह", "सदस्य", "समय-सीमा"),
}


def _exports(srv: Server, target: str) -> int:
    # The server's database sits beside its log (see the `server` fixture).
    url = f"sqlite:///{srv.log.parent / 'b.db'}"
    with sa.create_engine(url, poolclass=sa.pool.NullPool).connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target = :t"),
                {"t": target},
            ).scalar_one()
        )


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("role", list(ROLES))
def test_clicking_the_weekly_brief_downloads_a_pdf_audited_once(
    server: Server,  # noqa: F811  (the shared fixtures, by name)
    page: Any,  # noqa: F811
    role: str,
    lang: str,
) -> None:
    _open_app(page, server, ROLES[role])
    _language(page, lang)
    # The button's accessible name starts with its icon's ligature text (picture_as_pdf).
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text=BUTTON[lang])
    button.scroll_into_view_if_needed(timeout=PAGE_S * 1000)
    _shot(page, f"brief_overview_{role}_{lang}.png")
    before = _exports(server, f"sampark_brief_{DEMO_DAY}_{lang}.pdf")
    with page.expect_download(timeout=PAGE_S * 1000) as info:
        button.click()
    download = info.value
    name = download.suggested_filename
    assert name.startswith("sampark_brief_") and name.endswith(f"_{lang}.pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    kept = ARTIFACTS / f"brief_{role}_{lang}.pdf"
    download.save_as(str(kept))
    assert kept.read_bytes().startswith(b"%PDF-")
    assert not _exceptions(page), server.log_tail()
    assert "Traceback" not in server.log_tail(20000)
    _wait_idle(page)
    # One click, one file, one row: the row is written before the bytes are handed over.
    assert name == f"sampark_brief_{DEMO_DAY}_{lang}.pdf"
    assert _exports(server, name) == before + 1
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian: poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(kept), "-"], capture_output=True, check=True, text=True
    ).stdout
    for word in WORDS[lang]:
        assert word in text, word
    assert "\u25cc" not in text
