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
from ui.loaders.run import RunKey, engine, run_key


@st.cache_resource(max_entries=4, show_spinner=False)
def _figures(key: RunKey) -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    with engine(key.url).connect() as conn:
        return stored_spread(conn), units_frame(conn)


def figures() -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame]:
    """(the stored spread figures, None before any run made them; every unit with its kind,
    parent and names, to count a directive's reach inside a scope and name its units)."""
    return _figures(run_key())


@st.cache_resource(max_entries=4, show_spinner=False)
def _rumour_spread(
    key: RunKey,
) -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame, pl.DataFrame]:
    with engine(key.url).connect() as conn:
        return stored_rumour_spread(conn), rumour_groups(conn), directive_titles(conn)


def rumour_spread() -> tuple[dict[str, pl.DataFrame] | None, pl.DataFrame, pl.DataFrame]:
    """(the rumours' arrivals and the police answers that could be linked, None before a run
    stored them; every group's unit and name; the register's ids and titles)."""
    return _rumour_spread(run_key())


def rumours() -> pl.DataFrame:
    """Every rumour with the cell's verdict and answer, as stored now: not cached, so a verdict
    shows on the next run of the page for every reader."""
    with engine(run_key().url).connect() as conn:
        return rumours_frame(conn)
