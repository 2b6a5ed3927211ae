"""Coverage charts (Overview, Districts, Drill-down): members against targets, compliance by
unit, the weekly series and its pace, the unit → group tree."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from sampark.charts.style import BLUE, COMPLIANCE_SCALE, GREY, RED, layout, unit_names
from sampark.i18n import number, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.history import Projection
from sampark.safety.escaping import plain_all


def members_by_unit(frame: pl.DataFrame, level: str, lang: str) -> go.Figure:
    """Members per unit as bars, the members its required groups need as target marks."""
    names = unit_names(frame, lang)
    members = frame.get_column("members").to_list()
    needed = frame.get_column("member_floor").to_list()
    fig = go.Figure()
    fig.add_bar(
        x=names,
        y=members,
        name=t("legend_members", lang),
        marker_color=BLUE,
        customdata=[number(v, lang) for v in members],
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )
    fig.add_scatter(
        x=names,
        y=needed,
        name=t("legend_needed", lang),
        mode="markers",
        marker={"symbol": "line-ew-open", "size": 22, "color": RED, "line": {"width": 3}},
        customdata=[number(v, lang) for v in needed],
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )
    top = max([v for v in members + needed if v is not None] or [1])
    # Ticks labelled in the reader's grouping (plotly's own would read "2500").
    fig.update_yaxes(title=t("axis_members", lang), **_number_ticks(top * 1.05, lang))
    fig.update_xaxes(tickangle=-45 if len(names) > 8 else 0, automargin=True)
    level_name = t(f"level_{level}", lang)
    return layout(fig, t("chart_units_title", lang, level=level_name), 460)


def _number_ticks(top: float, lang: str) -> dict[str, list[Any]]:
    """Round ticks (steps of 1, 2 or 5 × 10ⁿ) from 0 to `top`, labelled in the reader's
    grouping (2,00,000)."""
    raw = max(1.0, top / 5)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    values = [step * i for i in range(int(top // step) + 1)]
    return {"tickvals": values, "ticktext": [number(v, lang) for v in values]}


def month_ticks(first: date, last: date, lang: str, every: int = 2) -> dict[str, list[Any]]:
    """The first of every `every`-th month between two days, named in the reader's language
    (plotly's own date ticks are English: "Oct 2026" on a Hindi page)."""
    days = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            days.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    shown = days[::every]
    return {"tickvals": shown, "ticktext": [long_date(d, lang).split(" ", 1)[1] for d in shown]}


def weekly_progress(
    series: pl.DataFrame, target: int, target_date: date, projection: Projection, lang: str
) -> go.Figure:
    """Members week by week, the target as a line, and the recent pace carried forward."""
    days = series.get_column("week_end").to_list()
    values = series.get_column("members").to_list()
    fig = go.Figure()
    fig.add_scatter(
        x=days,
        y=values,
        mode="lines+markers",
        name=t("legend_members", lang),
        line={"color": BLUE, "width": 3},
        customdata=[number(v, lang) for v in values],
        hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
    )
    if days and projection.pace_per_week > 0:
        end = projection.reach_on if projection.on_time else target_date
        end = end or target_date
        weeks = max(0, (end - days[-1]).days) / 7
        fig.add_scatter(
            x=[days[-1], end],
            y=[values[-1], values[-1] + projection.pace_per_week * weeks],
            mode="lines",
            name=t("legend_projection", lang),
            line={"color": GREY, "dash": "dash", "width": 2},
            hoverinfo="skip",
        )
    right = max([*days, target_date]) if days else target_date
    fig.add_hline(
        y=target,
        line_color=RED,
        line_width=3,
        annotation_text=f"{t('legend_target', lang)} {number(target, lang)}",
        annotation_position="top left",
    )
    fig.add_vline(x=target_date, line_color=RED, line_dash="dot", line_width=1)
    fig.add_annotation(
        x=target_date,
        y=target,
        text=f"{t('legend_target_date', lang)}: {long_date(target_date, lang)}",
        showarrow=False,
        yshift=-14,
        xanchor="right",
    )
    top = max([*values, target]) if values else target
    fig.update_yaxes(
        title=t("axis_members", lang), range=[0, top * 1.1], **_number_ticks(top * 1.1, lang)
    )
    left = (days[0] if days else right) - timedelta(days=3)
    fig.update_xaxes(
        title=t("axis_week", lang),
        range=[left, right + timedelta(days=10)],
        **month_ticks(left, right + timedelta(days=10), lang),
    )
    return layout(fig, t("chart_weekly_title", lang), 380)


HEAT_MEASURES = (
    ("heat_groups", "groups_present", "groups_required"),
    ("heat_compliant", "groups_compliant", "groups_required"),
    ("heat_thanas", "thanas_at_target", "thanas"),
    ("heat_outposts", "outposts_at_target", "outposts"),
    ("heat_staff", "staff_connected", "staff"),
)


def compliance_heatmap(units: pl.DataFrame, lang: str) -> go.Figure:
    """Units (rows, labelled `group · name`, e.g. range · district) × measures, coloured by the
    share met; each cell says part of whole. `units` needs a `row_label` column."""
    labels = plain_all(units.get_column("row_label").to_list())
    z, text = [], []
    for row in units.iter_rows(named=True):
        z_row, t_row = [], []
        for _key, part, whole in HEAT_MEASURES:
            p, w = int(row[part]), int(row[whole])
            z_row.append(round(100 * p / w, 1) if w else None)
            t_row.append(f"{number(p, lang)}/{number(w, lang)}" if w else "—")
        z.append(z_row)
        text.append(t_row)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[t(key, lang) for key, _, _ in HEAT_MEASURES],
            y=labels,
            text=text,
            texttemplate="%{text}",
            colorscale=COMPLIANCE_SCALE,
            zmin=0,
            zmax=100,
            colorbar={"title": {"text": t("axis_share", lang)}},
            hovertemplate="%{y} · %{x}: %{z}% (%{text})<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return layout(fig, t("heatmap_title", lang), max(300, 60 + 26 * len(labels)))


def district_multiples(weekly: pl.DataFrame, units: pl.DataFrame, lang: str) -> go.Figure:
    """One small chart per unit: members week by week and its need (`member_floor`) in red.
    `weekly`: unit_id, week_end, members; `units`: unit_id, name, name_hi, member_floor."""
    names = dict(zip(units.get_column("unit_id"), unit_names(units, lang), strict=True))
    floors = dict(zip(units.get_column("unit_id"), units.get_column("member_floor"), strict=True))
    ids = units.get_column("unit_id").to_list()
    cols = min(4, max(1, len(ids)))
    rows = max(1, math.ceil(len(ids) / cols))
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[names[u] for u in ids],
        vertical_spacing=min(0.12, 0.5 / rows),
    )
    # Traces built plainly and added in one call, axes set in one layout update: plotly's
    # per-call validation made forty panels cost over a second.
    series = weekly.sort("week_end").partition_by("unit_id", as_dict=True, include_key=False)
    traces: list[go.Scatter] = []
    rows_of: list[int] = []
    cols_of: list[int] = []
    for i, unit in enumerate(ids):
        part = series.get((unit,), weekly.clear())
        made = _unit_traces(part, names[unit], floors[unit], first=i == 0, lang=lang)
        traces += made
        rows_of += [i // cols + 1] * len(made)
        cols_of += [i % cols + 1] * len(made)
    fig.add_traces(traces, rows=rows_of, cols=cols_of)
    fig.update_layout(
        {
            f"yaxis{i + 1 if i else ''}": {"rangemode": "tozero", "tickformat": ",d"}
            for i in range(len(ids))
        }
    )
    fig.update_yaxes(title=t("axis_members", lang), row=1, col=1)
    span = weekly.get_column("week_end").to_list()
    if span:
        fig.update_xaxes(**month_ticks(min(span), max(span), lang))
    return layout(fig, t("chart_small_multiples", lang), 120 + 220 * rows)


def _unit_traces(
    part: pl.DataFrame, name: str, floor: int | None, *, first: bool, lang: str
) -> list[go.Scatter]:
    """One unit's panel: its members week by week and, when it has weeks, its need as a red
    line across them (in the legend once, on the first panel)."""
    days = part.get_column("week_end").to_list()
    members = part.get_column("members").to_list()
    traces = [
        go.Scatter(
            x=days,
            y=members,
            mode="lines",
            line={"color": BLUE, "width": 2},
            name=name,
            showlegend=False,
            customdata=[number(v, lang) for v in members],
            hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
        )
    ]
    if days:
        traces.append(
            go.Scatter(
                x=[days[0], days[-1]],
                y=[floor, floor],
                mode="lines",
                line={"color": RED, "width": 1.5},
                name=t("legend_needed", lang),
                showlegend=first,
                hoverinfo="skip",
            )
        )
    return traces


def drill_treemap(tree: pl.DataFrame, lang: str) -> go.Figure:
    """The unit → group tree as a treemap sized by group members, coloured by compliance."""
    labels = unit_names(tree, lang)
    compliance = tree.get_column("compliance").fill_null(1.0).to_list()
    detail = [
        f"{number(m, lang)} · {number(p, lang)}/{number(w, lang)}"
        for m, p, w in tree.select("members", "part", "whole").iter_rows()
    ]
    fig = go.Figure(
        go.Treemap(
            ids=tree.get_column("id").to_list(),
            parents=tree.get_column("parent").fill_null("").to_list(),
            labels=labels,
            values=tree.get_column("value").to_list(),
            branchvalues="remainder",
            marker={
                "colors": [100 * c for c in compliance],
                "colorscale": COMPLIANCE_SCALE,
                "cmin": 0,
                "cmax": 100,
                "colorbar": {"title": {"text": t("axis_share", lang)}},
            },
            customdata=detail,
            texttemplate="%{label}<br>%{customdata}",
            hovertemplate="%{label}<br>%{customdata}<extra></extra>",
            maxdepth=3,
        )
    )
    return layout(fig, t("drill_chart_title", lang), 620)
