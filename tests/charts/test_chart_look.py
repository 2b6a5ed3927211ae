"""What the screenshots of every page showed wrong in the charts, kept fixed: a Hindi title's
first line cut at the chart's top, bar ticks reading "2500", a log hours axis reading
"2 5 10 2 5 100"."""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl

from sampark.charts.coverage import members_by_unit
from sampark.charts.response import hour_ticks, stage_boxes, weekly_median
from sampark.charts.style import TITLE_LIFT_PX, layout


def test_a_one_line_title_keeps_the_house_pad():
    fig = layout(go.Figure(), "Days since the last message", 300)
    assert fig.layout.title.pad.t == 10


def test_a_two_line_title_is_padded_down_by_plotlys_lift():
    title = "रेंज और जिलेवार अनुपालन (हर माप का पूरा हुआ हिस्सा)"
    fig = layout(go.Figure(), title, 300)
    assert fig.layout.title.text.count("<br>") == 1
    assert fig.layout.title.pad.t == 10 + TITLE_LIFT_PX


def test_a_three_line_title_is_padded_for_each_extra_line():
    fig = layout(go.Figure(), "word " * 20, 300)
    assert fig.layout.title.text.count("<br>") == 2
    assert fig.layout.title.pad.t == 10 + 2 * TITLE_LIFT_PX


def _districts() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit_id": ["D1", "D2"],
            "name": ["Patna", "Buxar"],
            "name_hi": ["पटना", "बक्सर"],
            "members": [1485, 838],
            "member_floor": [2300, 1500],
        }
    )


def test_members_by_district_ticks_are_grouped_the_readers_way():
    fig = members_by_unit(_districts(), "district", "en")
    assert list(fig.layout.yaxis.ticktext) == ["0", "500", "1,000", "1,500", "2,000"]
    assert list(fig.layout.yaxis.tickvals) == [0, 500, 1000, 1500, 2000]


def test_members_by_district_ticks_in_hindi_use_indian_grouping():
    frame = _districts().with_columns(pl.Series("members", [245000, 90000]))
    fig = members_by_unit(frame, "district", "hi")
    assert "2,00,000" in fig.layout.yaxis.ticktext


def test_hour_ticks_are_the_marks_an_officer_reckons_in():
    ticks = hour_ticks([0.3, 2, 24, 600], "en")
    assert ticks["ticktext"] == [
        "0.25",
        "0.5",
        "1",
        "2",
        "6",
        "12",
        "24",
        "72",
        "168",
        "504",
        "1,008",
    ]
    assert ticks["tickvals"][:2] == [0.25, 0.5]


def test_hour_ticks_of_nothing_span_a_day():
    assert hour_ticks([], "hi")["tickvals"] == [0.5, 1, 2, 6, 12, 24]


def test_stage_boxes_label_the_log_axis_with_those_marks():
    spread = pl.DataFrame(
        {
            "stage": ["cognizance", "closed"],
            "p10": [0.2, 70.0],
            "p25": [0.4, 110.0],
            "p50": [0.8, 197.0],
            "p75": [1.8, 330.0],
            "p90": [3.4, 560.0],
        }
    )
    fig = stage_boxes(spread, {"cognizance": 2.0, "closed": 504.0}, "en")
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.yaxis.ticktext[0] == "0.25" and "504" in fig.layout.yaxis.ticktext
    assert "5" not in fig.layout.yaxis.ticktext  # plotly's own minor label


def test_the_weekly_response_chart_names_its_months_in_hindi():
    weeks = [date(2025, 1, 6) + timedelta(weeks=k) for k in range(60)]
    trend = pl.DataFrame(
        {
            "week": weeks,
            "stage": ["cognizance"] * 60,
            "median_h": [0.8] * 60,
            "p90_h": [3.4] * 60,
        }
    )
    fig = weekly_median(trend, "cognizance", 2.0, "hi")
    assert list(fig.layout.xaxis.ticktext)[:3] == ["फ़रवरी 2025", "मई 2025", "अगस्त 2025"]
    assert not any("Oct" in str(tick) for tick in fig.layout.xaxis.ticktext)


def test_the_legend_hangs_from_the_charts_bottom_edge_below_the_axis_title():
    legend = layout(go.Figure(), "Members week by week", 300).layout.legend
    assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")


def test_a_hindi_readers_hover_groups_members_the_indian_way():
    frame = _districts().with_columns(pl.Series("members", [245000, 90000]))
    fig = members_by_unit(frame, "district", "hi")
    bars = fig.data[0]
    assert list(bars.customdata) == ["2,45,000", "90,000"]
    assert bars.hovertemplate == "%{x}: %{customdata}<extra></extra>"


def test_a_hindi_readers_hover_names_hours_in_hindi():
    from sampark.charts.spread import reach_curve

    curve = pl.DataFrame({"hours": [0.0, 3.5], "share": [0.0, 1.0]})
    hindi = reach_curve(curve, {"t50": 3.5, "t90": None, "t100": None}, "hi")
    english = reach_curve(curve, {"t50": 3.5, "t90": None, "t100": None}, "en")
    assert hindi.data[0].hovertemplate == "%{x:.1f} घंटे · %{y:.0%}<extra></extra>"
    assert english.data[0].hovertemplate == "%{x:.1f} h · %{y:.0%}<extra></extra>"


def test_a_t_mark_at_the_curves_end_is_labelled_on_its_left():
    from sampark.charts.spread import reach_curve

    curve = pl.DataFrame({"hours": [0.0, 2.0, 38.4], "share": [0.0, 0.5, 1.0]})
    fig = reach_curve(curve, {"t50": 2.0, "t90": 38.4, "t100": 38.4}, "en")
    sides = {trace.text[0]: trace.textposition for trace in fig.data[1:]}
    assert sides == {"T50": "bottom right", "T90": "bottom left", "T100": "bottom left"}
