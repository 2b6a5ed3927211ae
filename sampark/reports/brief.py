"""The DGP's weekly brief: the state's figures against the order's targets, the weekly series
and where its pace leads, the units furthest behind and what needs action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

import polars as pl
import sqlalchemy as sa

from sampark.access import STATE
from sampark.clock import now_utc
from sampark.content.queue import status_counts, story_queue
from sampark.content.waiting import waiting_by_step, waiting_label, waiting_stories
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.history import Projection
from sampark.metrics.coverage.overview import Overview, coverage_overview
from sampark.metrics.coverage.totals import share
from sampark.metrics.response.alerts import alert_funnel
from sampark.metrics.response.snapshot import response_summary
from sampark.metrics.response.summary import ResponseSummary, scope_key
from sampark.queries.directive_reach import stored_deliveries
from sampark.queries.network import membership_history, network
from sampark.queries.registers import alerts_frame, register_entries_frame
from sampark.queries.stories import all_stories, story_history
from sampark.reports.brief_charts import CHART_CSS, Bar, bar_chart, progress_chart
from sampark.reports.brief_directives import directive_section, ist_of_utc
from sampark.reports.pdf import frame_table, html_page, html_table, pdf_bytes
from sampark.spread.units import DirectiveBrief, directive_brief
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


@dataclass(frozen=True)
class BriefParts:
    """The brief's pages beyond coverage, each None when the reader may not see it.

    `response`: the scope's register figures per stage (response_by_level's columns);
    `funnel`: alert_funnel rows (None for a role that does not act on alerts: only the
    SCRB helpdesk, SP and SHO see them); `stories`: status_counts of the scope's stories;
    `waiting`: waiting_by_step of the scope's stories waiting more than a day;
    `directives`: directive reach in the scope and its units (`brief_directives`)."""

    response: pl.DataFrame | None = None
    funnel: pl.DataFrame | None = None
    stories: dict[str, int] | None = None
    waiting: pl.DataFrame | None = None
    directives: DirectiveBrief | None = None


def scope_response(
    summary: ResponseSummary, units: pl.DataFrame, scope_id: str | None
) -> pl.DataFrame:
    """The scope's own register figures per stage, as the Response page's tiles show them."""
    return summary.by_unit.filter(pl.col("unit_id").eq_missing(scope_key(units, scope_id)))


def _hours(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    # Under ten hours a tenth tells a 1.4 h median from a 2 h limit.
    shown = f"{value:.1f}" if value < 10 else number(round(value), lang)
    return t("resp_hours_value", lang, h=shown)


def response_bars(rows: pl.DataFrame, lang: str) -> list[Bar]:
    """A bar per stage: the median on a scale to the larger of the 90th percentile and the
    limit, the limit marked; red when the median is past the limit."""
    bars = []
    for row in rows.iter_rows(named=True):
        median, p90, limit = row["median_h"], row["p90_h"], row["sla_h"]
        scale = max(v for v in (median, p90, limit, 1.0) if v is not None) * 1.05
        bars.append(
            Bar(
                label=t(f"resp_stage_{row['stage']}", lang),
                length=(median or 0.0) / scale,
                text=t(
                    "brief_response_row",
                    lang,
                    median=_hours(median, lang),
                    p90=_hours(p90, lang),
                    limit=_hours(limit, lang),
                    share=percent(row["within_sla"], lang),
                    n=number(row["cases"], lang),
                ),
                limit=None if limit is None else limit / scale,
                over=median is not None and limit is not None and median > limit,
            )
        )
    return bars


def funnel_bars(funnel: pl.DataFrame, lang: str) -> list[Bar]:
    """A bar per funnel stage, its length the share of alerts received that reached it."""
    return [
        Bar(
            label=t(f"resp_funnel_{row['stage']}", lang),
            length=row["share"] or 0.0,
            text=t(
                "brief_alerts_row",
                lang,
                n=number(row["alerts"], lang),
                share=percent(row["share"], lang),
            ),
        )
        for row in funnel.iter_rows(named=True)
    ]


def action_bars(actions: pl.DataFrame, lang: str) -> list[Bar]:
    """Needs-action items counted by kind, most first."""
    counts = actions.group_by("kind").len().sort(["len", "kind"], descending=[True, False])
    most = max([1, *counts.get_column("len").to_list()])
    return [
        Bar(label=t(f"action_{kind}", lang), length=n / most, text=number(n, lang))
        for kind, n in counts.iter_rows()
    ]


def story_bars(counts: dict[str, int], lang: str) -> list[Bar]:
    """Stories per step of the workflow."""
    most = max(1, *(counts[s] for s in STORY_STEPS))
    return [
        Bar(label=t(f"status_{s}", lang), length=counts[s] / most, text=number(counts[s], lang))
        for s in STORY_STEPS
    ]


STORY_STEPS = ("submitted", "vetted", "approved", "posted", "rejected")


def waiting_rows(by_step: pl.DataFrame, lang: str) -> list[list[str]]:
    """The brief's waiting table: the step that must act, how many wait there, the oldest wait
    in days and hours ("—" when none wait)."""
    return [
        [
            t(f"next_{action}", lang),
            number(n, lang),
            "—" if oldest is None else waiting_label(oldest, lang),
        ]
        for action, n, oldest in by_step.select(
            "next_action", "stories", "oldest_hours"
        ).iter_rows()
    ]


def _waiting_section(by_step: pl.DataFrame, lang: str) -> str:
    total = int(by_step.get_column("stories").sum())
    if not total:
        return _section(t("brief_waiting_title", lang), _note(t("brief_waiting_none", lang)))
    return _section(
        t("brief_waiting_title", lang),
        _note(
            t("brief_waiting_note_one", lang)
            if total == 1
            else t("brief_waiting_note", lang, n=number(total, lang))
        )
        + html_table(
            [
                t("brief_waiting_step", lang),
                t("brief_waiting_count", lang),
                t("brief_waiting_oldest", lang),
            ],
            waiting_rows(by_step, lang),
            {1, 2},
        ),
    )


def _section(title: str, *parts: str) -> str:
    return f"<h2>{escape(title)}</h2>" + "".join(parts)


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def brief_html(
    ov: Overview,
    *,
    scope_name: str,
    profile_name: str,
    behind: pl.DataFrame,
    actions: pl.DataFrame,
    lang: str,
    parts: BriefParts | None = None,
    raw_actions: pl.DataFrame | None = None,
) -> str:
    """The brief as HTML; `behind` and `actions` are the display tables the Overview shows,
    `raw_actions` the needs-action rows they come from (counted by kind), `parts` the
    response, alerts and stories figures the reader may see."""
    parts = parts or BriefParts()
    title = t("brief_title", lang)
    body = _opening(ov, title, scope_name, profile_name, lang)
    if not behind.is_empty():
        body.append(
            _section(
                t("behind_title", lang, n=behind.height, level=t(f"level_{ov.child_level}", lang)),
                frame_table(behind, {1, 2, 3}),
            )
        )
    if not actions.is_empty():
        body += _actions_section(actions, raw_actions, lang)
    if parts.response is not None:
        body.append(_response_section(parts.response, lang))
    if parts.funnel is not None:
        body.append(_alerts_section(parts.funnel, lang))
    if parts.stories is not None:
        body.append(_stories_section(parts.stories, lang))
    if parts.waiting is not None:
        body.append(_waiting_section(parts.waiting, lang))
    if parts.directives is not None:
        body.append(directive_section(parts.directives, lang))
    body.append(f'<p class="foot">{escape(t("brief_footer", lang))}</p>')
    return html_page(title, "".join(body), lang, CHART_CSS)


def _opening(ov: Overview, title: str, scope_name: str, profile_name: str, lang: str) -> list[str]:
    """The brief's title, whose figures they are, the figures table and the status chart."""
    return [
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
        _section(
            t("brief_status_title", lang),
            progress_chart(
                ov.weekly, ov.member_target, ov.projection.target_date, ov.projection, lang
            ),
            f"<p><b>{escape(projection_text(ov.projection, lang))}</b></p>",
        ),
    ]


