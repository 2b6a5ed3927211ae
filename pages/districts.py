"""Districts (range IG): districts compared fairly — ranked within size bands, raw counts beside
every rate, small samples unranked — their weekly series, and a one-district CompStat sheet."""

from __future__ import annotations

import streamlit as st

from sampark.i18n import t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.league import MIN_SAMPLE, league_table
from sampark.metrics.coverage.totals import scoped, within
from sampark.safety.escaping import markdown_literal
from sampark.spread.units import WINDOW_DAYS
from sampark.tables import coverage as coverage_tables
from sampark.tables.league_reach import with_reach_texts
from sampark.tables.names import unit_label, unit_labels
from ui import auth, chat_exports, downloads, filters, freshness, tables
from ui.loaders import coverage, directive_reach, network

user = auth.page_user("districts")
lang = filters.current_language()
net = network.network()
st.title(t("districts_title", lang))
freshness.data_as_of(lang)
if net.units.is_empty():
    st.info(t("no_data", lang))
    st.stop()

range_id = filters.current_range()
scope_name = unit_label(net.units, range_id, lang) or t("all", lang)
st.caption(t("districts_caption", lang, scope=markdown_literal(scope_name), min=MIN_SAMPLE))

# Bands and ranks come from every district in the state, so a rank means the same everywhere.
state = coverage.overview(None)
league = league_table(state.children)
inside = within(net.units, range_id).select("unit_id")
league = league.join(inside, on="unit_id", how="semi")

st.subheader(t("league_title", lang))
reach = directive_reach.by_level("district")
shown = coverage_tables.league_display(with_reach_texts(league, reach, "unit_id", lang), lang)
tables.show(shown, lang)
st.caption(t("reach_caption", lang, days=WINDOW_DAYS))
chat_exports.incomplete_note(scoped(net, range_id).groups, lang)
downloads.buttons(shown, "districts_league", lang)

coverage.draw_multiples(range_id, lang)

st.subheader(t("sheet_title", lang))
names = dict(zip(league.get_column("unit_id"), league.get_column("name"), strict=True))
all_labels = unit_labels(net.units, lang)
labels = {u: all_labels.get(u) or u for u in names}
district_id = st.selectbox(
    t("sheet_pick", lang),
    sorted(names, key=lambda u: names[u]),
    format_func=labels.__getitem__,
    key=f"sheet_district_{lang}",
)
if district_id:
    row = league.filter(league.get_column("unit_id") == district_id).row(0, named=True)
    heading = t(
        "sheet_heading", lang, district=labels[district_id], date=long_date(state.as_of, lang)
    )
    shown_heading = t(
        "sheet_heading",
        lang,
        district=markdown_literal(labels[district_id]),
        date=long_date(state.as_of, lang),
    )
    st.markdown(f"**{shown_heading}**")
    measures = coverage_tables.sheet_measures(row, lang)
    tables.show(measures, lang)
    items = coverage_tables.actions_table(
        state.actions.join(
            within(net.units, district_id).select("unit_id"), on="unit_id", how="semi"
        ),
        net,
        lang,
    )
    st.markdown(f"**{t('sheet_open_items', lang)} ({items.height})**")
    tables.show(items, lang, height=260)
    downloads.button(
        t("sheet_download", lang),
        coverage.sheet_maker(heading, measures, items, lang),
        f"compstat_{district_id}_{state.as_of.isoformat()}.pdf",
        "application/pdf",
        icon=":material/print:",
        key=f"sheet_pdf_{lang}",
    )
