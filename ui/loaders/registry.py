"""What the ETL recorded (runs, files, rejects) and the audit log with the accounts."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import phones_in_text_for
from sampark.queries.accounts import audit_frame, users_frame
from sampark.queries.registry import etl_file_log, etl_run_log, reject_log
from sampark.safety.reject_text import withheld_row_1_in
from ui import session
from ui.loaders.run import current_engine, database_url, engine, version


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=4, show_spinner=False)
def _etl_logs(url: str, data_version: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    # The data version keys the cache: the registry changes exactly when it does.
    with engine(url).connect() as conn:
        runs, files, rejects = etl_run_log(conn), etl_file_log(conn), reject_log(conn)
    # Reasons stored by earlier versions may quote row 1 of a file: those cells stay out.
    return (
        runs,
        files.with_columns(withheld_row_1_in(files.get_column("reason"))),
        rejects.with_columns(withheld_row_1_in(rejects.get_column("reason"))),
    )


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=4, show_spinner=False)
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


def audit_log() -> pl.DataFrame:
    """The newest audit entries; never cached, so the admin sees the latest."""
    with current_engine().connect() as conn:
        return audit_frame(conn)


def accounts() -> pl.DataFrame:
    with current_engine().connect() as conn:
        return users_frame(conn)
