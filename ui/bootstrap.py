"""An empty database gets the small demo state, built by the real ETL commands, and says so."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import datetime

import streamlit as st

from etl import load
from sampark import queries
from sampark.i18n import number, t
from sampark.settings import PROJECT_ROOT, load_settings
from ui.data import current_engine

_LOCK = threading.Lock()


def _etl(*args: str) -> str:
    """Run `python -m etl …` as its own process, as an office would; stdout on success."""
    done = subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-2000:] or f"etl {args[0]} failed")
    return done.stdout


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
                _etl(
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
                    _etl(
                        "run",
                        "--inbox",
                        str(settings.inbox),
                        "--db",
                        settings.database_url,
                        "--json",
                    )
                )
            except (RuntimeError, json.JSONDecodeError) as exc:
                status.update(state="error")
                st.error(t("demo_failed", lang, error=exc))
                st.stop()
            with current_engine().begin() as conn:
                # The role switcher is offered only on a database the demo built.
                load.record_audit(
                    conn, datetime.now(), "sampark", "demo_built", "database", str(settings.inbox)
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