def _actions_section(
    actions: pl.DataFrame, raw_actions: pl.DataFrame | None, lang: str
) -> list[str]:
    """The needs-action items: counted by kind (from the raw rows), then the first few."""
    shown = actions.head(ACTIONS_SHOWN)
    body = [f"<h2>{escape(t('actions_title', lang, n=actions.height))}</h2>"]
    if raw_actions is not None and not raw_actions.is_empty():
        body.append(f"<h3>{escape(t('brief_actions_by_kind', lang))}</h3>")
        body.append(bar_chart(action_bars(raw_actions, lang)))
    body.append(f"<h3>{escape(t('brief_actions_top', lang, n=shown.height))}</h3>")
    body.append(frame_table(shown, set()))
    return body


def _response_section(response: pl.DataFrame, lang: str) -> str:
    """The register's stages as bars, for the stages that hold cases."""
    rows = response.filter(pl.col("cases") > 0)
    return _section(
        t("brief_response_title", lang),
        _note(t("brief_response_note", lang)) + bar_chart(response_bars(rows, lang))
        if rows.height
        else _note(t("brief_response_none", lang)),
    )


def _alerts_section(funnel: pl.DataFrame, lang: str) -> str:
    """The alert funnel as bars, or a note when no alert came in."""
    received = int(funnel.get_column("alerts")[0]) if funnel.height else 0
    return _section(
        t("brief_alerts_title", lang),
        bar_chart(funnel_bars(funnel, lang)) if received else _note(t("brief_alerts_none", lang)),
    )


