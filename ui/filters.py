"""Sidebar widgets shared by every page: language and scope. Each has a safe default."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import t

_LANG_LABELS = {"en": "English", "hi": "हिन्दी"}


def language() -> str:
    """The chosen language code; English until the reader picks Hindi."""
    choice = st.sidebar.radio(
        "Language / भाषा",
        list(_LANG_LABELS),
        format_func=_LANG_LABELS.__getitem__,
        horizontal=True,
        key="lang",
    )
    return str(choice or "en")


def current_language() -> str:
    return str(st.session_state.get("lang", "en"))


def _label(units: pl.DataFrame, lang: str) -> dict[str, str]:
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    return dict(units.select("unit_id", name.alias("label")).iter_rows())


def scope(units: pl.DataFrame, lang: str) -> str | None:
    """The unit the pages look at: a range, a district in it, or the whole state (None)."""
    ranges = units.filter(pl.col("kind") == "range").sort("name")
    labels = _label(units, lang)
    range_id = st.sidebar.selectbox(
        t("range", lang),
        [None, *ranges.get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u is None else labels.get(u, u),
        key="range",
    )
    districts = units.filter(pl.col("kind") == "district")
    if range_id is not None:
        districts = districts.filter(pl.col("parent_id") == range_id)
    district_id = st.sidebar.selectbox(
        t("district", lang),
        [None, *districts.sort("name").get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u is None else labels.get(u, u),
        key=f"district_{range_id}",
    )
    chosen = district_id or range_id
    return str(chosen) if chosen else None


def current_scope() -> str | None:
    """The scope chosen in the sidebar, or the whole state when a page runs on its own."""
    range_id = st.session_state.get("range")
    district_id = st.session_state.get(f"district_{range_id}")
    chosen = district_id or range_id
    return str(chosen) if chosen else None
