"""Response: how fast registers move from receipt to closure, where SLAs break; alerts funnel."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import sees_alert_details, sees_alerts
from sampark.charts.response import (
    ageing_bars,
    alert_funnel_chart,
    alert_outcome_bars,
    stage_boxes,
    weekly_median,
)
from sampark.i18n import number, percent, signed, t
from sampark.i18n.dates import day_and_time
from sampark.metrics.coverage.totals import CHILD_LEVEL, scope_level, within
from sampark.metrics.response.alerts import (
    MIN_ALERTS,
    alert_failures,
    alert_funnel,
    alert_outcomes,
    alerts_by_level,
)
from sampark.metrics.response.summary import (
    ageing_of,
    child_rows,
    in_units,
    scope_key,
    scope_rows,
)
from sampark.metrics.response.times import MIN_CASES, STAGES
from sampark.safety.escaping import markdown_literal
from sampark.tables import response as response_tables
from sampark.tables.names import unit_label, unit_labels
from ui import auth, charts, downloads, filters, freshness, tables
from ui.loaders import network, response, run
from ui.remembered import answer

user = auth.page_user("response")
lang = filters.current_language()
scope_id = filters.current_scope()
units = network.network().units
profile = run.state_profile()
summary = response.summary(scope_id)
key = scope_key(units, scope_id)
state_key = scope_key(units, None)
sla = profile.response_sla_hours
by_unit = summary.by_unit.filter(pl.col("unit_id") == key)

st.title(t("response_title", lang))
freshness.data_as_of(lang)
scope_name = unit_label(units, scope_id, lang) or t("all", lang)
scope_cases = int(
    summary.breach_counts.filter(pl.col("unit_id") == key).select("entries").sum().item()
)
st.caption(
    t(
        "response_caption",
        lang,
        scope=markdown_literal(scope_name),
        asof=day_and_time(summary.as_of, lang),
        n=number(scope_cases, lang),
        min=MIN_CASES,
    )
)
if summary.as_of is None or scope_cases == 0:
    st.info(t("response_empty", lang), icon=":material/info:")
    st.stop()

scope_q = {r["stage"]: r for r in by_unit.to_dicts()}


def _hours(value: float | None) -> str:
    return "—" if value is None else t("resp_hours_value", lang, h=f"{value:.1f}")


medians = st.columns(len(STAGES))
for col, stage in zip(medians, STAGES, strict=True):
    mine = scope_q[stage]
    delta = None
    if scope_id is not None and mine["median_h"] is not None and mine["baseline_median_h"]:
        diff = t("resp_hours_value", lang, h=signed(mine["median_h"] - mine["baseline_median_h"]))
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
            state=_hours(mine["baseline_median_h"]),
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
        help=t(
            "resp_kpi_within_help", lang, state=percent(scope_q[stage]["baseline_within_sla"], lang)
        ),
    )

charts.chart(stage_boxes, answer(scope_rows, summary.spread, key), sla, lang)

stage_names = {s: t(f"resp_stage_{s}", lang) for s in STAGES}
stage = st.selectbox(
    t("response_stage", lang),
    list(STAGES),
    format_func=stage_names.__getitem__,
    key=f"resp_stage_{lang}",
)
charts.chart(weekly_median, answer(scope_rows, summary.weekly, key), stage, sla.get(stage), lang)

left, right = st.columns([1, 1])
charts.chart(ageing_bars, answer(ageing_of, summary, key), lang, where=left)
categories = response_tables.category_table(scope_rows(summary.by_category, key), stage, lang)
right.subheader(t("response_by_category", lang, stage=stage_names[stage]))
tables.show(categories, lang, where=right)

level = CHILD_LEVEL.get(scope_level(units, scope_id))
if level is not None:
    st.subheader(t("response_units_title", lang, level=t(f"level_{level}", lang)))
    st.caption(t("response_gate_note", lang, min=MIN_CASES))
    rolled = response_tables.unit_table(
        child_rows(summary.by_unit, units, scope_id, level),
        child_rows(summary.breach_counts, units, scope_id, level),
        child_rows(summary.ageing, units, scope_id, level),
        stage,
        lang,
    )
    tables.show(rolled, lang)
    downloads.buttons(rolled, f"response_{level}_{stage}", lang)

st.subheader(t("response_drill_title", lang))
scope_units = within(units, scope_id)
child_units = scope_units.filter(pl.col("kind") == (level or "thana")).sort("name")
names = unit_labels(units, lang)
labels = {u: names.get(u) or u for u in child_units["unit_id"]}
drill = st.selectbox(
    t("response_drill", lang),
    [None, *labels],
    format_func=lambda u: t("all", lang) if u is None else labels[u],
    key=f"resp_drill_{lang}",
)
looked_at = drill or scope_id
drilled_breaches = in_units(summary.breaches, units, looked_at)
tab_breach, tab_old = st.tabs([t("response_breaches_tab", lang), t("response_oldest_tab", lang)])
with tab_breach:
    st.caption(t("response_breaches_note", lang, n=number(drilled_breaches.height, lang)))
    shown = response_tables.breaches_table(drilled_breaches.head(500), units, lang)
    tables.show(shown, lang)
    downloads.buttons(shown, "sla_breaches", lang)
with tab_old:
    oldest = in_units(summary.open, units, looked_at).head(200)
    listed = response_tables.oldest_table(oldest, units, lang)
    tables.show(listed, lang)
    downloads.buttons(listed, "oldest_open", lang)

st.divider()
st.header(t("resp_alerts_title", lang))
if not sees_alerts(user.role):
    st.info(t("alerts_not_role", lang), icon=":material/lock:")
    st.stop()
alerts = response.alerts()
# "Statewide" only to those who see the state; an SP or SHO reads their own scope's name.
# The alerts read are the user's own scope's, whatever the sidebar narrows the rest to.
alerts_scope = unit_label(units, user.scope.root, lang) or t("statewide", lang)
st.caption(
    t(
        "resp_alerts_caption_scope",
        lang,
        scope=markdown_literal(alerts_scope),
        n=number(alerts.height, lang),
        min=MIN_ALERTS,
    )
)
funnel = answer(alert_funnel, alerts, profile)
left, right = st.columns([1, 1])
charts.chart(alert_funnel_chart, funnel, lang, where=left)
charts.chart(alert_outcome_bars, answer(alert_outcomes, alerts), lang, where=right)
funnel_shown = response_tables.funnel_table(funnel, lang)
tables.show(funnel_shown, lang)
downloads.buttons(funnel_shown, "alert_funnel", lang)
st.subheader(t("resp_alerts_failures", lang))
tables.show(response_tables.failures_table(alert_failures(alerts), lang), lang)
if level is not None:
    alert_units = response_tables.alert_unit_table(
        alerts_by_level(alerts, scope_units, level), lang
    )
    st.subheader(t("resp_alerts_units_title", lang, level=t(f"level_{level}", lang)))
    tables.show(alert_units, lang)
    downloads.buttons(alert_units, f"alerts_{level}", lang)

if sees_alert_details(user.role):
    st.subheader(t("alert_details_title", lang))
    st.caption(t("alert_details_note", lang))
    # Read only when asked for, and every read goes to the audit log with the reader's name.
    if st.toggle(t("alert_details_show", lang), key="alert_details_show"):
        details = response.alert_details()
        auth.record("alert_details_viewed", "alerts", f"{details.height} open alerts")
        if details.is_empty():
            st.info(t("alert_details_none", lang), icon=":material/check_circle:")
        else:
            tables.show(response_tables.details_table(details, units, lang), lang)
