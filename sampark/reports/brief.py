"""The DGP's weekly brief: the state's figures against the order's targets, the weekly series
and where its pace leads, the units furthest behind and what needs action."""

from __future__ import annotations

from html import escape

import polars as pl
import sqlalchemy as sa

from sampark.access import STATE
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.history import Projection
from sampark.metrics.coverage.overview import Overview, coverage_overview
from sampark.metrics.coverage.totals import share
from sampark.queries.network import membership_history, network
from sampark.reports.pdf import frame_table, html_page, html_table, pdf_bytes
from sampark.tables.coverage import actions_table, behind_table, signed
from sampark.tables.names import name_in
from sampark.targets import Profile


def projection_text(p: Projection, lang: str) -> str:
    """'At this pace 200,000 on 14 Aug 2027 …' or 'Not at this pace …'."""
    target = number(p.target, lang)
    due = long_date(p.target_date, lang)
    if p.current >= p.target:
        return t("projection_reached", lang, target=target)
    if p.reach_on is not None and p.reach_on <= p.target_date:
        return t("projection_on", lang, target=target, date=long_date(p.reach_on, lang), due=due)
    return t(
        "projection_not",
        lang,
        pace=number(round(p.pace_per_week), lang),
        target=target,
        due=due,
        need=number(round(p.needed_per_week), lang),
    )


def _svg_series(series: pl.DataFrame, target: int, lang: str) -> str:
    """A small line chart of the weekly series with the target line, as inline SVG."""
    values = series.get_column("members").to_list()
    if not values:
        return ""
    width, height, pad = 640, 200, 36
    top = float(max(max(values), target)) * 1.08
    step = (width - 2 * pad) / max(1, len(values) - 1)

    def y(v: float) -> float:
        return height - pad - (height - 2 * pad) * v / top

    points = " ".join(f"{pad + i * step:.1f},{y(v):.1f}" for i, v in enumerate(values))
    days = series.get_column("week_end").to_list()
    label = escape(f"{t('legend_target', lang)} {number(target, lang)}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="font-family: Noto Sans, Noto Sans Devanagari">'
        f'<line x1="{pad}" y1="{y(target):.1f}" x2="{width - pad}" y2="{y(target):.1f}" '
        f'stroke="#c0392b" stroke-width="2"/>'
        f'<text x="{width - pad}" y="{y(target) - 4:.1f}" font-size="11" text-anchor="end" '
        f'fill="#c0392b">{label}</text>'
        f'<polyline points="{points}" fill="none" stroke="#1f6fb2" stroke-width="2.5"/>'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        f'stroke="#888"/>'
        f'<text x="{pad}" y="{height - pad + 14}" font-size="10">'
        f"{escape(long_date(days[0], lang))}</text>"
        f'<text x="{width - pad}" y="{height - pad + 14}" font-size="10" text-anchor="end">'
        f"{escape(long_date(days[-1], lang))}</text>"
        f'<text x="{width - pad}" y="{y(values[-1]) + 16:.1f}" font-size="10" '
        f'text-anchor="end" fill="#1f6fb2">'
        f"{escape(t('legend_members', lang))}: {escape(number(values[-1], lang))}</text>"
        "</svg>"
    )


def _figures(ov: Overview, lang: str) -> list[list[str]]:
    s, w = ov.summary, ov.last_week
    rows: list[list[str]] = [
        [
            t("kpi_members", lang),
            number(s["members"], lang),
            t(
                "of",
                lang,
                part=percent(share(s["members"], ov.member_target), lang),
                whole=number(ov.member_target, lang),
            ),
            signed(s["members"] - w["members"], lang),
        ]
    ]
    for key, part, whole in (
        ("kpi_groups", "groups_present", "groups_required"),
        ("kpi_compliant", "groups_compliant", "groups_required"),
        ("kpi_staff", "staff_connected", "staff"),
    ):
        rows.append(
            [
                t(key, lang),
                percent(share(s[part], s[whole]), lang),
                t("of", lang, part=number(s[part], lang), whole=number(s[whole], lang)),
                signed(s[part] - w[part], lang),
            ]
        )
    for key, col in (
        ("kpi_needed", "members_needed"),
        ("kpi_officers", "groups_short_officers"),
        ("kpi_blocklisted", "blocklisted_in_public"),
    ):
        rows.append([t(key, lang), number(s[col], lang), "", signed(s[col] - w[col], lang)])
    return rows


def brief_html(
    ov: Overview,
    *,
    scope_name: str,
    profile_name: str,
    behind: pl.DataFrame,
    actions: pl.DataFrame,
    lang: str,
) -> str:
    """The brief as HTML; `behind` and `actions` are the display tables the Overview shows."""
    title = t("brief_title", lang)
    body = [
        f"<h1>{escape(title)}</h1>",
        '<p class="sub">'
        + escape(
            t(
                "brief_subtitle",
                lang,
                scope=scope_name,
                date=long_date(ov.as_of, lang),
                profile=profile_name,
            )
        )
        + "</p>",
        f"<h2>{escape(t('brief_figures', lang))}</h2>",
        html_table(
            [t("sheet_measure", lang), t("sheet_actual", lang), "", t("sheet_change", lang)],
            _figures(ov, lang),
            {1, 3},
        ),
        f"<h2>{escape(t('chart_weekly_title', lang))}</h2>",
        _svg_series(ov.weekly, ov.member_target, lang),
        f"<p>{escape(projection_text(ov.projection, lang))}</p>",
    ]
    for heading, frame in (
        (
            t("behind_title", lang, n=behind.height, level=t(f"level_{ov.child_level}", lang)),
            behind,
        ),
        (t("actions_title", lang, n=actions.height), actions.head(25)),
    ):
        if frame.is_empty():
            continue
        body.append(f"<h2>{escape(heading)}</h2>")
        body.append(frame_table(frame, set()))
    body.append(f'<p class="foot">{escape(t("brief_footer", lang))}</p>')
    return html_page(title, "".join(body), lang)


def weekly_brief(engine: sa.Engine, profile: Profile, lang: str) -> bytes:
    """The state's weekly brief as PDF, read from the database (for `report brief`)."""
    with engine.connect() as conn:
        net = network(conn, STATE)
        history = membership_history(conn, STATE)
    ov = coverage_overview(net, history, profile, None)
    name = name_in(lang, profile.name, profile.name_hi)
    return pdf_bytes(
        brief_html(
            ov,
            scope_name=name,
            profile_name=name,
            behind=behind_table(ov, lang),
            actions=actions_table(ov.actions, net, lang),
            lang=lang,
        )
    )
