"""The weekly brief's directive section: one line ("Directive reach: 66.7% within 24 h, median
2.0 h; behind: …"), a note on what was counted, and a bar per unit, the furthest behind first.
Bars and words are HTML (see brief_charts: WeasyPrint shapes Devanagari only there). Pure."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

import polars as pl

from sampark.clock import IST
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.reports.brief_charts import Bar, bar_chart
from sampark.spread.units import DirectiveBrief
from sampark.tables.league_reach import median_text
from sampark.tables.names import name_in

BARS_SHOWN = 12


def ist_of_utc(at: datetime) -> datetime:
    """A naive UTC time as naive IST, the form of directive issue times.

    >>> ist_of_utc(datetime(2024, 1, 10, 6, 30))
    datetime.datetime(2024, 1, 10, 12, 0)
    """
    return at.replace(tzinfo=UTC).astimezone(IST).replace(tzinfo=None)


def _name(row: dict[str, object], lang: str) -> str:
    english, hindi = row.get("name"), row.get("name_hi")
    fallback = str(row["unit_id"])
    return name_in(lang, str(english) if english else fallback, str(hindi) if hindi else None)


def _share(value: object, lang: str) -> str:
    return percent(value if isinstance(value, float) else None, lang)


def directive_line(brief: DirectiveBrief, lang: str) -> str:
    """The sentence the brief opens its directive section with."""
    if not brief.known:
        return t("brief_directive_no_figures", lang)
    if brief.scope is None:
        return t(
            "brief_directive_none",
            lang,
            start=long_date(brief.window.start.date(), lang),
            end=long_date(brief.window.end.date(), lang),
        )
    behind = [
        t("brief_behind_unit", lang, name=_name(r, lang), share=_share(r["share_within"], lang))
        for r in brief.behind.iter_rows(named=True)
    ]
    return t(
        "brief_directive_line",
        lang,
        share=_share(brief.scope["share_within"], lang),
        median=median_text(brief.scope, lang),
        behind=", ".join(behind) if behind else t("brief_behind_none", lang),
    )


def _note(brief: DirectiveBrief, lang: str) -> str:
    scope = brief.scope or {}

    def n(key: str) -> str:
        value = scope.get(key)
        return number(value if isinstance(value, int) else 0, lang)

    return t(
        "brief_directive_note",
        lang,
        n=n("directives"),
        start=long_date(brief.window.start.date(), lang),
        end=long_date(brief.window.end.date(), lang),
        due=n("due"),
        never=n("never"),
    )


def directive_bars(units: pl.DataFrame, scope_share: float, lang: str) -> list[Bar]:
    """A bar per unit, its length the share within 24 h; red when below the scope's share."""
    return [
        Bar(
            label=_name(r, lang),
            length=r["share_within"] or 0.0,
            text=t(
                "brief_directive_bar",
                lang,
                share=_share(r["share_within"], lang),
                within=number(r["within"], lang),
                due=number(r["due"], lang),
                median=median_text(r, lang),
            ),
            limit=scope_share,
            over=(r["share_within"] or 0.0) < scope_share,
        )
        for r in units.head(BARS_SHOWN).iter_rows(named=True)
    ]


def directive_section(brief: DirectiveBrief, lang: str) -> str:
    """The section as HTML: title, line, and (when directives were due) the note and bars."""
    parts = [
        f"<h2>{escape(t('brief_directive_title', lang))}</h2>",
        f"<p><b>{escape(directive_line(brief, lang))}</b></p>",
    ]
    if brief.scope is not None:
        share = brief.scope["share_within"]
        scope_share = share if isinstance(share, float) else 0.0
        parts.append(f'<p class="note">{escape(_note(brief, lang))}</p>')
        parts.append(bar_chart(directive_bars(brief.units, scope_share, lang)))
    return "".join(parts)
