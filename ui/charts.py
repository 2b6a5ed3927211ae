"""Charts on screen: a figure built once per builder and inputs (ui/remembered) and drawn;
the page never holds the figure, so nothing can change a remembered one in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import remembered


class Drawn(go.Figure):  # type: ignore[misc]  # plotly ships no type hints
    """A finished figure as st.plotly_chart reads it: its dict, made once.

    Streamlit serialises a figure from `to_dict()`, which deep-copies every trace and encodes
    its arrays on every call: for a state's treemap that was most of drawing a remembered
    chart. This figure holds that dict and hands it out; it is itself empty, so it is only
    ever given to st.plotly_chart (tests/ui/test_remembered.py checks the chart sent still
    holds the data)."""

    def __init__(self, figure: go.Figure) -> None:
        super().__init__()
        self._drawn = figure.to_dict()

    def to_dict(self) -> dict[str, Any]:
        return self._drawn  # type: ignore[no-any-return]


def drawn(build: Callable[..., go.Figure], *args: Any) -> Drawn:
    """`build(*args)` ready to draw."""
    return Drawn(build(*args))


def chart(
    build: Callable[..., go.Figure],
    *args: Any,
    where: DeltaGenerator | None = None,
    **options: Any,
) -> None:
    """`build(*args)` drawn full width (`options` go to st.plotly_chart), built again only when
    an input is another object or value (a load, another scope, filter or language)."""
    options.setdefault("width", "stretch")
    (where or st).plotly_chart(remembered.answer(drawn, build, *args), **options)
