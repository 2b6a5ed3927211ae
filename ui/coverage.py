"""Cached coverage loaders for the Overview, Districts and Drill-down pages, keyed by the data
version, the state profile and the scope; and the PDFs, made when they are asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import streamlit as st

from sampark.access import Scope
from sampark.charts.coverage import district_multiples
from sampark.clock import today_local
from sampark.metrics.coverage.drill import drill_tree, group_table
from sampark.metrics.coverage.history import history_as_of, week_ends, weekly_members
from sampark.metrics.coverage.league import league_table
from sampark.metrics.coverage.overview import Overview, coverage_overview
from sampark.metrics.coverage.totals import scoped, within
from sampark.queries.network import membership_history
from sampark.reports.brief import brief_html
from sampark.reports.compstat import sheet_html
from sampark.reports.pdf import pdf_bytes
from sampark.settings import load_settings
from sampark.tables.coverage import actions_table, behind_table
from ui import data


@st.cache_data(max_entries=8, show_spinner=False)
def _history(url: str, data_version: str, scope: Scope) -> pl.DataFrame:
    del data_version  # part of the cache key only
    with data.engine(url).connect() as conn:
        return membership_history(conn, scope)


def history() -> pl.DataFrame:
    """Every membership inside the signed-in user's scope, with its join and exit dates."""
    return _history(data.database_url(), data.version(), data.user_scope())


@st.cache_data(max_entries=16, show_spinner=False)
def _overview(
    url: str, data_version: str, user: Scope, state: str, scope_id: str | None
) -> Overview:
    del url, data_version, user, state  # the cache key; the loaders below read the same
    return coverage_overview(data.network(), history(), data.state_profile(), scope_id)


def overview(scope_id: str | None) -> Overview:
    """Everything the Overview shows for the scope, computed once per data version."""
    return _overview(
        data.database_url(), data.version(), data.user_scope(), load_settings().state, scope_id
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _weekly_children(
    url: str, data_version: str, user: Scope, scope_id: str | None, level: str
) -> pl.DataFrame:
    del url, data_version, user
    net = scoped(data.network(), scope_id)
    hist = history().join(net.groups.select("group_id"), on="group_id", how="semi")
    as_of = history_as_of(history()) or today_local()
    return weekly_members(net, hist, level, week_ends(as_of))


def weekly_children(scope_id: str | None, level: str) -> pl.DataFrame:
    """Members week by week of each unit of `level` inside the scope."""
    return _weekly_children(data.database_url(), data.version(), data.user_scope(), scope_id, level)


@st.cache_data(max_entries=16, show_spinner=False)
def _tree(
    url: str, data_version: str, user: Scope, state: str, scope_id: str | None
) -> pl.DataFrame:
    del url, data_version, user, state
    return drill_tree(scoped(data.network(), scope_id), data.state_profile())


def tree(scope_id: str | None) -> pl.DataFrame:
    return _tree(
        data.database_url(), data.version(), data.user_scope(), load_settings().state, scope_id
    )


@st.cache_data(max_entries=4, show_spinner=False)
def _groups(url: str, data_version: str, user: Scope, state: str) -> pl.DataFrame:
    del url, data_version, user, state
    return group_table(data.network(), data.state_profile())


def groups() -> pl.DataFrame:
    return _groups(data.database_url(), data.version(), data.user_scope(), load_settings().state)


def brief_maker(
    scope_id: str | None, scope_name: str, profile_name: str, lang: str
) -> Callable[[], bytes]:
    """Makes the weekly brief PDF when it is asked for (WeasyPrint takes a moment). What it
    shows is read now, on the page's run, from the cached loaders: the PDF itself is made on a
    server thread that has no session, so it must not read through the signed-in user."""
    ov = overview(scope_id)
    behind = behind_table(ov, lang)
    actions = actions_table(ov.actions, data.network(), lang)

    def make() -> bytes:
        html = brief_html(
            ov,
            scope_name=scope_name,
            profile_name=profile_name,
            behind=behind,
            actions=actions,
            lang=lang,
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


@st.cache_data(max_entries=16, show_spinner=False)
def _multiples(
    url: str, data_version: str, user: Scope, state: str, range_id: str | None, lang: str
) -> Any:
    del url, data_version, user, state
    league = league_table(overview(None).children)
    inside = league.join(
        within(data.network().units, range_id).select("unit_id"), on="unit_id", how="semi"
    )
    return district_multiples(weekly_children(range_id, "district"), inside.sort("name"), lang)


def multiples(range_id: str | None, lang: str) -> Any:
    """The small multiples of the range's districts (forty panels take a while to build)."""
    return _multiples(
        data.database_url(),
        data.version(),
        data.user_scope(),
        load_settings().state,
        range_id,
        lang,
    )
