"""Charts on screen: a figure built once per builder and inputs (ui/remembered) and drawn;
the page never holds the figure, so nothing can change a remembered one in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import remembered


def chart(
    build: Callable[..., go.Figure],
    *args: Any,
    where: DeltaGenerator | None = None,
    **options: Any,
) -> None:
    """`build(*args)` drawn full width (`options` go to st.plotly_chart), built again only when
    an input is another object or value (a load, another scope, filter or language)."""
    options.setdefault("width", "stretch")
    (where or st).plotly_chart(remembered.answer(build, *args), **options)
