"""The Data page's upload: files checked, saved to the inbox, loaded, and the outcome shown."""

from __future__ import annotations

import threading
from pathlib import Path

import polars as pl
import streamlit as st

from sampark.access import SignedIn
from sampark.clock import today_local
from sampark.i18n import number, t
from sampark.inbox import (
    AcceptFailed,
    UploadResult,
    UploadRunFailed,
    accept_held_roster,
    load_uploads,
)
from sampark.queries.registry import held_rosters
from sampark.safety.uploads import SUFFIXES, UploadLimits, checked_upload
from sampark.settings import load_settings
from sampark.store.rosters import SHRINK_PEOPLE
from sampark.tables.uploads import held_table, results_table, upload_banner
from ui import session, tables
from ui.loaders import registry
from ui.loaders.run import current_engine, data_changed

# Two officers uploading at once must not run the ETL over the same folder twice over.
_LOCK = threading.Lock()


def _run_rejects(results: list[UploadResult]) -> pl.DataFrame:
    """The rows the newest run rejected from these uploads (path, line, reason), phones
    masked for the signed-in role, as the Data page lists them."""
    runs, _, rejects = registry.etl_logs()
    saved = [r.saved for r in results if r.saved is not None]
    if runs.is_empty() or not saved:
        return rejects.clear()
    newest = runs.get_column("run_id").max()
    return rejects.filter((pl.col("run_id") == newest) & pl.col("path").is_in(saved))


def upload_panel(lang: str) -> None:
    """The uploader; on submit, the files' checks, the load and the result per file."""
    settings = load_settings()
    limits = UploadLimits(max_bytes=settings.max_upload_mb * 1024 * 1024)
    st.subheader(t("upload_title", lang))
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader(
            t("upload_label", lang, mb=settings.max_upload_mb),
            type=[s.lstrip(".") for s in SUFFIXES],
            accept_multiple_files=True,
            max_upload_size=settings.max_upload_mb,
            help=t("upload_help", lang),
            key="upload_files",
        )
        submitted = st.form_submit_button(t("upload_button", lang), icon=":material/upload:")
    if not (submitted and files):
        return
    checked = [checked_upload(f.name, f.getvalue(), limits) for f in files]
    with _LOCK, st.spinner(t("upload_running", lang, n=len(checked))):
        try:
            results = load_uploads(checked, settings.inbox, settings.database_url, today_local())
        except UploadRunFailed as exc:
            st.error(t("upload_failed", lang), icon=":material/error:")
            st.code(str(exc), language=None, wrap_lines=True)
            return
    # The new run and files show below only when the cached reads and this run's data
    # version are dropped.
    st.cache_data.clear()
    data_changed()
    user = session.current_user()
    role = user.role if user else None
    kind, text = upload_banner(results, _run_rejects(results), lang, role)
    if kind == "success":
        st.success(text, icon=":material/task_alt:")
    else:
        st.warning(text, icon=":material/warning:")
    held = sum(r.status == "held" for r in results)
    if held:
        st.warning(t("upload_held", lang, n=held), icon=":material/pause_circle:")
    table = results_table(results, lang, role)
    tables.show(table, lang)


# --- member lists held for the data officer's confirmation -----------------------------------

# Who may confirm a held list: the roles that run the Data page.
CONFIRMING_ROLES = ("data_officer", "admin")
_NOTICE = "holds_notice"


def _accept(location: str, name: str, actor: str, lang: str) -> None:
    """The button's action, run before the page redraws: load the list as confirmed by
    `actor` in the ETL's own process, and leave the outcome for the page to say."""
    try:
        with _LOCK:
            found = accept_held_roster(Path(location), load_settings().database_url, actor)
    except AcceptFailed as exc:
        st.session_state[_NOTICE] = ("error", t("holds_accept_failed", lang, file=name), str(exc))
        return
    st.cache_data.clear()
    data_changed()
    st.session_state[_NOTICE] = (
        "success",
        t(
            "holds_accepted",
            lang,
            file=name,
            loaded=number(found.get("rows_loaded", 0), lang),
            rejected=number(found.get("rows_rejected", 0), lang),
        ),
        None,
    )


def held_panel(user: SignedIn, lang: str) -> None:
    """The member lists held for confirmation, and for the data officer a button per list
    that loads it; nothing is shown while none is held."""
    notice = st.session_state.pop(_NOTICE, None)
    if notice is not None:
        kind, text, detail = notice
        (st.success if kind == "success" else st.error)(text, icon=":material/task_alt:")
        if detail:
            st.code(detail, language=None, wrap_lines=True)
    with current_engine().connect() as conn:
        held = held_rosters(conn)
    if held.is_empty():
        return
    st.subheader(t("holds_title", lang))
    st.caption(t("holds_caption", lang, people=SHRINK_PEOPLE))
    tables.show(held_table(held, lang), lang)
    if user.role not in CONFIRMING_ROLES:
        st.info(t("holds_not_yours", lang), icon=":material/lock:")
        return
    files = held.unique("file_id", keep="first", maintain_order=True)
    for file_id, name, location in files.select("file_id", "path", "location").rows():
        st.button(
            t("holds_accept", lang, file=name),
            key=f"accept_hold_{file_id}",
            help=t("holds_accept_help", lang),
            icon=":material/fact_check:",
            on_click=_accept,
            args=(location, name, user.label, lang),
        )
