"""The weekly brief's charts as HTML the PDF renderer lays out itself.

WeasyPrint draws SVG `<text>` glyph by glyph, without shaping, so Devanagari in an SVG chart
comes out with dotted circles and loose matras. Here the SVG carries only lines and shapes, and
every word (ticks, axis titles, the target, the legend) is an HTML element placed over it, which
Pango shapes like the rest of the page. Labels sit at fixed places that cannot meet: y ticks in
the left margin, month ticks spaced at least a label's width apart under the axis, the target's
label above its line at the left edge, the legend below the chart. Pure: figures in, HTML out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

import polars as pl

from sampark.i18n import number, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.history import Projection

BLUE, GREY, RED = "#1f6fb2", "#7f8c8d", "#c0392b"

# The chart's box in CSS px (1/96 in): it fits A4 less the brief's margins (186 mm ≈ 703 px).
WIDTH, HEIGHT = 680, 270
LEFT, RIGHT, TOP, BOTTOM = 70, 18, 22, 48
MONTH_LABEL_PX = 74  # the room one month label needs ("सितंबर 2026" at 8 pt)


def nice_ticks(top: float) -> list[int]:
    """Round ticks (steps of 1, 2 or 5 × 10ⁿ) from 0 up to `top`.

    >>> nice_ticks(220000)
    [0, 50000, 100000, 150000, 200000]
    """
    raw = max(1.0, top / 5)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(int(top // step) + 1)]


def month_ticks(first: date, last: date, room_px: float) -> list[date]:
    """The first of the months between two days, thinned to every 2nd, 3rd … month until
    each label has MONTH_LABEL_PX of room: month labels never overlap.

    >>> month_ticks(date(2026, 5, 1), date(2027, 3, 31), 300)
    [datetime.date(2026, 5, 1), datetime.date(2026, 9, 1), datetime.date(2027, 1, 1)]
    """
    days = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            days.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if not days:
        return []
    fits = max(1, int(room_px // MONTH_LABEL_PX))
    every = -(-len(days) // fits)  # ceiling division
    return days[::every]


def month_label(day: date, lang: str) -> str:
    """'Nov 2026' / 'नवंबर 2026'."""
    return long_date(day, lang).split(" ", 1)[1]


def _label(left: float, top: float, width: float, text: str, css: str = "") -> str:
    return (
        f'<div class="cl" style="left:{left:.1f}px;top:{top:.1f}px;width:{width:.1f}px;{css}">'
        f"{escape(text)}</div>"
    )


@dataclass(frozen=True)
class _Frame:
    """Maps data to the chart's pixels."""

    first: date
    last: date
    top: float

    def x(self, day: date) -> float:
        span = max(1, (self.last - self.first).days)
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def y(self, value: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / self.top


def _projection_end(days: list[date], values: list[int], p: Projection) -> tuple[date, float]:
    """Where the recent pace is carried to: the day it reaches the target, or the target date."""
    end = (p.reach_on if p.reach_on is not None and p.reach_on <= p.target_date else None) or (
        p.target_date
    )
    weeks = max(0, (end - days[-1]).days) / 7
    return end, values[-1] + p.pace_per_week * weeks


def progress_chart(
    series: pl.DataFrame, target: int, target_date: date, projection: Projection, lang: str
) -> str:
    """Members week by week against the target, with the last 8 weeks' pace carried forward to
    the target date: axes with titles and units, round ticks, the target line labelled."""
    days: list[date] = series.get_column("week_end").to_list()
    values: list[int] = series.get_column("members").to_list()
    if not days:
        return ""
    show_pace = projection.pace_per_week > 0 and projection.current < target
    end, end_value = _projection_end(days, values, projection) if show_pace else (days[-1], 0.0)
    top = max([*values, target, end_value if show_pace else 0]) * 1.1 or 1.0
    frame = _Frame(days[0] - timedelta(days=3), max(days[-1], target_date) + timedelta(days=7), top)
    svg, labels = _grid(frame, top, lang)
    target_svg, target_label = _target_marks(frame, target, target_date, lang)
    svg += target_svg
    labels.append(target_label)
    svg += _members_line(frame, days, values)
    if show_pace:
        svg.append(
            f'<line x1="{frame.x(days[-1]):.1f}" y1="{frame.y(values[-1]):.1f}" '
            f'x2="{frame.x(end):.1f}" y2="{frame.y(end_value):.1f}" stroke="{GREY}" '
            'stroke-width="2" stroke-dasharray="6,4"/>'
        )
    # Axis titles, with the unit.
    labels.append(
        _label(LEFT, HEIGHT - 16, WIDTH - LEFT - RIGHT, t("axis_week", lang), "text-align:center")
    )
    labels.append(_label(LEFT + 4, 2, 300, t("axis_members", lang), "font-weight:bold"))
    return (
        f'<div class="chart" style="width:{WIDTH}px;height:{HEIGHT}px">'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(svg)}</svg>{"".join(labels)}</div>'
        f'<div class="legend">{_progress_legend(values[-1], target, target_date, show_pace, lang)}'
        "</div>"
    )


