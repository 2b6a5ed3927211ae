"""Audit log (admin): sign-ins and failures, alert-detail views, exports, story steps; and the
accounts, read-only (they are managed with `python -m sampark users`)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.clock import local_behind_ist
from sampark.i18n import number, t
from sampark.tables.logs import accounts_table, audit_table, code_label
from ui import auth, downloads, filters, freshness, tables
from ui.loaders import registry

user = auth.page_user("audit")
lang = filters.current_language()
log = registry.audit_log()

st.title(t("audit_title", lang))
freshness.data_as_of(lang)
st.caption(t("audit_caption", lang, n=number(log.height, lang)))
left, right = st.columns(2)
action_names = dict(
    log.select("action", code_label("audit_action_", "action", lang).alias("label"))
    .unique()
    .iter_rows()
)
actions = left.multiselect(
    t("audit_action", lang),
    sorted(action_names, key=lambda a: str(action_names[a])),
    format_func=lambda a: str(action_names[a]),
    placeholder=t("choose_actions_placeholder", lang),
    select_all=False,
    key="audit_actions",
)
who = right.text_input(t("audit_actor", lang), key="audit_who").strip()
shown = log
if actions:
    shown = shown.filter(pl.col("action").is_in(actions))
if who:
    shown = shown.filter(pl.col("actor").str.contains(who, literal=True))
behind = local_behind_ist()
listed = audit_table(shown, lang, behind)
tables.show(listed, lang)
downloads.buttons(listed, "audit_log", lang)

st.subheader(t("audit_users", lang))
st.caption(t("audit_users_note", lang))
accounts = accounts_table(registry.accounts(), lang, behind)
tables.show(accounts, lang)
downloads.buttons(accounts, "accounts", lang)
