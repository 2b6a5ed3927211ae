"""Group health: the chats' aggregates and the health report, inside the user's scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from sampark.clock import now_ist
from sampark.metrics.coverage.totals import scoped
from sampark.metrics.groups.activity import Activity, HealthReport, health_report, report_within
from sampark.metrics.groups.freshness import with_export_age
from sampark.queries import chats as chats_reads
from sampark.queries import freshness as freshness_reads
from ui.loaders.network import network_of
from ui.loaders.run import SCOPES_KEPT, RunKey, engine, run_key
from ui.remembered import answer


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def activity_of(key: RunKey) -> Activity:
    with engine(key.url).connect() as conn:
        return chats_reads.activity(conn, key.scope)


def activity() -> Activity:
    """Per-group chat aggregates over the last 30 days of loaded chats, inside the scope."""
    return activity_of(run_key())


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _health(key: RunKey, today: date) -> HealthReport:
    # Keyed by the user's scope only: a sidebar choice filters this, so changing it computes
    # nothing again, and the chat aggregates (large) are not copied out of the cache per run.
    report = health_report(network_of(key), activity_of(key))
    with engine(key.url).connect() as conn:
        exports = freshness_reads.group_exports(conn)
    return replace(report, health=with_export_age(report.health, exports, today))


def group_health(scope_id: str | None) -> HealthReport:
    """Group health and roster-vs-chat findings of the groups at or below `scope_id`; a group
    whose newest export is old is "no recent export" (judged against today, IST)."""
    key = run_key()
    report = _health(key, now_ist().date())
    if scope_id is None:
        return report
    return answer(report_within, report, scoped(network_of(key), scope_id).groups)
