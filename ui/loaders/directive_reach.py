"""Cached directive reach per unit for the Districts league, the Drill-down and the brief: the
stored deliveries read once per data version, the figures per level once per minute of the
clock (the 28-day window moves with it)."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import streamlit as st

from sampark.clock import now_ist
from sampark.queries.directive_reach import stored_deliveries
from sampark.spread.tree import unit_ancestors
from sampark.spread.units import DirectiveBrief, directive_brief, group_directive_reach
from sampark.spread.units import unit_directive_reach as per_unit
from ui.loaders.network import network_of
from ui.loaders.run import SCOPES_KEPT, RunKey, engine, run_key


# Shared, not copied on every hit: see ui.loaders.run (a directive's deliveries are a row per
# target group, hundreds of thousands at state scale). Not of a scope: one frame for every
# officer, the reach figures below cut it to theirs.
@st.cache_resource(max_entries=2, show_spinner=False)
def _deliveries(url: str, version: str) -> pl.DataFrame | None:
    with engine(url).connect() as conn:
        return stored_deliveries(conn)


# Shared, not copied on every hit: see ui.loaders.run. An entry per scope in use, level and
# minute of the clock.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _by_level(key: RunKey, level: str, now: datetime) -> pl.DataFrame | None:
    found = _deliveries(key.url, key.version)
    if found is None:
        return None
    if level == "group":
        return group_directive_reach(found, now)
    return per_unit(found, unit_ancestors(network_of(key).units), level, now)


def _now() -> datetime:
    # Issue times are IST, as the register and the chats give them.
    return now_ist().replace(second=0, microsecond=0)


def by_level(level: str) -> pl.DataFrame | None:
    """Directive reach per unit of `level` (or per group), inside the signed-in user's scope;
    None when no run stored spread figures yet."""
    return _by_level(run_key(), level, _now())


def brief(scope_id: str | None, child_level: str) -> DirectiveBrief:
    """The weekly brief's directive section for the scope and its units of `child_level`."""
    key = run_key()
    units = network_of(key).units
    return directive_brief(_deliveries(key.url, key.version), units, scope_id, child_level, _now())
