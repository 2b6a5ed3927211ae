"""Cached loaders: read once per data version, filter in pure code."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa
import streamlit as st

from sampark.access import Scope, phones_in_text_for
from sampark.db import migrate
from sampark.metrics.coverage.totals import Network, scoped
from sampark.metrics.groups.activity import Activity, HealthReport, health_report, report_within
from sampark.queries import chats as chats_reads
from sampark.queries import network as network_reads
from sampark.queries import registry as registry_reads
from sampark.queries.accounts import audit_frame, users_frame
from sampark.queries.network import group_member_list
from sampark.queries.registry import etl_file_log, etl_run_log, reject_log
from sampark.safety.reject_text import withheld_row_1_in
from sampark.settings import load_settings
from sampark.targets import Profile, load_profile
from ui import session


@st.cache_resource
def engine(url: str) -> sa.Engine:
    return migrate(url)


def database_url() -> str:
    return load_settings().database_url


def current_engine() -> sa.Engine:
    return engine(database_url())


def version() -> str:
    """A cheap read that changes whenever the ETL loads a file: the cache key."""
    with current_engine().connect() as conn:
        return registry_reads.data_version(conn)


def user_scope() -> Scope:
    """The signed-in user's scope. Every loader below reads only inside it; with nobody signed
    in the page stops here, before any read."""
    user = session.current_user()
    if user is None:
        st.stop()
    assert user is not None
    return user.scope


@st.cache_data(max_entries=8, show_spinner=False)
def _network(url: str, data_version: str, scope: Scope) -> Network:
    del data_version  # part of the cache key only
    with engine(url).connect() as conn:
        return network_reads.network(conn, scope)


def network() -> Network:
    """Units, groups, members and staff inside the signed-in user's scope."""
    return _network(database_url(), version(), user_scope())


@st.cache_data(max_entries=2, show_spinner=False)
def profile(state: str) -> Profile:
    return load_profile(load_settings().targets_dir, state)


def state_profile() -> Profile:
    return profile(load_settings().state)


@st.cache_data(max_entries=4, show_spinner=False)
def _etl_logs(url: str, data_version: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    del data_version
    with engine(url).connect() as conn:
        runs, files, rejects = (
            etl_run_log(conn),
            etl_file_log(conn),
            reject_log(conn),
        )
    # Reasons stored by earlier versions may quote row 1 of a file: those cells stay out.
    return (
        runs,
        files.with_columns(withheld_row_1_in(files.get_column("reason"))),
        rejects.with_columns(withheld_row_1_in(rejects.get_column("reason"))),
    )


@st.cache_data(max_entries=4, show_spinner=False)
def _etl_logs_for(
    url: str, data_version: str, role: str | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    runs, files, rejects = _etl_logs(url, data_version)
    # A rejected row holds the cells as typed, phones included, and a reason may quote one.
    return (
        runs,
        phones_in_text_for(files, role, ["path", "reason"]),
        phones_in_text_for(rejects, role, ["path", "reason", "raw"]),
    )


def etl_logs() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(runs, files, rejects) as the registry holds them, with the phones in file names,
    reasons and rejected cells masked unless the signed-in role calls members."""
    user = session.current_user()
    return _etl_logs_for(database_url(), version(), user.role if user else None)


@st.cache_data(max_entries=8, show_spinner=False)
def _activity(url: str, data_version: str, scope: Scope) -> Activity:
    del data_version
    with engine(url).connect() as conn:
        return chats_reads.activity(conn, scope)


def activity() -> Activity:
    """Per-group chat aggregates over the last 30 days of loaded chats, inside the scope."""
    return _activity(database_url(), version(), user_scope())


@st.cache_data(max_entries=8, show_spinner=False)
def _health(url: str, data_version: str, scope: Scope) -> HealthReport:
    # Keyed by the user's scope only: a sidebar choice filters this, so changing it computes
    # nothing again, and the chat aggregates (large) are not copied out of the cache per run.
    return health_report(_network(url, data_version, scope), _activity(url, data_version, scope))


def group_health(scope_id: str | None) -> HealthReport:
    """Group health and roster-vs-chat findings of the groups at or below `scope_id`."""
    report = _health(database_url(), version(), user_scope())
    if scope_id is None:
        return report
    return report_within(report, scoped(network(), scope_id).groups)


def group_members(group_id: str) -> pl.DataFrame:
    """One group's open members with full phones (the page masks them by role); nothing when
    the group is outside the user's scope."""
    with current_engine().connect() as conn:
        return group_member_list(conn, user_scope(), group_id)


def audit_log() -> pl.DataFrame:
    """The newest audit entries; never cached, so the admin sees the latest."""
    with current_engine().connect() as conn:
        return audit_frame(conn)


def accounts() -> pl.DataFrame:
    with current_engine().connect() as conn:
        return users_frame(conn)