def _grid(frame: _Frame, top: float, lang: str) -> tuple[list[str], list[str]]:
    """The chart's grid (svg) and tick labels (html): a line per round value, a tick per
    month, and the two axes."""
    plot_right = WIDTH - RIGHT
    svg: list[str] = []
    labels: list[str] = []
    for tick in nice_ticks(top):
        ty = frame.y(tick)
        svg.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{plot_right}" y2="{ty:.1f}" stroke="#e3e7ec"/>'
        )
        labels.append(_label(0, ty - 7, LEFT - 8, number(tick, lang), "text-align:right"))
    for month in month_ticks(frame.first, frame.last, WIDTH - LEFT - RIGHT):
        tx = frame.x(month)
        svg.append(
            f'<line x1="{tx:.1f}" y1="{HEIGHT - BOTTOM}" x2="{tx:.1f}" '
            f'y2="{HEIGHT - BOTTOM + 4}" stroke="#888"/>'
        )
        labels.append(
            _label(
                tx - MONTH_LABEL_PX / 2,
                HEIGHT - BOTTOM + 5,
                MONTH_LABEL_PX,
                month_label(month, lang),
                "text-align:center",
            )
        )
    svg.append(
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="#888"/>'
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{plot_right}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#888"/>'
    )
    return svg, labels


def _target_marks(
    frame: _Frame, target: int, target_date: date, lang: str
) -> tuple[list[str], str]:
    """The target (svg): a line across, and the target date as a dotted line down; and the
    target's label (html)."""
    ty, dx = frame.y(target), frame.x(target_date)
    svg = (
        f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="{RED}" '
        'stroke-width="2"/>'
        f'<line x1="{dx:.1f}" y1="{TOP}" x2="{dx:.1f}" y2="{HEIGHT - BOTTOM}" stroke="{RED}" '
        'stroke-dasharray="2,3"/>'
    )
    label = _label(
        LEFT + 4,
        ty - 17,
        260,
        f"{t('legend_target', lang)}: {number(target, lang)}",
        f"color:{RED};font-weight:bold",
    )
    return [svg], label


def _members_line(frame: _Frame, days: list[date], values: list[int]) -> list[str]:
    """The members week by week (svg): a line through a dot per week."""
    points = " ".join(
        f"{frame.x(d):.1f},{frame.y(v):.1f}" for d, v in zip(days, values, strict=True)
    )
    return [
        f'<polyline points="{points}" fill="none" stroke="{BLUE}" stroke-width="2.5"/>',
        *(
            f'<circle cx="{frame.x(d):.1f}" cy="{frame.y(v):.1f}" r="2.2" fill="{BLUE}"/>'
            for d, v in zip(days, values, strict=True)
        ),
    ]


def _progress_legend(
    members: int, target: int, target_date: date, show_pace: bool, lang: str
) -> str:
    """The progress chart's legend keys (html)."""
    legend = [
        (BLUE, "solid", f"{t('legend_members', lang)}: {number(members, lang)}"),
        (RED, "solid", f"{t('legend_target', lang)} {number(target, lang)}"),
        (RED, "dotted", f"{t('legend_target_date', lang)}: {long_date(target_date, lang)}"),
    ]
    if show_pace:
        legend.append((GREY, "dashed", t("legend_projection", lang)))
    return "".join(
        f'<span class="lk"><span class="sw" style="border-top:2.5px {style} {colour}"></span>'
        f"{escape(text)}</span>"
        for colour, style, text in legend
    )


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: its label, the bar's length (0–1 of the row's scale), the
    figures written beside it and, optionally, a limit marked on the same scale."""

    label: str
    length: float
    text: str
    limit: float | None = None
    over: bool = False  # drawn in red: past its limit


def bar_chart(bars: Sequence[Bar], headers: Sequence[str] = ()) -> str:
    """Horizontal bars as an HTML table: label, bar (with its limit as a red tick), figures.
    Text sits in its own cells, so nothing is drawn over anything."""
    head = (
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead>"
        if headers
        else ""
    )
    rows = []
    for bar in bars:
        length = min(1.0, max(0.0, bar.length))
        colour = RED if bar.over else BLUE
        limit = (
            f'<div class="lim" style="left:{100 * min(1.0, bar.limit):.1f}%"></div>'
            if bar.limit is not None
            else ""
        )
        rows.append(
            f'<tr><td class="bl">{escape(bar.label)}</td><td class="bb"><div class="track">'
            f'<div class="fill" style="width:{100 * length:.1f}%;background:{colour}"></div>'
            f"{limit}</div></td><td>{escape(bar.text)}</td></tr>"
        )
    return f'<table class="bars">{head}<tbody>{"".join(rows)}</tbody></table>'


CHART_CSS = """
div.chart { position: relative; margin: 2mm 0 0; }
div.chart svg { position: absolute; left: 0; top: 0; }
div.cl { position: absolute; font-size: 8pt; line-height: 12px; color: #444;
         white-space: nowrap; }
div.legend { font-size: 8pt; color: #444; margin: 1mm 0 2mm 70px; }
span.lk { margin-right: 5mm; white-space: nowrap; }
span.sw { display: inline-block; width: 7mm; height: 0; margin-right: 1.5mm;
          vertical-align: middle; }
table.bars td { border-bottom: none; padding: 0.8mm 1.5mm; vertical-align: middle; }
table.bars td.bl { width: 24%; }
table.bars td.bb { width: 30%; }
div.track { position: relative; height: 9px; background: #eef1f4; }
div.fill { position: absolute; left: 0; top: 0; height: 9px; }
div.lim { position: absolute; top: -3px; width: 0; height: 15px; border-left: 2px solid #c0392b; }
"""
