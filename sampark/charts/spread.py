"""Charts of the Directives and rumours page: a directive's reach curve with T50 / T90 / T100
and the 24-hour line, its target groups by unit and status, and a rumour's spread over time.
Groups are counted; no member or sender is named."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from sampark.charts.style import BLUE, GREY, RED, layout
from sampark.i18n import t
from sampark.safety.escaping import plain_all
from sampark.tables.spread import ON_TIME_HOURS, STATUSES

# On time green, late amber, never red: readable for red–green weak eyes as on the league.
STATUS_COLOURS = {"on_time": "#1a9850", "late": "#fdb863", "never": "#b2182b"}
_MARKS = (("t50", 0.5), ("t90", 0.9), ("t100", 1.0))


def reach_curve(curve: pl.DataFrame, marks: dict[str, float | None], lang: str) -> go.Figure:
    """Share of the target groups reached against hours since issue (a step line), each of
    T50 / T90 / T100 marked where it was reached, and the 24-hour line. `curve`:
    `tables.spread.reach_curve`; `marks`: hours to each of t50, t90, t100 (None: not yet)."""
    fig = go.Figure(
        go.Scatter(
            x=curve.get_column("hours").to_list(),
            y=curve.get_column("share").to_list(),
            mode="lines+markers",
            line={"shape": "hv", "color": BLUE, "width": 2},
            name=t("spread_legend_reached", lang),
            hovertemplate=t("resp_hours_value", lang, h="%{x:.1f}") + " · %{y:.0%}<extra></extra>",
        )
    )
    for mark, share in _MARKS:
        hours = marks.get(mark)
        if hours is None:
            continue
        fig.add_scatter(
            x=[hours],
            y=[share],
            mode="markers+text",
            marker={"size": 11, "color": GREY, "symbol": "diamond"},
            text=[t(f"spread_mark_{mark}", lang)],
            textposition=_mark_side(hours, curve),
            name=t(f"spread_mark_{mark}", lang),
            showlegend=False,
            hovertemplate=t("resp_hours_value", lang, h="%{x:.1f}") + "<extra></extra>",
        )
    fig.add_vline(
        x=ON_TIME_HOURS,
        line_color=RED,
        line_width=2,
        line_dash="dash",
        annotation_text=t("spread_legend_24h", lang),
        annotation_position="top right",
    )
    fig.update_xaxes(title=t("spread_axis_hours_since_issue", lang), rangemode="tozero")
    fig.update_yaxes(title=t("spread_axis_share_reached", lang), range=[0, 1.05], tickformat=".0%")
    return layout(fig, t("spread_chart_reach", lang), 380)


def _mark_side(hours: float, curve: pl.DataFrame) -> str:
    """Where a T-mark's label goes: to its left in the right part of the curve, so a mark
    at the last arrival is not cut by the chart's right edge."""
    last = max([hours, *curve.get_column("hours").to_list()])
    return "bottom left" if last and hours > 0.6 * last else "bottom right"


def status_treemap(by_unit: pl.DataFrame, lang: str) -> go.Figure:
    """A directive's target groups by unit, each unit split into reached on time, late and
    never, sized by groups. `by_unit`: `tables.spread.status_by_unit`."""
    units = by_unit.group_by("unit_id", "unit").agg(pl.col("groups").sum()).sort("unit")
    words = {s: t(f"spread_status_{s}", lang) for s in STATUSES}
    ids = units.get_column("unit_id").to_list()
    ids += [f"{u}/{s}" for u, s in by_unit.select("unit_id", "status").iter_rows()]
    labels = plain_all(units.get_column("unit").to_list())
    labels += [words[s] for s in by_unit.get_column("status")]
    parents = [""] * units.height + by_unit.get_column("unit_id").to_list()
    values = units.get_column("groups").to_list() + by_unit.get_column("groups").to_list()
    colours = ["#ffffff"] * units.height
    colours += [STATUS_COLOURS[s] for s in by_unit.get_column("status")]
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": colours},
            textinfo="label+value",
            hovertemplate="%{label}: %{value}<extra></extra>",
        )
    )
    return layout(fig, t("spread_chart_status", lang), 420)


def rumour_spread(curve: pl.DataFrame, lang: str) -> go.Figure:
    """Groups a rumour had reached against hours since it was first seen (a step line).
    `curve`: `tables.spread_rumours.rumour_curve`."""
    fig = go.Figure(
        go.Scatter(
            x=curve.get_column("hours").to_list(),
            y=curve.get_column("groups").to_list(),
            mode="lines+markers",
            line={"shape": "hv", "color": RED, "width": 2},
            hovertemplate=t("resp_hours_value", lang, h="%{x:.1f}") + " · %{y}<extra></extra>",
        )
    )
    fig.update_xaxes(title=t("spread_axis_hours_since_seen", lang), rangemode="tozero")
    fig.update_yaxes(title=t("spread_axis_groups_reached", lang), rangemode="tozero")
    return layout(fig, t("spread_chart_rumour", lang), 320)
