"""Cached loaders for the Response page: its per-scope summary and the alerts, per data version."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark import queries
from sampark.metrics.response_summary import ResponseSummary, response_summary
from sampark.settings import load_settings
from sampark.targets import load_profile
from ui.data import database_url, engine, version


@st.cache_data(max_entries=2, show_spinner=False)
def _summary(url: str, data_version: str, state: str) -> ResponseSummary:
    del data_version  # part of the cache key only
    profile = load_profile(load_settings().targets_dir, state)
    with engine(url).connect() as conn:
        units = queries.network(conn).units
        entries = queries.register_entries_frame(conn)
    return response_summary(entries, units, profile)


def summary() -> ResponseSummary:
    """The Response page's figures for every scope, computed once per data version."""
    return _summary(database_url(), version(), load_settings().state)


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
