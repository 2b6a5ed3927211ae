"""Data: uploads, ETL runs and files, rows read/loaded/rejected, and every reject with its
reason."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import number, t
from sampark.metrics.intake import intake_totals
from ui import auth, downloads, filters
from ui.loaders import registry
from ui.upload import held_panel, upload_panel

user = auth.page_user("data")
lang = filters.current_language()
st.title(t("data_title", lang))
# Before the logs are read, so a load made here shows in them at once.
upload_panel(lang)
held_panel(user, lang)

runs, files, rejects = registry.etl_logs()
totals = intake_totals(files)
for col, key in zip(st.columns(len(totals)), totals, strict=True):
    col.metric(t(f"data_{key}", lang), number(totals[key], lang))

st.subheader(t("data_rejects", lang))
choice = st.selectbox(
    t("data_filter_file", lang),
    [None, *rejects["path"].unique().sort()],
    format_func=lambda p: t("all", lang) if p is None else p,
)
shown = rejects if choice is None else rejects.filter(pl.col("path") == choice)
st.dataframe(shown, hide_index=True, width="stretch")
downloads.buttons(shown, "rejects", lang)

st.subheader(t("data_files", lang))
st.dataframe(files, hide_index=True, width="stretch")
downloads.buttons(files, "files", lang)

st.subheader(t("data_runs", lang))
st.dataframe(runs, hide_index=True, width="stretch")
downloads.buttons(runs, "runs", lang)
