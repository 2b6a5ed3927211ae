"""Directives and rumours: how far each directive travelled down to the groups the state's
rules name (DGP, IG, SP, inside their scope), and the rumours seen across districts (the
social media cell sees only these). Members are counted, never named."""

from __future__ import annotations

import streamlit as st

from sampark.access import sees_directives
from sampark.i18n import number, t
from sampark.tables import spread as spread_tables
from ui import auth, downloads, filters, freshness, tables
from ui.loaders import spread

user = auth.page_user("directives")
lang = filters.current_language()
st.title(t("page_directives", lang))
freshness.data_as_of(lang)
st.caption(t("spread_caption", lang))

parts, units = spread.figures()
found, group_names = spread.rumours()
chain = sees_directives(user.role)
reach = (
    spread_tables.reach_in_scope(parts, units, filters.current_scope())
    if chain and parts is not None
    else None
)
counts = spread_tables.spread_counts(parts, reach, found)

shown = [("spread_rumours", counts.rumours), ("spread_rumours_open", counts.rumours_open)]
if chain:
    shown = [
        ("spread_directives", counts.directives),
        ("spread_reached_all", counts.reached_all),
        ("spread_stalled", counts.stalled),
        *shown,
    ]
for column, (label, value) in zip(st.columns(len(shown)), shown, strict=True):
    column.metric(t(label, lang), number(value, lang))

if chain:
    st.subheader(t("spread_directives_heading", lang))
    if parts is None or reach is None:
        st.info(t("spread_no_figures", lang))
    else:
        listed = spread_tables.directives_table(reach, parts["directives"], lang)
        tables.show(listed, lang)
        downloads.buttons(listed, "directives", lang)

st.subheader(t("spread_rumours_heading", lang))
rumour_rows = spread_tables.rumours_table(found, group_names, lang)
tables.show(rumour_rows, lang)
downloads.buttons(rumour_rows, "rumours", lang)
