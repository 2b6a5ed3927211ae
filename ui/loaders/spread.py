"""Cached loaders for the Directives and rumours page: the spread figures the last run stored,
the register's titles, the rumours and the names of groups, once per data version."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.queries.network import group_names, unit_tree
from sampark.queries.spread import rumours_frame, stored_spread
from ui.loaders.run import RunKey, engine, run_key


@st.cache_data(max_entries=4, show_spinner=False)
def _figures(key: RunKey) -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    with engine(key.url).connect() as conn:
        return stored_spread(conn), unit_tree(conn)


def figures() -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    """(the stored spread figures, None before any run made them; every unit's kind and
    parent, to count a directive's reach inside a scope)."""
    return _figures(run_key())


@st.cache_data(max_entries=4, show_spinner=False)
def _rumours(key: RunKey) -> tuple[pl.DataFrame, pl.DataFrame]:
    with engine(key.url).connect() as conn:
        return rumours_frame(conn), group_names(conn)


def rumours() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(every rumour with the cell's verdict; group ids and names)."""
    return _rumours(run_key())
