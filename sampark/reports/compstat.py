"""The one-district CompStat sheet the IG prints: targets, now, last week, change; then the
district's open items."""

from __future__ import annotations

from html import escape

import polars as pl

from sampark.i18n import t
from sampark.reports.pdf import frame_table, html_page


def sheet_html(heading: str, measures: pl.DataFrame, open_items: pl.DataFrame, lang: str) -> str:
    """A one-district CompStat sheet: targets, actuals, last week, change; then open items."""
    title = t("sheet_title", lang)
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(heading)}</p>',
        frame_table(measures, {1, 2, 3, 4}),
    ]
    if not open_items.is_empty():
        body.append(f"<h2>{escape(t('sheet_open_items', lang))} ({open_items.height})</h2>")
        body.append(frame_table(open_items, set()))
    body.append(f'<p class="foot">{escape(t("brief_footer", lang))}</p>')
    return html_page(title, "".join(body), lang)
