"""The one look every chart shares: font, colours, title, margins and legend; and unit names
as plotly must be given them."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go
import polars as pl

from sampark.safety.escaping import plain_all
from sampark.tables.names import reader_name

FONT = "Noto Sans, Noto Sans Devanagari, sans-serif"
BLUE, RED, GREY = "#1f6fb2", "#c0392b", "#7f8c8d"
# Red (0: nothing met) through amber to green (all met), readable for red–green weak eyes too.
COMPLIANCE_SCALE = [[0.0, "#b2182b"], [0.5, "#fdb863"], [1.0, "#1a9850"]]


# A title longer than this is broken over lines: a phone (390 px) shows about this many.
TITLE_CHARS = 40
# How far plotly lifts a title for each line past the first (half of its 1.3 em line step at
# Streamlit's 16 px title size), rounded up.
TITLE_LIFT_PX = 12


def title_lines(title: str, width: int = TITLE_CHARS) -> list[str]:
    """`title` broken at spaces into lines of at most `width` characters (a longer word
    stays whole).

    >>> title_lines("Members week by week, the target and where the recent pace leads")
    ['Members week by week, the target and', 'where the recent pace leads']
    """
    return textwrap.wrap(title, width, break_long_words=False) or [title]


def layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """`fig` with the house style, its title (over lines short enough for a phone) and
    height."""
    lines = title_lines(title)
    fig.update_layout(
        # Hung from the top of the chart, so a second line grows down, never out of sight.
        title={
            "text": "<br>".join(lines),
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            # Plotly lifts a title of n lines by about half a line per extra line; without
            # the matching pad the first line's Devanagari vowel signs (drawn above the
            # headstroke) were cut off at the chart's top edge: "रेंज और जिलेवार" read
            # "रज आर ाजलवार".
            "pad": {"t": 10 + TITLE_LIFT_PX * (len(lines) - 1), "l": 10},
        },
        height=height + 20 * (len(lines) - 1),
        font={"family": FONT},
        # Room on the right for the last month's label ("Jun 2026", not "Jun 202").
        margin={"l": 10, "r": 28, "t": 60 + 20 * (len(lines) - 1), "b": 10},
        # Hung from the chart's bottom edge, below the x axis title: placed at y=-0.2 of
        # the plot it lay over "Week ending" and the rotated month ticks on a phone.
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        template="plotly_white",
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def unit_names(frame: pl.DataFrame, lang: str) -> list[str]:
    """The frame's unit names in the reader's language, escaped: plotly would draw their HTML."""
    return plain_all(frame.select(reader_name(lang)).to_series().to_list())
