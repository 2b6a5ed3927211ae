"""The Data page's upload: files checked, saved to the inbox, loaded, and the outcome shown."""

from __future__ import annotations

import threading
from datetime import date

import polars as pl
import streamlit as st

from etl.uploads import UploadResult, UploadRunFailed, load_uploads
from sampark.access import sees_phones
from sampark.i18n import t
from sampark.phones import mask_phones_in_text
from sampark.settings import load_settings
from sampark.uploads import SUFFIXES, UploadLimits, checked_upload
from ui import session

# Two officers uploading at once must not run the ETL over the same folder twice over.
_LOCK = threading.Lock()


def results_table(results: list[UploadResult], lang: str, role: str | None) -> pl.DataFrame:
    """One row per uploaded file in the reader's language: name, saved name, result, rows
    and the reason (a refusal worded in `lang`, the ETL's reason as it gave it, any phone in
    it masked unless `role` calls members)."""

    def reason(r: UploadResult) -> str:
        if r.code is not None:
            return t(f"upload_refused_{r.code}", lang, detail=r.reason or "")
        text = r.reason or ""
        return text if sees_phones(role) else mask_phones_in_text(text)

    return pl.DataFrame(
        {
            t("upload_col_file", lang): [r.original for r in results],
            t("upload_col_saved", lang): [r.saved for r in results],
            t("upload_col_status", lang): [t(f"upload_status_{r.status}", lang) for r in results],
            t("data_rows_read", lang): [r.rows_read for r in results],
            t("data_rows_loaded", lang): [r.rows_loaded for r in results],
            t("data_rows_rejected", lang): [r.rows_rejected for r in results],
            t("upload_col_reason", lang): [reason(r) for r in results],
        },
        schema_overrides={t("upload_col_saved", lang): pl.String},
    )


def _counts(results: list[UploadResult]) -> dict[str, int]:
    statuses = [r.status for r in results]
    return {s: statuses.count(s) for s in ("loaded", "skipped", "rejected", "refused")}


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
            results = load_uploads(checked, settings.inbox, settings.database_url, date.today())
        except UploadRunFailed as exc:
            st.error(t("upload_failed", lang), icon=":material/error:")
            st.code(str(exc), language=None, wrap_lines=True)
            return
    # The new run and files show below only when the cached reads are dropped.
    st.cache_data.clear()
    counts = _counts(results)
    done = st.success if counts["refused"] + counts["rejected"] == 0 else st.warning
    done(t("upload_done", lang, **counts), icon=":material/task_alt:")
    user = session.current_user()
    table = results_table(results, lang, user.role if user else None)
    st.dataframe(table, hide_index=True, width="stretch")
