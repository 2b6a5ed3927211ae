"""Pure: frame → plotly figure. Titles, units and the target line always drawn."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from sampark.escaping import plain_all
from sampark.i18n import number, t

_FONT = "Noto Sans, Noto Sans Devanagari, sans-serif"


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0},
        height=height,
        font={"family": _FONT},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.15},
        template="plotly_white",
    )
    return fig


def progress_to_target(members: int, target: int, lang: str) -> go.Figure:
    """One bar of members with the target drawn as a line."""
    label = t("legend_members", lang)
    fig = go.Figure(
        go.Bar(
            x=[members],
            y=[label],
            orientation="h",
            marker_color="#1f6fb2",
            text=[number(members, lang)],
            textposition="outside",
            name=label,
            hovertemplate="%{x:,}<extra></extra>",
        )
    )
    fig.add_vline(
        x=target,
        line_color="#c0392b",
        line_width=3,
        annotation_text=f"{t('legend_target', lang)} {number(target, lang)}",
        annotation_position="top",
    )
    fig.update_xaxes(title=t("axis_members", lang), range=[0, max(members, target) * 1.08])
    return _layout(fig, t("chart_progress_title", lang), 200)


def members_by_unit(frame: pl.DataFrame, level: str, lang: str) -> go.Figure:
    """Members per unit as bars, the members its required groups need as target marks."""
    names = plain_all(
        frame.get_column("name_hi" if lang == "hi" else "name")
        .fill_null(frame.get_column("name"))
        .to_list()
    )
    members = frame.get_column("members").to_list()
    needed = frame.get_column("member_floor").to_list()
    fig = go.Figure()
    fig.add_bar(
        x=names,
        y=members,
        name=t("legend_members", lang),
        marker_color="#1f6fb2",
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    fig.add_scatter(
        x=names,
        y=needed,
        name=t("legend_needed", lang),
        mode="markers",
        marker={"symbol": "line-ew-open", "size": 22, "color": "#c0392b", "line": {"width": 3}},
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    fig.update_yaxes(title=t("axis_members", lang))
    fig.update_xaxes(tickangle=-45 if len(names) > 8 else 0, automargin=True)
    level_name = t(f"level_{level}", lang)
    return _layout(fig, t("chart_units_title", lang, level=level_name), 460)


def days_since_last_message(health: pl.DataFrame, dormant_days: int, lang: str) -> go.Figure:
    """How long each group has been silent, with the dormancy threshold drawn."""
    days = health.get_column("days_since_last").drop_nulls().to_list()
    fig = go.Figure(
        go.Histogram(
            x=days,
            xbins={"start": 0, "size": 7},
            marker_color="#1f6fb2",
            name=t("axis_groups", lang),
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.add_vline(
        x=dormant_days,
        line_color="#c0392b",
        line_width=3,
        annotation_text=t("legend_dormant_line", lang, n=dormant_days),
        annotation_position="top right",
    )
    fig.update_xaxes(title=t("axis_days", lang), rangemode="tozero")
    fig.update_yaxes(title=t("axis_groups", lang))
    return _layout(fig, t("chart_dormancy_title", lang), 360)
