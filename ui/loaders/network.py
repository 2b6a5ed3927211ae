"""The network inside the signed-in user's scope: units, groups, members and staff."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.metrics.coverage.totals import Network
from sampark.queries import network as network_reads
from ui.loaders.run import SCOPES_KEPT, RunKey, current_engine, engine, run_key, user_scope


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def network_of(key: RunKey) -> Network:
    with engine(key.url).connect() as conn:
        return network_reads.network(conn, key.scope)


def network() -> Network:
    """Units, groups, members and staff inside the signed-in user's scope."""
    return network_of(run_key())


def group_members(group_id: str) -> pl.DataFrame:
    """One group's open members with full phones (the page masks them by role); nothing when
    the group is outside the user's scope."""
    with current_engine().connect() as conn:
        return network_reads.group_member_list(conn, user_scope(), group_id)
