"""Loaders for the Directives and rumours page: the spread figures the last run stored, the
units and groups to name them, once per data version; and the rumours with the cell's verdict,
read on every run of the page (a small table that the cell's verdict changes between runs)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.queries.network import units_frame
from sampark.queries.spread import (
    directive_titles,
    rumour_groups,
    rumours_frame,
    stored_rumour_spread,
    stored_spread,
)
from ui.loaders.run import engine, run_key


# Not of a scope: one copy for every officer (the page cuts it to theirs), shared, not copied
# on every hit (see ui.loaders.run).
@st.cache_resource(max_entries=2, show_spinner=False)
def _figures(url: str, version: str) -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    with engine(url).connect() as conn:
        return stored_spread(conn), units_frame(conn)


def figures() -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    """(the stored spread figures, None before any run made them; every unit with its kind,
    parent and names, to count a directive's reach inside a scope and name its units)."""
    key = run_key()
    return _figures(key.url, key.version)


# Not of a scope either: one copy for every officer.
@st.cache_resource(max_entries=2, show_spinner=False)
def _rumour_spread(
    url: str, version: str
) -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame, pl.DataFrame]:
    with engine(url).connect() as conn:
        return stored_rumour_spread(conn), rumour_groups(conn), directive_titles(conn)


def rumour_spread() -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame, pl.DataFrame]:
    """(the rumours' arrivals and the police answers that could be linked, None before a run
    stored them; every group's unit and name; the register's ids and titles)."""
    key = run_key()
    return _rumour_spread(key.url, key.version)


def rumours() -> pl.DataFrame:
    """Every rumour with the cell's verdict and answer, as stored now: not cached, so a verdict
    shows on the next run of the page for every reader."""
    with engine(run_key().url).connect() as conn:
        return rumours_frame(conn)
