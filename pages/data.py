"""Data: uploads, ETL runs and files, rows read/loaded/rejected, and every reject with its
reason."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import number, t
from sampark.metrics.intake import intake_totals
from sampark.tables.logs import files_table, rejects_table, runs_table
from sampark.tables.memberships import export_checks_table
from ui import auth, downloads, filters, freshness, tables
from ui.loaders import memberships, network, registry
from ui.upload import held_panel, upload_panel

user = auth.page_user("data")
lang = filters.current_language()
st.title(t("data_title", lang))
freshness.data_as_of(lang)
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
    placeholder=t("choose_placeholder", lang),
)
chosen = rejects if choice is None else rejects.filter(pl.col("path") == choice)
shown = rejects_table(chosen, lang)
tables.show(shown, lang)
downloads.buttons(shown, "rejects", lang)

st.subheader(t("data_files", lang))
files_shown = files_table(files, lang)
tables.show(files_shown, lang)
downloads.buttons(files_shown, "files", lang)

st.subheader(t("chatx_title", lang))
st.caption(t("chatx_caption", lang))
checks = memberships.export_checks()
if checks.is_empty():
    st.info(t("chatx_none", lang), icon=":material/check_circle:")
else:
    checks_shown = export_checks_table(checks, network.network().groups, lang)
    tables.show(checks_shown, lang)
    downloads.buttons(checks_shown, "chat_export_checks", lang)

st.subheader(t("data_runs", lang))
runs_shown = runs_table(runs, lang)
tables.show(runs_shown, lang)
downloads.buttons(runs_shown, "runs", lang)
