"""Cached coverage loaders for the Overview, Districts and Drill-down pages, keyed by the data
version, the state profile and the scope; and the PDFs, made when they are asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import streamlit as st

from sampark.charts.coverage import district_multiples
from sampark.clock import now_utc, today_local
from sampark.content.queue import status_counts
from sampark.content.waiting import waiting_by_step, waiting_stories
from sampark.metrics.coverage.drill import drill_tree, group_table
from sampark.metrics.coverage.history import history_as_of, week_ends, weekly_members
from sampark.metrics.coverage.league import league_table
from sampark.metrics.coverage.overview import Overview, coverage_overview
from sampark.metrics.coverage.totals import scoped, within
from sampark.metrics.response.alerts import alert_funnel
from sampark.metrics.response.summary import in_units
from sampark.queries.network import membership_history
from sampark.reports.brief import BriefParts, brief_html, scope_response
from sampark.reports.compstat import sheet_html
from sampark.reports.pdf import pdf_bytes
from sampark.tables.coverage import actions_table, behind_table
from ui import charts
from ui.loaders import directive_reach, response, stories
from ui.loaders.network import network, network_of
from ui.loaders.run import SCOPES_KEPT, RunKey, engine, profile, run_key, state_profile


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _history(key: RunKey) -> pl.DataFrame:
    with engine(key.url).connect() as conn:
        return membership_history(conn, key.scope)


def history() -> pl.DataFrame:
    """Every membership inside the signed-in user's scope, with its join and exit dates."""
    return _history(run_key())


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _overview(key: RunKey, scope_id: str | None) -> Overview:
    return coverage_overview(network_of(key), _history(key), profile(key.state), scope_id)


def overview(scope_id: str | None) -> Overview:
    """Everything the Overview shows for the scope, computed once per data version."""
    return _overview(run_key(), scope_id)


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _weekly_children(key: RunKey, scope_id: str | None, level: str) -> pl.DataFrame:
    net = scoped(network_of(key), scope_id)
    everything = _history(key)
    hist = everything.join(net.groups.select("group_id"), on="group_id", how="semi")
    as_of = history_as_of(everything) or today_local()
    return weekly_members(net, hist, level, week_ends(as_of))


def weekly_children(scope_id: str | None, level: str) -> pl.DataFrame:
    """Members week by week of each unit of `level` inside the scope."""
    return _weekly_children(run_key(), scope_id, level)


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _tree(key: RunKey, scope_id: str | None) -> pl.DataFrame:
    return drill_tree(scoped(network_of(key), scope_id), profile(key.state))


def tree(scope_id: str | None) -> pl.DataFrame:
    """The drill-down tree below `scope_id`, each unit and group with its coverage."""
    return _tree(run_key(), scope_id)


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _groups(key: RunKey) -> pl.DataFrame:
    return group_table(network_of(key), profile(key.state))


def groups() -> pl.DataFrame:
    """Every group in the scope against its kind's minimum."""
    return _groups(run_key())


def brief_parts(
    scope_id: str | None, alerts_shown: bool, directives_shown: bool = False
) -> BriefParts:
    """The brief's response, alerts and stories figures for the scope, from the pages' own
    loaders; the alerts funnel only for a role that acts on alerts, directive reach only for
    one that sees how directives travelled."""
    units = network().units
    funnel = None
    if alerts_shown:
        funnel = alert_funnel(in_units(response.alerts(), units, scope_id), state_profile())
    queue, steps = stories.stories()
    mine = in_units(queue, units, scope_id)
    return BriefParts(
        response=scope_response(response.summary(scope_id), units, scope_id),
        funnel=funnel,
        stories=status_counts(mine),
        waiting=waiting_by_step(waiting_stories(mine, steps, now_utc())),
        directives=(
            directive_reach.brief(scope_id, overview(scope_id).child_level)
            if directives_shown
            else None
        ),
    )


def brief_maker(
    scope_id: str | None,
    scope_name: str,
    profile_name: str,
    lang: str,
    alerts_shown: bool,
    directives_shown: bool = False,
) -> Callable[[], bytes]:
    """Makes the weekly brief PDF when it is asked for (WeasyPrint takes a moment). What it
    shows is read now, on the page's run, from the cached loaders: the PDF itself is made on a
    server thread that has no session (no script run context), so nothing in `make` may read
    through the signed-in user or call Streamlit."""
    ov = overview(scope_id)
    net = network()
    parts = brief_parts(scope_id, alerts_shown, directives_shown)

    def make() -> bytes:
        # The tables are pure work on what was read above: made here, on the click, not on
        # every run of the page that only draws the button.
        behind = behind_table(ov, lang)
        actions = actions_table(ov.actions, net, lang)
        html = brief_html(
            ov,
            scope_name=scope_name,
            profile_name=profile_name,
            behind=behind,
            actions=actions,
            lang=lang,
            parts=parts,
            raw_actions=ov.actions,
        )
        return pdf_bytes(html)

    return make


def sheet_maker(
    heading: str, measures: pl.DataFrame, items: pl.DataFrame, lang: str
) -> Callable[[], bytes]:
    """Makes the printable district sheet when the reader clicks."""

    def make() -> bytes:
        return pdf_bytes(sheet_html(heading, measures, items, lang))

    return make


def range_multiples(key: RunKey, range_id: str | None, lang: str) -> Any:
    """The small multiples of the range's districts under `key` (forty panels take a while
    to build: draw them with ui/charts.chart, which builds them once per key)."""
    league = league_table(_overview(key, None).children)
    inside = league.join(
        within(network_of(key).units, range_id).select("unit_id"), on="unit_id", how="semi"
    )
    weekly = _weekly_children(key, range_id, "district")
    return district_multiples(weekly, inside.sort("name"), lang)


def draw_multiples(range_id: str | None, lang: str) -> None:
    """The small multiples of the range's districts, drawn."""
    charts.chart(range_multiples, run_key(), range_id, lang)
