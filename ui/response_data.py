"""Cached loaders for the Response page: the prepared entries once per data version and user
scope, then each level's and each looked-at scope's figures as they are first asked for."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark import queries
from sampark.access import Scope
from sampark.metrics.response_summary import (
    LevelFigures,
    ResponseBase,
    ResponseSummary,
    ScopeFigures,
    level_figures,
    response_base,
    scope_figures,
    shown_levels,
    summary_of,
)
from sampark.settings import load_settings
from ui.data import current_engine, database_url, engine, network, profile, user_scope, version


# A resource, not data: st.cache_data would copy ~2M prepared rows on every hit, and the
# frame is never changed in place.
@st.cache_resource(max_entries=2, show_spinner=False)
def _base(url: str, data_version: str, state: str, scope: Scope) -> ResponseBase:
    del data_version  # part of the cache key only
    with engine(url).connect() as conn:
        entries = queries.register_entries_frame(conn, scope)
    return response_base(entries, network().units, profile(state))


@st.cache_data(max_entries=16, show_spinner=False)
def _level(url: str, data_version: str, state: str, scope: Scope, level: str) -> LevelFigures:
    base = _base(url, data_version, state, scope)
    return level_figures(base, network().units, profile(state), level)


@st.cache_data(max_entries=32, show_spinner=False)
def _scope(
    url: str, data_version: str, state: str, scope: Scope, scope_id: str | None
) -> ScopeFigures:
    base = _base(url, data_version, state, scope)
    return scope_figures(base, network().units, profile(state), scope_id)


def summary(units: pl.DataFrame, scope_id: str | None) -> ResponseSummary:
    """The Response page's figures for `scope_id` and its child level, each part computed once
    per data version and user scope."""
    url, data_version, state, scope = database_url(), version(), load_settings().state, user_scope()
    base = _base(url, data_version, state, scope)
    levels = [_level(url, data_version, state, scope, lv) for lv in shown_levels(units, scope_id)]
    return summary_of(base, levels, _scope(url, data_version, state, scope, scope_id))


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
