"""Group health's chart: how long each group has been silent."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from sampark.charts.style import BLUE, RED, layout
from sampark.i18n import t


def days_since_last_message(health: pl.DataFrame, dormant_days: int, lang: str) -> go.Figure:
    """How long each group has been silent, with the dormancy threshold drawn."""
    days = health.get_column("days_since_last").drop_nulls().to_list()
    fig = go.Figure(
        go.Histogram(
            x=days,
            xbins={"start": 0, "size": 7},
            marker_color=BLUE,
            name=t("axis_groups", lang),
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.add_vline(
        x=dormant_days,
        line_color=RED,
        line_width=3,
        annotation_text=t("legend_dormant_line", lang, n=dormant_days),
        annotation_position="top right",
    )
    fig.update_xaxes(title=t("axis_days", lang), rangemode="tozero")
    fig.update_yaxes(title=t("axis_groups", lang))
    return layout(fig, t("chart_dormancy_title", lang), 360)
