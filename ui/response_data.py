"""Cached loaders for the Response page: its per-scope summary and the alerts, per data version."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark import queries
from sampark.access import Scope
from sampark.metrics.response_summary import ResponseSummary, response_summary
from sampark.settings import load_settings
from sampark.targets import load_profile
from ui.data import current_engine, database_url, engine, user_scope, version


@st.cache_data(max_entries=4, show_spinner=False)
def _summary(url: str, data_version: str, state: str, scope: Scope) -> ResponseSummary:
    del data_version  # part of the cache key only
    profile = load_profile(load_settings().targets_dir, state)
    with engine(url).connect() as conn:
        units = queries.network(conn, scope).units
        entries = queries.register_entries_frame(conn, scope)
    return response_summary(entries, units, profile)


def summary() -> ResponseSummary:
    """The Response page's figures for every unit in the user's scope, once per data version."""
    return _summary(database_url(), version(), load_settings().state, user_scope())


@st.cache_data(max_entries=4, show_spinner=False)
def _alerts(url: str, data_version: str, scope: Scope) -> pl.DataFrame:
    del data_version
    with engine(url).connect() as conn:
        return queries.alerts_frame(conn, scope)


def alerts() -> pl.DataFrame:
    """Alerts' stage times and outcomes inside the scope (never the restricted columns)."""
    return _alerts(database_url(), version(), user_scope())


def alert_details() -> pl.DataFrame:
    """Who to reach for each open alert in the scope. Never cached: every read is a view the
    audit log records, and the page records it."""
    with current_engine().connect() as conn:
        return queries.alert_details(conn, user_scope())
