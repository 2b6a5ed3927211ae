"""Cached loaders for the Response page: every unit's figures once per data version (stored by
the ETL, or built here when none are stored), then the rows of the scope looked at."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import Scope
from sampark.i18n import t
from sampark.metrics.response.snapshot import ResponseSnapshot, summary_from_snapshot
from sampark.metrics.response.summary import ResponseSummary
from sampark.queries import registers as registers_reads
from sampark.queries.registers import alerts_frame
from sampark.settings import load_settings
from sampark.store.derived import response_figures
from ui.data import current_engine, database_url, engine, network, profile, user_scope, version
from ui.filters import current_language


# A resource, not data: st.cache_data would copy every unit's figures on every hit, and the
# frames are never changed in place.
@st.cache_resource(max_entries=2, show_spinner=False)
def _snapshot(url: str, data_version: str, state: str) -> ResponseSnapshot:
    del data_version  # part of the cache key only
    snapshot, _built = response_figures(engine(url), profile(state))
    return snapshot


# Picking a scope's rows filters every breach of the state (~10^5 rows): once per scope.
@st.cache_resource(max_entries=32, show_spinner=False)
def _summary(
    url: str, data_version: str, state: str, root: str | None, scope_id: str | None
) -> ResponseSummary:
    units = network().units  # the user's units: their scope's and those above it
    snapshot = _snapshot(url, data_version, state)
    return summary_from_snapshot(snapshot, units, scope_id, root)


def summary(scope_id: str | None) -> ResponseSummary:
    """The Response page's figures for `scope_id` and its child level: rows picked from every
    unit's figures, which are worked out once per data version (see etl/derived.py)."""
    url, data_version, state = database_url(), version(), load_settings().state
    # Shown only when the figures take long: when no stored ones match the data (see _snapshot).
    with st.spinner(t("response_working_out", current_language())):
        return _summary(url, data_version, state, user_scope().root, scope_id)


@st.cache_data(max_entries=4, show_spinner=False)
def _alerts(url: str, data_version: str, scope: Scope) -> pl.DataFrame:
    del data_version
    with engine(url).connect() as conn:
        return alerts_frame(conn, scope)


def alerts() -> pl.DataFrame:
    """Alerts' stage times and outcomes inside the scope (never the restricted columns)."""
    return _alerts(database_url(), version(), user_scope())


def alert_details() -> pl.DataFrame:
    """Who to reach for each open alert in the scope. Never cached: every read is a view the
    audit log records, and the page records it."""
    with current_engine().connect() as conn:
        return registers_reads.alert_details(conn, user_scope())
