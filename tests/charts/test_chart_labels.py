"""Names typed by an office reach plotly's labels escaped, never as HTML plotly would draw."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from sampark.charts.coverage import (
    compliance_heatmap,
    district_multiples,
    drill_treemap,
    members_by_unit,
)

HOSTILE = "<b>x</b><a href='javascript:alert(1)'>y</a>"
ESCAPED = "&lt;b&gt;x&lt;/b&gt;&lt;a href='javascript:alert(1)'&gt;y&lt;/a&gt;"


def _units() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit_id": ["U1"],
            "name": [HOSTILE],
            "name_hi": [None],
            "members": [10],
            "member_floor": [200],
        },
        schema_overrides={"name_hi": pl.String},
    )


def _figure_text(fig) -> str:
    return json.dumps(fig.to_plotly_json(), default=str, ensure_ascii=False)


def _assert_escaped(fig) -> None:
    text = _figure_text(fig)
    assert ESCAPED in text
    assert "<b>x" not in text and "<a href" not in text


def test_members_by_unit_escapes_unit_names_in_ticks_and_hover():
    fig = members_by_unit(_units(), "thana", "en")
    assert fig.data[0].x == (ESCAPED,)
    _assert_escaped(fig)


def test_compliance_heatmap_escapes_row_labels():
    heat = pl.DataFrame(
        {
            "row_label": [f"Central · {HOSTILE}"],
            **{c: [1] for c in ("groups_present", "groups_required", "groups_compliant")},
            **{c: [1] for c in ("thanas_at_target", "thanas", "outposts_at_target", "outposts")},
            **{c: [1] for c in ("staff_connected", "staff")},
        }
    )
    fig = compliance_heatmap(heat, "en")
    assert fig.data[0].y == (f"Central · {ESCAPED}",)
    _assert_escaped(fig)


def test_district_multiples_escape_subplot_titles_and_trace_names():
    weekly = pl.DataFrame({"unit_id": ["U1"], "week_end": [date(2026, 11, 1)], "members": [9]})
    fig = district_multiples(weekly, _units(), "en")
    assert fig.layout.annotations[0].text == ESCAPED
    _assert_escaped(fig)


def test_drill_treemap_escapes_labels():
    tree = pl.DataFrame(
        {
            "id": ["U1"],
            "parent": [None],
            "name": [HOSTILE],
            "name_hi": [None],
            "compliance": [0.5],
            "members": [10],
            "part": [1],
            "whole": [2],
            "value": [10],
        },
        schema_overrides={"parent": pl.String, "name_hi": pl.String},
    )
    fig = drill_treemap(tree, "en")
    assert fig.data[0].labels == (ESCAPED,)
    _assert_escaped(fig)