def _stories_section(counts: dict[str, int], lang: str) -> str:
    """The stories posted of all, with those ready and blocked, and their statuses as bars."""
    if not counts["total"]:
        return _section(t("brief_stories_title", lang), _note(t("brief_stories_none", lang)))
    posted = t(
        "brief_stories_posted",
        lang,
        posted=number(counts["posted"], lang),
        total=number(counts["total"], lang),
        ready=number(counts["approved"], lang),
        blocked=number(counts["blocked"], lang),
    )
    return _section(
        t("brief_stories_title", lang), _note(posted) + bar_chart(story_bars(counts, lang))
    )


ACTIONS_SHOWN = 15


def weekly_brief(
    engine: sa.Engine, profile: Profile, lang: str, *, now: datetime | None = None
) -> bytes:
    """The state's weekly brief as PDF, read from the database (for `report brief`): an
    operator on the server holds the whole database, so every part is in it. `now` (naive
    UTC, from the clock unless given) is when stories' waits are measured."""
    with engine.connect() as conn:
        net = network(conn, STATE)
        history = membership_history(conn, STATE)
        entries = register_entries_frame(conn, STATE)
        alerts = alerts_frame(conn, STATE)
        stories = all_stories(conn, STATE)
        steps = story_history(conn, STATE)
        deliveries = stored_deliveries(conn)
    ov = coverage_overview(net, history, profile, None)
    at = now or now_utc()
    queue = story_queue(stories, net.units)
    name = name_in(lang, profile.name, profile.name_hi)
    parts = BriefParts(
        response=scope_response(response_summary(entries, net.units, profile), net.units, None),
        funnel=alert_funnel(alerts, profile),
        stories=status_counts(queue),
        waiting=waiting_by_step(waiting_stories(queue, steps, at)),
        directives=directive_brief(deliveries, net.units, None, ov.child_level, ist_of_utc(at)),
    )
    return pdf_bytes(
        brief_html(
            ov,
            scope_name=name,
            profile_name=name,
            behind=behind_table(ov, lang),
            actions=actions_table(ov.actions, net, lang),
            lang=lang,
            parts=parts,
            raw_actions=ov.actions,
        )
    )
