"""Tables on screen: every st.dataframe goes through here, so numbers are grouped, shares
are percentages and empty cells are dashes in every table, in both languages.

The text for the screen is made once per frame object and language (ui/remembered) and handed
to Streamlit as an Arrow table, which it sends as it is; a polars frame would go through
pandas on every run. Frames from the loaders, or built with `remembered.answer`, are the same
object from click to click."""

from __future__ import annotations

from typing import Any

import polars as pl
import pyarrow as pa
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sampark.i18n import t
from sampark.tables.display import for_screen, numeric_columns
from ui import remembered


def show(
    frame: pl.DataFrame, lang: str, *, where: DeltaGenerator | None = None, **options: Any
) -> None:
    """`frame` drawn for the reader: figures right-aligned as grouped text; the unit id
    column, there for downloads, hidden (the name beside it says which unit)."""
    config: dict[str, Any] = {
        c: st.column_config.TextColumn(alignment="right") for c in numeric_columns(frame)
    }
    config[t("unit_id_col", lang)] = None
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    (where or st).dataframe(
        remembered.answer(on_screen, frame, lang), column_config=config, **options
    )


def on_screen(frame: pl.DataFrame, lang: str) -> pa.Table:
    """`frame` as the reader sees it, as Arrow (immutable, sent as it is)."""
    return for_screen(frame, lang).to_arrow()
