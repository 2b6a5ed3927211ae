"""An empty database gets the small demo state, built by the real ETL in its own process into
a folder and a database of its own, and says so."""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from sampark.i18n import number, t
from sampark.inbox import DemoBuildFailed, build_demo_database
from sampark.queries.demo import is_empty
from sampark.safety.escaping import markdown_literal
from sampark.settings import load_settings
from ui.loaders.run import current_engine, data_changed, database_url

_LOCK = threading.Lock()


@st.cache_resource
def _filled() -> set[str]:
    """The databases this server has seen hold something. A database is emptied by no one but
    a test, so once seen filled it needs no emptiness check on every rerun (one database round
    trip less per click)."""
    return set()


def _holds_files(inbox: Path) -> bool:
    """Whether the real inbox holds any file (hidden ones and Excel lock files aside)."""
    if not inbox.is_dir():
        return False
    return any(p.is_file() and not p.name.startswith((".", "~$")) for p in inbox.rglob("*"))


def ensure_data(lang: str) -> None:
    """Build the demo database when the database holds nothing yet (no unit, file or account)
    and no real file waits in the inbox: a deployment with real sheets on disk is not a demo,
    and gets no door without a password, not even onto synthetic data.

    The demo loads only the files it writes into its own folder (never the inbox) and records
    their hashes (`python -m etl demo-db`, run by `sampark.inbox`)."""
    url = database_url()
    if url in _filled():
        return
    with current_engine().connect() as conn:
        if not is_empty(conn):
            _filled().add(url)
            return
    settings = load_settings()
    if _holds_files(settings.inbox):
        st.info(t("demo_not_built_inbox", lang), icon=":material/inventory_2:")
        return
    with _LOCK:  # two first visitors must not build it twice
        with current_engine().connect() as conn:
            if not is_empty(conn):
                return
        with st.status(t("building_demo", lang), expanded=True) as status:
            try:
                status.write(t("demo_own_files", lang))
                summary = build_demo_database(
                    settings.demo_inbox, settings.demo_seed, settings.database_url
                )
            except DemoBuildFailed as exc:
                status.update(state="error")
                st.error(t("demo_failed", lang, error=markdown_literal(str(exc))))
                st.stop()
            data_changed()
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
