"""Cached loaders for the Response page: every unit's figures once per data version (stored by
the ETL, or built here when none are stored), then the rows of the scope looked at."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import t
from sampark.metrics.response.snapshot import ResponseSnapshot, summary_from_snapshot
from sampark.metrics.response.summary import ResponseSummary
from sampark.queries import registers as registers_reads
from sampark.queries.registers import alerts_frame
from sampark.store.derived import response_figures
from ui.filters import current_language
from ui.loaders.network import network_of
from ui.loaders.run import (
    SCOPES_KEPT,
    RunKey,
    current_engine,
    engine,
    profile,
    run_key,
    user_scope,
)


# A resource, not data: st.cache_data would copy every unit's figures on every hit, and the
# frames are never changed in place. Keyed by the database, the data version and the state
# only: every user's scope picks its rows from the same figures.
@st.cache_resource(max_entries=2, show_spinner=False)
def _snapshot(url: str, data_version: str, state: str) -> ResponseSnapshot:
    snapshot, _built = response_figures(engine(url), profile(state))
    return snapshot


# Picking a scope's rows filters every breach of the state (~10^5 rows): once per scope.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _summary(key: RunKey, scope_id: str | None) -> ResponseSummary:
    units = network_of(key).units  # the user's units: their scope's and those above it
    snapshot = _snapshot(key.url, key.version, key.state)
    return summary_from_snapshot(snapshot, units, scope_id, key.scope.root)


def summary(scope_id: str | None) -> ResponseSummary:
    """The Response page's figures for `scope_id` and its child level: rows picked from every
    unit's figures, which are worked out once per data version (see `sampark.store.derived`)."""
    key = run_key()
    # Shown only when the figures take long: when no stored ones match the data (see _snapshot).
    with st.spinner(t("response_working_out", current_language())):
        return _summary(key, scope_id)


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _alerts(key: RunKey) -> pl.DataFrame:
    with engine(key.url).connect() as conn:
        return alerts_frame(conn, key.scope)


def alerts() -> pl.DataFrame:
    """Alerts' stage times and outcomes inside the scope (never the restricted columns)."""
    return _alerts(run_key())


def alert_details() -> pl.DataFrame:
    """Who to reach for each open alert in the scope. Never cached: every read is a view the
    audit log records, and the page records it."""
    with current_engine().connect() as conn:
        return registers_reads.alert_details(conn, user_scope())
