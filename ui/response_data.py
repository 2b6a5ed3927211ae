"""Cached loaders for the Response page: register entries and alerts, per data version."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark import queries
from sampark.settings import load_settings
from ui.data import database_url, engine, version


@st.cache_data(max_entries=2, show_spinner=False)
def _register_entries(url: str, data_version: str) -> pl.DataFrame:
    del data_version  # part of the cache key only
    with engine(url).connect() as conn:
        return queries.register_entries_frame(conn)


def register_entries() -> pl.DataFrame:
    """Every register entry's unit, category and stage times."""
    return _register_entries(database_url(), version())


@st.cache_data(max_entries=2, show_spinner=False)
def _alerts(url: str, data_version: str) -> pl.DataFrame:
    del data_version
    with engine(url).connect() as conn:
        return queries.alerts_frame(conn)


def alerts() -> pl.DataFrame:
    """Alerts' stage times and outcomes (never the restricted columns)."""
    return _alerts(database_url(), version())


def show_alerts() -> bool:
    """Whether the alerts section is shown (SAMPARK_SHOW_ALERTS) until roles decide it."""
    return load_settings().show_alerts
