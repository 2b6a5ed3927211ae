"""The Overview's weekly brief for the DGP and an IG, in English and Hindi: the button is there,
the file it makes is a PDF whose text reads right, and each file made writes one audit row.

Streamlit makes a deferred download on a server thread with no script run context, as the
browser asks for it; `fetch_without_click` asks the same way, so a PDF made here would be made
there too."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD, demo_db
from tests.download_helpers import RecordingManager, fetch_without_click, recorded_managers


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture
def media_files(monkeypatch: pytest.MonkeyPatch) -> list[RecordingManager]:
    return recorded_managers(monkeypatch)


def _exports(url: str, target: str) -> int:
    with sa.create_engine(url, poolclass=sa.pool.NullPool).connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target = :t"),
                {"t": target},
            ).scalar_one()
        )


def _pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text as poppler's pdftotext reads it (what a reader copying from it gets)."""
    if shutil.which("pdftotext") is None:
        pytest.skip(
            "pdftotext (Debian: poppler-utils) is not installed; scripts/test.sh installs it"
        )
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _brief(url, monkeypatch, tmp_path, media_files, role, unit, lang) -> tuple[str, bytes]:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=180), role, unit)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    label = "Weekly brief (PDF)" if lang == "en" else "साप्ताहिक ब्रीफ़ (PDF)"
    assert label in [b.proto.label for b in at.get("download_button")]
    made = [(n, b) for n, b in fetch_without_click(media_files[-1]) if n.endswith(".pdf")]
    assert len(made) == 1
    return made[0]


@pytest.mark.parametrize(("role", "unit"), [("dgp", None), ("ig", "BR-R-CEN")])
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_the_brief_downloads_as_a_pdf_with_one_audit_row_per_file_made(
    url, monkeypatch, tmp_path, media_files, role, unit, lang
):
    # The demo is built for the session's frozen day (20 Nov 2026), the brief's data day.
    before = _exports(url, f"sampark_brief_2026-11-20_{lang}.pdf")
    name, pdf = _brief(url, monkeypatch, tmp_path, media_files, role, unit, lang)
    assert name == f"sampark_brief_2026-11-20_{lang}.pdf"
    assert pdf.startswith(b"%PDF-")
    assert _exports(url, name) == before + 1


def test_the_hindi_brief_reads_as_whole_hindi_words(url, monkeypatch, tmp_path, media_files):
    _name, pdf = _brief(url, monkeypatch, tmp_path, media_files, "dgp", None, "hi")
    text = _pdf_text(pdf, tmp_path)
    # Conjuncts (क्ष्य, प्त, स्य) read back whole: Pango shaped them. (pdftotext maps a glyph
    # back to the first cluster WeasyPrint drew it in, so a consonant first seen with a matra,
    # as ब in बिहार, reads back with that matra elsewhere: words such as नवंबर are checked in
    # WeasyPrint's laid-out text instead, in tests/reports/test_brief_charts.py.)
    for word in ("लक्ष्य", "सप्ताह", "सदस्य", "2,00,000", "समय-सीमा", "पटना"):
        assert word in text, word
    assert "\u25cc" not in text  # the dotted circle Pango draws for a mark it could not attach
    assert "Members" not in text and "Target" not in text


def test_the_english_brief_has_every_monday_section(url, monkeypatch, tmp_path, media_files):
    _name, pdf = _brief(url, monkeypatch, tmp_path, media_files, "dgp", None, "en")
    text = _pdf_text(pdf, tmp_path)
    for heading in (
        "Members against the target",
        "Target: 200,000",
        "Week ending",
        "furthest behind",
        "What needs action, by kind",
        "Register response times against the limits",
        "Stories for social media",
    ):
        assert heading in text, heading
    # The DGP does not act on self-harm alerts: the brief leaves their funnel out.
    assert "Self-harm alerts" not in text


def test_an_sp_brief_carries_the_alerts_funnel_of_the_district(
    url, monkeypatch, tmp_path, media_files
):
    _name, pdf = _brief(url, monkeypatch, tmp_path, media_files, "sp", "BR-PAT", "en")
    text = _pdf_text(pdf, tmp_path)
    assert "Self-harm alerts: from receipt to the person reached" in text
    assert "Sent to the thana" in text


def test_a_server_without_pango_says_so_and_keeps_the_page(url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(
        "sampark.reports.pdf.pdf_unavailable", lambda: "the fonts X.ttf are missing."
    )
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=180), "dgp").run()
    assert not at.exception
    assert "Weekly brief (PDF)" not in [b.proto.label for b in at.get("download_button")]
    (said,) = [i.value for i in at.info if "cannot be made" in i.value]
    assert "the fonts X.ttf are missing." in said
    assert at.metric  # the rest of the page is drawn
