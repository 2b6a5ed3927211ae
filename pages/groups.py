"""Group health: activity, noise, dormant groups, admins, blocklisted members; drill-down."""

from __future__ import annotations

import streamlit as st

from sampark.access import sees_phones
from sampark.charts.groups import days_since_last_message
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.totals import CHILD_LEVEL, scope_level, scoped
from sampark.metrics.groups.activity import (
    DORMANT_DAYS,
    WINDOW_DAYS,
    health_by_level,
    health_summary,
    health_view,
)
from sampark.metrics.groups.freshness import STALE_EXPORT_DAYS
from sampark.safety.escaping import markdown_literal
from sampark.schema import GROUP_KINDS
from sampark.tables import groups as group_tables
from sampark.tables.names import unit_label, unit_labels
from ui import auth, charts, downloads, filters, freshness, tables
from ui.chat_members import show_group_members
from ui.loaders import groups, network

user = auth.page_user("groups")
lang = filters.current_language()
scope_id = filters.current_scope()
net = scoped(network.network(), scope_id)
report = groups.group_health(scope_id)

st.title(t("groups_title", lang))
freshness.data_as_of(lang)
scope_name = unit_label(net.units, scope_id, lang) or t("all", lang)
reference = long_date(report.reference.date() if report.reference else None, lang)
st.caption(
    t(
        "groups_caption",
        lang,
        scope=markdown_literal(scope_name),
        days=WINDOW_DAYS,
        ref=reference,
        dormant=DORMANT_DAYS,
    )
)
if report.reference is None:
    st.info(t("groups_no_chats", lang), icon=":material/info:")

findings, health = report.findings, report.health
summary = health_summary(health)
# Two rows of three: six side by side cut their labels ("Members active in 30 d…").
cols = [*st.columns(3), *st.columns(3)]
cols[0].metric(t("kpi_groups_total", lang), number(int(summary["groups"] or 0), lang))
cols[1].metric(t("kpi_dormant", lang), number(int(summary["dormant_groups"] or 0), lang))
cols[2].metric(
    t("kpi_active_share", lang, days=WINDOW_DAYS), percent(summary["active_share"], lang)
)
cols[3].metric(
    t("kpi_noise_share", lang),
    percent(summary["noise_share"], lang),
    help=t("kpi_noise_help", lang),
)
cols[4].metric(
    t("kpi_admin_missing", lang), number(int(summary["groups_admin_missing"] or 0), lang)
)
cols[5].metric(
    t("kpi_no_recent_export", lang),
    number(int(summary["no_recent_export"] or 0), lang),
    help=t("kpi_no_recent_export_help", lang, days=STALE_EXPORT_DAYS),
)

charts.chart(days_since_last_message, health, DORMANT_DAYS, lang)

left, right = st.columns([2, 1])
kinds = left.multiselect(
    t("groups_kinds", lang),
    list(GROUP_KINDS),
    format_func=lambda k: t(f"kind_{k}", lang),
    placeholder=t("choose_kinds_placeholder", lang),
    select_all=False,
    key="health_kinds",
)
dormant_only = right.toggle(t("groups_dormant_only", lang), key="health_dormant")
view = health_view(health, kinds=kinds, dormant_only=dormant_only)

level = CHILD_LEVEL.get(scope_level(net.units, scope_id))
if level is not None:
    st.subheader(t("table_units_title", lang, level=t(f"level_{level}", lang)))
    rolled = group_tables.health_level_table(health_by_level(view, net.units, level), lang)
    tables.show(rolled, lang)
    st.caption(t("memberships_caption", lang))
    downloads.buttons(rolled, f"group_health_{level}", lang)

st.subheader(t("page_groups", lang))
labels = {u: label or u for u, label in unit_labels(net.units, lang).items()}
units_with_groups = sorted(view.get_column("unit_id").unique().to_list(), key=labels.__getitem__)
unit = st.selectbox(
    t("groups_drill", lang),
    [None, *units_with_groups],
    format_func=lambda u: t("all", lang) if u is None else labels[u],
    key=f"health_unit_{lang}",
)
picked = health_view(view, unit_id=unit)
shown = group_tables.health_table(picked, lang)
tables.show(shown, lang)
st.caption(t("groups_members_rule", lang, days=WINDOW_DAYS))
cut_off = int(health_summary(picked)["incomplete_exports"] or 0)
if cut_off:
    st.caption(
        t("groups_incomplete_caption", lang, n=number(cut_off, lang), m=number(picked.height, lang))
    )
downloads.buttons(shown, "group_health", lang)

group_names = dict(picked.select("group_id", "name").iter_rows())
group_id = st.selectbox(
    t("members_open", lang),
    [None, *sorted(group_names, key=lambda g: str(group_names[g]))],
    format_func=lambda g: "—" if g is None else str(group_names[g]),
    key="health_members_group",
)
if group_id is not None:
    st.subheader(t("members_title", lang, group=markdown_literal(str(group_names[group_id]))))
    if not sees_phones(user.role):
        st.caption(t("members_masked", lang))
    roster = network.group_members(group_id)
    members = group_tables.members_table(roster, user.role, lang)
    tables.show(members, lang)
    downloads.buttons(members, f"members_{group_id}", lang)
    show_group_members(group_id, net.groups, roster, report.reference, user.role, lang)

with st.expander(
    t("groups_reconcile", lang, n=number(findings.height, lang)), icon=":material/rule:"
):
    st.caption(t("groups_reconcile_help", lang))
    listed = group_tables.findings_table(findings, user.role, lang)
    tables.show(listed, lang)
    downloads.buttons(listed, "roster_vs_chat", lang)
