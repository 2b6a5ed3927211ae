"""Tables on screen: every st.dataframe goes through here, so numbers are grouped, shares
are percentages and empty cells are dashes in every table, in both languages."""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sampark.i18n import t
from sampark.tables.display import for_screen, numeric_columns


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
    (where or st).dataframe(for_screen(frame, lang), column_config=config, **options)
