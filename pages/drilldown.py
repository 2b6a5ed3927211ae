"""Coverage drill-down: state → range → district → circle → thana → group, as a treemap coloured
by compliance and as tables ("Kotwali thana group: 143 of 200, needs 57"), each downloadable."""

from __future__ import annotations

import streamlit as st

from sampark.access import sees_directives
from sampark.charts.coverage import drill_treemap
from sampark.i18n import t
from sampark.safety.escaping import markdown_literal
from sampark.spread.units import WINDOW_DAYS
from sampark.tables import coverage as coverage_tables
from sampark.tables.league_reach import with_reach_texts
from sampark.tables.names import name_in, unit_label
from ui import auth, downloads, filters, freshness, tables
from ui.loaders import coverage, directive_reach, network, run

user = auth.page_user("drilldown")
lang = filters.current_language()
scope_id = filters.current_scope()
net = network.network()
st.title(t("drill_title", lang))
freshness.data_as_of(lang)
if net.units.is_empty():
    st.info(t("no_data", lang))
    st.stop()

profile = run.state_profile()
scope_name = unit_label(net.units, scope_id, lang) or name_in(lang, profile.name, profile.name_hi)
st.caption(t("drill_caption", lang, scope=markdown_literal(scope_name)))

tree = coverage.tree(scope_id)
st.plotly_chart(drill_treemap(tree, lang), width="stretch")

levels = coverage_tables.drill_levels(tree)
level = st.selectbox(
    t("drill_level", lang),
    levels,
    index=len(levels) - 1,
    format_func=lambda lv: t(f"level_{lv}", lang),
    key=f"drill_level_{lang}",
)
# Directive reach only for the roles that see how directives travelled (DGP, IG, SP).
reach_shown = sees_directives(user.role)
if reach_shown:
    tree = with_reach_texts(tree, directive_reach.by_level(str(level)), "id", lang)
shown = coverage_tables.drill_table(tree, net, str(level), lang)
st.subheader(t("table_units_title", lang, level=t(f"level_{level}", lang)))
tables.show(shown, lang)
if reach_shown:
    st.caption(t("reach_caption", lang, days=WINDOW_DAYS))
downloads.buttons(shown, f"drilldown_{level}", lang)
