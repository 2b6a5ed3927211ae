"""Directives and rumours: how far each directive travelled down to the groups the state's
rules name (DGP, IG, SP, inside their scope), and the rumours seen across districts with the
police answer's coverage (the social media cell sees only these, and judges and answers them).
Members are counted, never named; no sender is named."""

from __future__ import annotations

import streamlit as st

from sampark.access import judges_rumours, sees_directives
from sampark.i18n import number, t
from sampark.metrics.coverage.totals import scoped
from sampark.tables import spread as spread_tables
from sampark.tables import spread_rumours
from ui import auth, chat_exports, filters, freshness, spread_views
from ui.loaders import network, spread

user = auth.page_user("directives")
lang = filters.current_language()
st.title(t("page_directives", lang))
freshness.data_as_of(lang)
st.caption(t("spread_caption", lang))

parts, units = spread.figures()
stored, groups, titles = spread.rumour_spread()
found = spread.rumours()
scope_id = filters.current_scope()
chain = sees_directives(user.role)
reach = spread_tables.reach_in_scope(parts, units, scope_id) if chain and parts else None
counts = spread_tables.spread_counts(parts, reach, found, units, scope_id)

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
chat_exports.incomplete_note(scoped(network.network(), scope_id).groups, lang)

if chain:
    st.subheader(t("spread_directives_heading", lang))
    if parts is None or reach is None:
        st.info(t("spread_no_figures", lang))
    else:
        spread_views.directive_section(parts, reach, units, titles, scope_id, lang)

st.subheader(t("spread_rumours_heading", lang))
# Names of groups only inside the reader's own scope: an SP reads "another district".
names = spread_rumours.shown_group_names(groups, units, user.scope.root, lang)
hops = parts["hops"] if parts else None
cluster = spread_views.rumour_section(found, stored, hops, names, lang)
if judges_rumours(user.role) and cluster is not None:
    answers = spread_rumours.answer_choices(titles, stored["answers"] if stored else None, lang)
    spread_views.judge_section(user, found, cluster, answers, lang)
