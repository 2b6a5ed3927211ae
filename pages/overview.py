"""Overview: the state (or the chosen range/district) against the order's targets."""

from __future__ import annotations

import streamlit as st

from sampark.charts import members_by_unit, progress_to_target
from sampark.i18n import number, percent, t
from sampark.metrics.coverage import CHILD_LEVEL, coverage_by_level, scope_summary, scoped, share
from ui import data, downloads, filters, tables

lang = filters.current_language()
scope_id = filters.current_scope()
net = data.network()
profile = data.state_profile()

st.title(t("overview_title", lang))
if net.units.is_empty():
    st.info(t("no_data", lang))
    st.stop()

s = scope_summary(net, profile, scope_id)
scope_name = tables.unit_label(net.units, scope_id, lang) or (
    profile.name_hi if lang == "hi" else profile.name
)
st.caption(
    t(
        "overview_caption",
        lang,
        scope=scope_name,
        profile=profile.name_hi if lang == "hi" else profile.name,
    )
)

members, target = int(s["members"]), int(s["member_target"])  # type: ignore[call-overload]
cols = st.columns(5)
cols[0].metric(
    t("kpi_members", lang),
    number(members, lang),
    t(
        "kpi_members_delta",
        lang,
        pct=percent(share(members, target), lang),
        target=number(target, lang),
    ),
    delta_color="off",
    delta_arrow="off",
    help=t(
        "kpi_members_help",
        lang,
        target=number(profile.member_target, lang),
        date=profile.member_target_date.isoformat(),
    ),
)
for col, (label, part, whole, help_key) in zip(
    cols[1:],
    [
        (t("kpi_groups", lang), "groups_present", "groups_required", "kpi_groups_help"),
        (
            t("kpi_thanas", lang, n=profile.min_members.get("thana_public", 0)),
            "thanas_at_target",
            "thanas",
            None,
        ),
        (
            t("kpi_outposts", lang, n=profile.min_members.get("outpost_public", 0)),
            "outposts_at_target",
            "outposts",
            None,
        ),
        (t("kpi_staff", lang), "staff_connected", "staff", "kpi_staff_help"),
    ],
    strict=True,
):
    p, w = int(s[part]), int(s[whole])  # type: ignore[call-overload]
    col.metric(
        label,
        percent(share(p, w), lang),
        t("of", lang, part=number(p, lang), whole=number(w, lang)),
        delta_color="off",
        delta_arrow="off",
        help=t(help_key, lang) if help_key else None,
    )
st.caption(f"{t('kpi_blocklisted', lang)}: **{number(int(s['blocklisted_in_public']), lang)}**")  # type: ignore[call-overload]

st.plotly_chart(progress_to_target(members, target, lang), width="stretch")

child = CHILD_LEVEL[str(s["level"])]
children = coverage_by_level(scoped(net, scope_id), profile, child)
st.plotly_chart(members_by_unit(children, child, lang), width="stretch")
st.subheader(t("table_units_title", lang, level=t(f"level_{child}", lang)))
shown = tables.coverage_table(children, lang)
st.dataframe(shown, hide_index=True, width="stretch")
downloads.buttons(shown, f"coverage_{child}", lang)
