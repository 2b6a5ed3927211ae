"""Audit log (admin): sign-ins and failures, alert-detail views, exports, story steps; and the
accounts, read-only (they are managed with `python -m sampark users`)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import number, t
from ui import auth, downloads, filters
from ui.loaders import registry

user = auth.page_user("audit")
lang = filters.current_language()
log = registry.audit_log()

st.title(t("audit_title", lang))
st.caption(t("audit_caption", lang, n=number(log.height, lang)))
left, right = st.columns(2)
actions = left.multiselect(
    t("audit_action", lang), sorted(log["action"].unique().to_list()), key="audit_actions"
)
who = right.text_input(t("audit_actor", lang), key="audit_who").strip()
shown = log
if actions:
    shown = shown.filter(pl.col("action").is_in(actions))
if who:
    shown = shown.filter(pl.col("actor").str.contains(who, literal=True))
st.dataframe(shown, hide_index=True, width="stretch")
downloads.buttons(shown, "audit_log", lang)

st.subheader(t("audit_users", lang))
st.caption(t("audit_users_note", lang))
accounts = registry.accounts()
st.dataframe(accounts, hide_index=True, width="stretch")
downloads.buttons(accounts, "accounts", lang)
