"""Coverage drill-down: state → range → district → circle → thana → group, as a treemap coloured
by compliance and as tables ("Kotwali thana group: 143 of 200, needs 57"), each downloadable."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import sees_directives
from sampark.charts.coverage import drill_treemap
from sampark.i18n import t
from sampark.metrics.coverage.totals import Network, scoped
from sampark.safety.escaping import markdown_literal
from sampark.spread.units import WINDOW_DAYS
from sampark.tables import coverage as coverage_tables
from sampark.tables.league_reach import with_reach_texts
from sampark.tables.names import name_in, unit_label
from ui import auth, charts, chat_exports, downloads, filters, freshness, tables
from ui.loaders import coverage, directive_reach, network, run
from ui.remembered import answer

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
charts.chart(drill_treemap, tree, lang)

levels = coverage_tables.drill_levels(tree)
level = st.selectbox(
    t("drill_level", lang),
    levels,
    index=len(levels) - 1,
    format_func=lambda lv: t(f"level_{lv}", lang),
    key=f"drill_level_{lang}",
)


def _drill_table(
    tree: pl.DataFrame,
    net: Network,
    level: str,
    lang: str,
    reach_shown: bool,
    reach: pl.DataFrame | None,
) -> pl.DataFrame:
    if reach_shown:
        tree = with_reach_texts(tree, reach, "id", lang)
    return coverage_tables.drill_table(tree, net, level, lang)


# Directive reach only for the roles that see how directives travelled (DGP, IG, SP).
reach_shown = sees_directives(user.role)
reach = directive_reach.by_level(str(level)) if reach_shown else None
shown = answer(_drill_table, tree, net, str(level), lang, reach_shown, reach)
st.subheader(t("table_units_title", lang, level=t(f"level_{level}", lang)))
tables.show(shown, lang)
if reach_shown:
    st.caption(t("reach_caption", lang, days=WINDOW_DAYS))
    chat_exports.incomplete_note(scoped(net, scope_id).groups, lang)
downloads.buttons(shown, f"drilldown_{level}", lang)
