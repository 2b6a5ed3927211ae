"""Response: how fast registers move from receipt to closure, where SLAs break; alerts funnel."""

from __future__ import annotations

import streamlit as st

from sampark.charts_response import (
    ageing_bars,
    alert_funnel_chart,
    alert_outcome_bars,
    stage_boxes,
    weekly_median,
)
from sampark.i18n import number, percent, t
from sampark.metrics.alerts import (
    MIN_ALERTS,
    alert_failures,
    alert_funnel,
    alert_outcomes,
    alerts_by_level,
)
from sampark.metrics.coverage import CHILD_LEVEL, scope_level, within
from sampark.metrics.response import (
    MIN_CASES,
    STAGES,
    ageing,
    ageing_by_level,
    breaches_by_level,
    oldest_open,
    register_reference,
    response_by_category,
    response_by_level,
    response_by_week,
    response_quantiles,
    scoped_entries,
    sla_breaches,
    stage_spread,
)
from ui import data, downloads, filters, response_data, response_tables, tables

lang = filters.current_language()
scope_id = filters.current_scope()
units = data.network().units
profile = data.state_profile()
all_entries = response_data.register_entries()
scope_units = within(units, scope_id)
entries = scoped_entries(all_entries, scope_units)
as_of = register_reference(all_entries)
sla = profile.response_sla_hours

st.title(t("response_title", lang))
scope_name = tables.unit_label(units, scope_id, lang) or t("all", lang)
st.caption(
    t(
        "response_caption",
        lang,
        scope=scope_name,
        asof=as_of.strftime("%d-%m-%Y %H:%M") if as_of else "—",
        n=number(entries.height, lang),
        min=MIN_CASES,
    )
)
if entries.is_empty() or as_of is None:
    st.info(t("response_empty", lang), icon=":material/info:")
    st.stop()

scope_q = {r["stage"]: r for r in response_quantiles(entries, profile, []).to_dicts()}
state_q = {r["stage"]: r for r in response_quantiles(all_entries, profile, []).to_dicts()}


def _hours(value: float | None) -> str:
    return "—" if value is None else t("resp_hours_value", lang, h=f"{value:.1f}")


medians = st.columns(len(STAGES))
for col, stage in zip(medians, STAGES, strict=True):
    mine, base = scope_q[stage], state_q[stage]
    delta = None
    if scope_id is not None and mine["median_h"] is not None and base["median_h"] is not None:
        diff = t("resp_hours_value", lang, h=f"{mine['median_h'] - base['median_h']:+.1f}")
        delta = t("resp_delta_vs_state", lang, d=diff)
    col.metric(
        t("resp_kpi_median_to", lang, stage=t(f"resp_stage_{stage}", lang)),
        _hours(mine["median_h"]),
        delta=delta,
        delta_color="inverse",
        help=t(
            "resp_kpi_median_help",
            lang,
            p90=_hours(mine["p90_h"]),
            state=_hours(base["median_h"]),
            n=number(mine["cases"], lang),
        ),
    )
shares = st.columns(len(STAGES))
for col, stage in zip(shares, STAGES, strict=True):
    col.metric(
        t(
            "resp_kpi_within_sla",
            lang,
            stage=t(f"resp_stage_{stage}", lang),
            h=number(int(sla[stage]), lang),
        ),
        percent(scope_q[stage]["within_sla"], lang),
        help=t("resp_kpi_within_help", lang, state=percent(state_q[stage]["within_sla"], lang)),
    )

st.plotly_chart(stage_boxes(stage_spread(entries), sla, lang), width="stretch")

stage_names = {s: t(f"resp_stage_{s}", lang) for s in STAGES}
stage = st.selectbox(
    t("response_stage", lang), list(STAGES), format_func=stage_names.__getitem__, key="resp_stage"
)
st.plotly_chart(
    weekly_median(response_by_week(entries, profile), stage, sla.get(stage), lang),
    width="stretch",
)

open_now = ageing(entries, as_of)
left, right = st.columns([1, 1])
left.plotly_chart(ageing_bars(open_now, lang), width="stretch")
categories = response_tables.category_table(response_by_category(entries, profile), stage, lang)
right.subheader(t("response_by_category", lang, stage=stage_names[stage]))
right.dataframe(categories, hide_index=True, width="stretch")

breaches = sla_breaches(entries, profile, as_of)
level = CHILD_LEVEL.get(scope_level(units, scope_id))
if level is not None:
    st.subheader(t("response_units_title", lang, level=t(f"level_{level}", lang)))
    st.caption(t("response_gate_note", lang, min=MIN_CASES))
    rolled = response_tables.unit_table(
        response_by_level(entries, scope_units, profile, level),
        breaches_by_level(breaches, entries, scope_units, level),
        ageing_by_level(entries, scope_units, level, as_of),
        stage,
        lang,
    )
    st.dataframe(rolled, hide_index=True, width="stretch")
    downloads.buttons(rolled, f"response_{level}_{stage}", lang)

st.subheader(t("response_drill_title", lang))
child_units = scope_units.filter(scope_units["kind"] == (level or "thana")).sort("name")
labels = {u: tables.unit_label(units, u, lang) or u for u in child_units["unit_id"]}
drill = st.selectbox(
    t("response_drill", lang),
    [None, *labels],
    format_func=lambda u: t("all", lang) if u is None else labels[u],
    key=f"resp_drill_{lang}",
)
drilled = entries if drill is None else scoped_entries(entries, within(units, drill))
drilled_breaches = breaches if drill is None else scoped_entries(breaches, within(units, drill))
tab_breach, tab_old = st.tabs([t("response_breaches_tab", lang), t("response_oldest_tab", lang)])
with tab_breach:
    st.caption(t("response_breaches_note", lang, n=number(drilled_breaches.height, lang)))
    shown = response_tables.breaches_table(drilled_breaches.head(500), units, lang)
    st.dataframe(shown, hide_index=True, width="stretch")
    downloads.buttons(shown, "sla_breaches", lang)
with tab_old:
    oldest = response_tables.oldest_table(oldest_open(drilled, as_of, 200), units, lang)
    st.dataframe(oldest, hide_index=True, width="stretch")
    downloads.buttons(oldest, "oldest_open", lang)

st.divider()
st.header(t("resp_alerts_title", lang))
if not response_data.show_alerts():
    st.info(t("resp_alerts_hidden", lang), icon=":material/lock:")
    st.stop()
alerts = response_data.alerts()
st.caption(t("resp_alerts_caption", lang, n=number(alerts.height, lang), min=MIN_ALERTS))
funnel = alert_funnel(alerts, profile)
left, right = st.columns([1, 1])
left.plotly_chart(alert_funnel_chart(funnel, lang), width="stretch")
right.plotly_chart(alert_outcome_bars(alert_outcomes(alerts), lang), width="stretch")
funnel_shown = response_tables.funnel_table(funnel, lang)
st.dataframe(funnel_shown, hide_index=True, width="stretch")
downloads.buttons(funnel_shown, "alert_funnel", lang)
st.subheader(t("resp_alerts_failures", lang))
st.dataframe(
    response_tables.failures_table(alert_failures(alerts), lang), hide_index=True, width="stretch"
)
if level is not None:
    by_unit = response_tables.alert_unit_table(alerts_by_level(alerts, scope_units, level), lang)
    st.subheader(t("resp_alerts_units_title", lang, level=t(f"level_{level}", lang)))
    st.dataframe(by_unit, hide_index=True, width="stretch")
    downloads.buttons(by_unit, f"alerts_{level}", lang)
