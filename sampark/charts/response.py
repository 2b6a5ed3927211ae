"""Response charts: register stages against their limits, the weekly trend, open entries by
age, and the self-harm alerts' funnel and outcomes."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from sampark.charts.coverage import month_ticks
from sampark.charts.style import BLUE, GREY, RED, layout
from sampark.i18n import number, t
from sampark.i18n.vocab import ALERT_OUTCOMES, label


def stage_boxes(spread: pl.DataFrame, sla: dict[str, float], lang: str) -> go.Figure:
    """One box per stage (whiskers p10–p90, box the quartiles) with the SLA as a red mark."""
    stages = [t(f"resp_stage_{s}", lang) for s in spread.get_column("stage")]
    rows = spread.fill_null(0).to_dicts()
    fig = go.Figure(
        go.Box(
            x=stages,
            q1=[r["p25"] for r in rows],
            median=[r["p50"] for r in rows],
            q3=[r["p75"] for r in rows],
            lowerfence=[r["p10"] for r in rows],
            upperfence=[r["p90"] for r in rows],
            marker_color=BLUE,
            name=t("resp_legend_hours_spread", lang),
            hoverinfo="y",
        )
    )
    fig.add_scatter(
        x=stages,
        y=[sla.get(s) for s in spread.get_column("stage")],
        mode="markers",
        marker={"symbol": "line-ew-open", "size": 40, "color": RED, "line": {"width": 3}},
        name=t("resp_legend_sla", lang),
        hovertemplate=t("resp_hours_value", lang, h="%{y}") + "<extra></extra>",
    )
    values = [v for r in rows for v in (r["p10"], r["p90"])] + list(sla.values())
    fig.update_yaxes(title=t("resp_axis_hours_log", lang), type="log", **hour_ticks(values, lang))
    return layout(fig, t("resp_chart_stage_spread", lang), 420)


# Hours an officer reckons in: an hour, a shift, a day, three days, a week, three weeks…
_HOUR_MARKS = (0.25, 0.5, 1, 2, 6, 12, 24, 72, 168, 504, 1008, 2016, 4032, 8760)


def hour_ticks(values: list[float], lang: str) -> dict[str, list[object]]:
    """Ticks of a log hours axis at the marks spanning `values` (plotly's own log ticks read
    "2 5 10 2 5 100 … 1000"), labelled in the reader's grouping.

    >>> hour_ticks([0.8, 30, 504], "en")["ticktext"]
    ['0.5', '1', '2', '6', '12', '24', '72', '168', '504', '1,008']
    """
    shown = [v for v in values if v and v > 0]
    low, high = (min(shown), max(shown)) if shown else (1.0, 24.0)
    marks = [m for m in _HOUR_MARKS if m <= high * 2 and m >= low / 2]
    text: list[object] = [number(int(m), lang) if m >= 1 else f"{m:g}" for m in marks]
    return {"tickvals": list(marks), "ticktext": text}


def weekly_median(trend: pl.DataFrame, stage: str, sla: float | None, lang: str) -> go.Figure:
    """Median and p90 hours to `stage` per week of receipt, with the SLA line."""
    rows = trend.filter(pl.col("stage") == stage).sort("week")
    weeks = rows.get_column("week").to_list()
    fig = go.Figure()
    fig.add_scatter(
        x=weeks,
        y=rows.get_column("median_h").to_list(),
        name=t("resp_legend_median", lang),
        mode="lines",
        line={"color": BLUE, "width": 2},
    )
    fig.add_scatter(
        x=weeks,
        y=rows.get_column("p90_h").to_list(),
        name=t("resp_legend_p90", lang),
        mode="lines",
        line={"color": GREY, "width": 1, "dash": "dot"},
    )
    if sla is not None:
        fig.add_hline(
            y=sla,
            line_color=RED,
            line_width=2,
            annotation_text=t("resp_legend_sla_hours", lang, h=number(int(sla), lang)),
            annotation_position="top left",
        )
    ticks = month_ticks(min(weeks), max(weeks), lang, every=3) if weeks else {}
    fig.update_xaxes(title=t("resp_axis_week", lang), **ticks)
    fig.update_yaxes(title=t("resp_axis_hours", lang), rangemode="tozero")
    stage_name = t(f"resp_stage_{stage}", lang)
    return layout(fig, t("resp_chart_weekly", lang, stage=stage_name), 380)


def ageing_bars(buckets: pl.DataFrame, lang: str) -> go.Figure:
    """Open entries per age bucket; the last bucket (past 21 days) in red."""
    names = [t(f"resp_age_{b}", lang) for b in buckets.get_column("age_bucket")]
    counts = buckets.get_column("entries").to_list()
    colours = [BLUE] * (len(counts) - 1) + [RED]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=counts,
            marker_color=colours,
            text=[number(c, lang) for c in counts],
            textposition="outside",
            name=t("resp_axis_open_entries", lang),
        )
    )
    fig.update_xaxes(title=t("resp_axis_age_days", lang))
    fig.update_yaxes(title=t("resp_axis_open_entries", lang), rangemode="tozero")
    return layout(fig, t("resp_chart_ageing", lang), 340)


def alert_funnel_chart(funnel: pl.DataFrame, lang: str) -> go.Figure:
    """Alerts at each stage, received to reached, with the share of all alerts."""
    fig = go.Figure(
        go.Funnel(
            y=[t(f"resp_funnel_{s}", lang) for s in funnel.get_column("stage")],
            x=funnel.get_column("alerts").to_list(),
            textinfo="value+percent initial",
            marker={"color": BLUE},
        )
    )
    return layout(fig, t("resp_chart_alert_funnel", lang), 380)


def alert_outcome_bars(outcomes: pl.DataFrame, lang: str) -> go.Figure:
    """Alerts per outcome, reached in blue and failures in red."""
    rows = outcomes.filter(pl.col("alerts") > 0).sort("alerts")
    codes = rows.get_column("outcome").to_list()
    names = [
        t("resp_outcome_pending", lang) if c == "pending" else label(ALERT_OUTCOMES, c, lang)
        for c in codes
    ]
    colours = [BLUE if r else RED for r in rows.get_column("reached")]
    fig = go.Figure(
        go.Bar(
            x=rows.get_column("alerts").to_list(),
            y=names,
            orientation="h",
            marker_color=colours,
            text=[number(c, lang) for c in rows.get_column("alerts")],
            textposition="outside",
            cliponaxis=False,
        )
    )
    # Room beyond the longest bar for its count, so "466" is never cut to "46".
    longest = max(rows.get_column("alerts").to_list(), default=0)
    fig.update_xaxes(title=t("resp_axis_alerts", lang), range=[0, max(longest, 1) * 1.25])
    return layout(fig, t("resp_chart_alert_outcomes", lang), 340)
