"""Sidebar widgets shared by every page: language and scope. Each has a safe default."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import t
from sampark.safety.escaping import markdown_literal
from sampark.tables.names import unit_labels
from ui import look, session

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
        on_change=look.choice_made,
    )
    return str(choice or "en")


def current_language() -> str:
    return str(st.session_state.get("lang", "en"))


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


def _root() -> tuple[str | None, str]:
    """The signed-in user's scope unit and role (None, "") when nobody is signed in."""
    user = session.current_user()
    return (user.scope.root, user.role) if user else (None, "")


def scope(units: pl.DataFrame, lang: str) -> str | None:
    """The unit the pages look at: within the user's own scope, a range, a district in it, or
    the whole state (None). An IG picks among the range's districts; an SP, CO or SHO sees
    their own unit named, with nothing to pick."""
    root, _role = _root()
    labels = unit_labels(units, lang)
    if root is not None:
        st.sidebar.caption(t("scope_fixed", lang, unit=markdown_literal(labels.get(root, root))))
        if units.filter(pl.col("unit_id") == root)["kind"].to_list() != ["range"]:
            return root
        districts = units.filter(pl.col("kind") == "district", pl.col("parent_id") == root)
        district_id = st.sidebar.selectbox(
            t("district", lang),
            [ALL, *districts.sort("name").get_column("unit_id").to_list()],
            format_func=lambda u: t("all", lang) if u == ALL else labels.get(u, u),
            key=_keyed(f"district_{root}", lang),
            on_change=look.choice_made,
        )
        return str(district_id or root)
    ranges = units.filter(pl.col("kind") == "range").sort("name")
    range_id = st.sidebar.selectbox(
        t("range", lang),
        [ALL, *ranges.get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u == ALL else labels.get(u, u),
        key=_keyed("range", lang),
        on_change=look.choice_made,
    )
    districts = units.filter(pl.col("kind") == "district")
    if range_id != ALL:
        districts = districts.filter(pl.col("parent_id") == range_id)
    district_id = st.sidebar.selectbox(
        t("district", lang),
        [ALL, *districts.sort("name").get_column("unit_id").to_list()],
        format_func=lambda u: t("all", lang) if u == ALL else labels.get(u, u),
        key=_keyed(f"district_{range_id}", lang),
        on_change=look.choice_made,
    )
    chosen = district_id or range_id
    return str(chosen) if chosen else None


def current_scope() -> str | None:
    """The scope chosen in the sidebar, never wider than the user's own (the whole state when
    a state-wide user runs a page on its own)."""
    lang = current_language()
    root, _role = _root()
    range_id = st.session_state.get(f"range_{lang}", ALL) if root is None else root
    district_id = st.session_state.get(f"district_{range_id}_{lang}", ALL)
    if root is not None and not district_id:
        return root
    chosen = district_id or range_id
    return str(chosen) if chosen else None


def current_range() -> str | None:
    """The range chosen in the sidebar (also when a district in it is chosen), or None."""
    root, role = _root()
    if root is not None:
        return root if role == "ig" else None
    chosen = st.session_state.get(f"range_{current_language()}", ALL)
    return str(chosen) if chosen else None
