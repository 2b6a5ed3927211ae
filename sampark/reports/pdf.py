"""Reports as PDF (WeasyPrint): HTML set in Noto Sans / Noto Sans Devanagari (Debian's
fonts-noto-core), which Pango shapes, so matras and conjuncts come out right. Figures in, bytes
out; the HTML escapes every value."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import polars as pl

_CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "Noto Sans Devanagari", sans-serif; font-size: 10pt;
       color: #222; }
h1 { font-size: 16pt; margin: 0 0 2mm; color: #1f4e79; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; color: #1f4e79; }
p.sub { color: #555; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 0.4pt solid #bbb; padding: 1.2mm 1.5mm; text-align: left; }
td.n, th.n { text-align: right; }
th { background: #eef3f8; }
p.foot { color: #777; font-size: 8pt; margin-top: 8mm; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; color: #333; }
p.note { color: #444; margin: 1mm 0 2mm; }
h2, h3 { page-break-after: avoid; }
tr { page-break-inside: avoid; }
"""


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    head = "".join(
        f'<th class="{"n" if i in numeric else ""}">{escape(h)}</th>' for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"n" if i in numeric else ""}">{escape(str(c))}</td>'
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def frame_table(frame: pl.DataFrame, numeric: set[int]) -> str:
    """A display table as an HTML table, the columns at `numeric` right-aligned."""
    return html_table(frame.columns, [[str(c) for c in r] for r in frame.iter_rows()], numeric)


def html_page(title: str, body: str, lang: str, css: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}{css}</style></head>"
        f"<body>{body}</body></html>"
    )


# The fonts Debian's fonts-noto-core installs: without the Devanagari one Pango falls back to
# whatever it finds, and Hindi comes out in boxes.
FONT_FILES = (
    Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"),
)


def pdf_unavailable(font_files: Sequence[Path] = FONT_FILES) -> str | None:
    """Why this machine cannot make a PDF (WeasyPrint or the Pango it loads missing, or the
    Noto fonts), in a sentence naming what to install; None when it can."""
    try:
        import weasyprint  # noqa: F401  (loading it loads Pango)
    except (ImportError, OSError) as exc:
        return (
            f"WeasyPrint could not load ({type(exc).__name__}); on Debian install "
            "libpango-1.0-0 and libpangoft2-1.0-0."
        )
    missing = [f.name for f in font_files if not f.is_file()]
    if missing:
        return f"the fonts {', '.join(missing)} are missing; on Debian install fonts-noto-core."
    return None


def pdf_bytes(html: str) -> bytes:
    """The HTML rendered to PDF."""
    from weasyprint import HTML  # imported here: it takes a second, and only PDFs need it

    return bytes(HTML(string=html).write_pdf())
