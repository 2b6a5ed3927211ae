"""Sidebar widgets shared by every page: language and scope. Each has a safe default."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import t

# "Whole state" in the scope boxes; a string, since a None option reads as "nothing chosen".
ALL = ""

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


def _keyed(name: str, lang: str) -> str:
    """A widget key per language: Streamlit keeps a keyed widget's option labels from its first
    run, so each language gets its own widget, seeded with the choice made in the other."""
    key = f"{name}_{lang}"
    if key not in st.session_state:
        for other in _LANG_LABELS:
            if f"{name}_{other}" in st.session_state:
                st.session_state[key] = st.session_state[f"{name}_{other}"]
                break
    return key


def scope(units: pl.DataFrame, lang: str) -> str | None:
    """The unit the pages look at: a range, a district in it, or the whole state (None)."""
    ranges = units.filter(pl.col("kind") == "range").sort("name")
    labels = _label(units, lang)
    range_id = st.sidebar.selectbox(
        t("range", lang),
        [ALL, *ranges.get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u == ALL else labels.get(u, u),
        key=_keyed("range", lang),
    )
    districts = units.filter(pl.col("kind") == "district")
    if range_id != ALL:
        districts = districts.filter(pl.col("parent_id") == range_id)
    district_id = st.sidebar.selectbox(
        t("district", lang),
        [ALL, *districts.sort("name").get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u == ALL else labels.get(u, u),
        key=_keyed(f"district_{range_id}", lang),
    )
    chosen = district_id or range_id
    return str(chosen) if chosen else None


def current_scope() -> str | None:
    """The scope chosen in the sidebar, or the whole state when a page runs on its own."""
    lang = current_language()
    range_id = st.session_state.get(f"range_{lang}", ALL)
    district_id = st.session_state.get(f"district_{range_id}_{lang}", ALL)
    chosen = district_id or range_id
    return str(chosen) if chosen else None


def current_range() -> str | None:
    """The range chosen in the sidebar (also when a district in it is chosen), or None."""
    chosen = st.session_state.get(f"range_{current_language()}", ALL)
    return str(chosen) if chosen else None
