"""An empty database gets the small demo state, built by the real ETL commands, and says so."""

from __future__ import annotations

import json
import threading

import streamlit as st

from etl import load
from etl.process import EtlProcessFailed, etl_stdout
from sampark import queries
from sampark.clock import now_local
from sampark.escaping import markdown_literal
from sampark.i18n import number, t
from sampark.settings import load_settings
from ui.data import current_engine

_LOCK = threading.Lock()


def ensure_data(lang: str) -> None:
    """Build the demo inbox and load it when no unit is in the database yet."""
    with current_engine().connect() as conn:
        if not queries.is_empty(conn):
            return
    with _LOCK:  # two first visitors must not build it twice
        with current_engine().connect() as conn:
            if not queries.is_empty(conn):
                return
        settings = load_settings()
        with st.status(t("building_demo", lang), expanded=True) as status:
            try:
                status.write(t("demo_writing", lang))
                etl_stdout(
                    "demo",
                    "--out",
                    str(settings.inbox / "demo"),
                    "--scale",
                    "small",
                    "--seed",
                    str(settings.demo_seed),
                )
                status.write(t("demo_loading", lang))
                summary = json.loads(
                    etl_stdout(
                        "run",
                        "--inbox",
                        str(settings.inbox),
                        "--db",
                        settings.database_url,
                        "--json",
                    )
                )
            except (EtlProcessFailed, json.JSONDecodeError) as exc:
                status.update(state="error")
                st.error(t("demo_failed", lang, error=markdown_literal(str(exc))))
                st.stop()
            with current_engine().begin() as conn:
                # The role switcher is offered only on a database the demo built.
                load.record_audit(
                    conn, now_local(), "sampark", "demo_built", "database", str(settings.inbox)
                )
            status.update(
                label=t(
                    "demo_done",
                    lang,
                    rows=number(summary["rows_loaded"], lang),
                    rejected=number(summary["rows_rejected"], lang),
                ),
                state="complete",
                expanded=False,
            )
        st.cache_data.clear()
