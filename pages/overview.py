"""Overview (DGP): the state (or the chosen range/district) against the order's targets, the
change since last week, where the pace leads, who lags and what needs action."""

from __future__ import annotations

import streamlit as st

from sampark.access import sees_alerts, sees_directives
from sampark.charts.coverage import compliance_heatmap, members_by_unit, weekly_progress
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.totals import share
from sampark.reports.brief import projection_text
from sampark.reports.pdf import pdf_unavailable
from sampark.safety.escaping import markdown_literal
from sampark.tables import coverage as coverage_tables
from sampark.tables.names import name_in, unit_label
from ui import auth, charts, downloads, filters, freshness, tables
from ui.loaders import coverage, network, run
from ui.remembered import answer

user = auth.page_user("overview")
lang = filters.current_language()
scope_id = filters.current_scope()
net = network.network()
profile = run.state_profile()

st.title(t("overview_title", lang))
freshness.data_as_of(lang)
if net.units.is_empty():
    st.info(t("no_data", lang))
    st.stop()

ov = coverage.overview(scope_id)
s, w = ov.summary, ov.last_week
profile_name = name_in(lang, profile.name, profile.name_hi)
scope_name = unit_label(net.units, scope_id, lang) or profile_name
st.caption(t("overview_caption", lang, scope=markdown_literal(scope_name), profile=profile_name))
if profile.demo_scale:  # the demo's own profile: its target is the state's scaled to the demo
    st.caption(
        t(
            "demo_target_caption",
            lang,
            target=number(profile.member_target, lang),
            date=long_date(profile.member_target_date, lang),
        )
    )


def _change(key: str) -> str:
    return t("change_week", lang, delta=coverage_tables.signed(s[key] - w[key], lang))


top = st.columns(4)
top[0].metric(
    t("kpi_members", lang),
    number(s["members"], lang),
    _change("members"),
    delta_color="normal" if s["members"] != w["members"] else "off",
    delta_arrow="auto" if s["members"] != w["members"] else "off",
    help=t(
        "kpi_members_help",
        lang,
        target=number(profile.member_target, lang),
        date=profile.member_target_date.isoformat(),
    ),
)
# A profile without a minimum for thana or outpost groups (Rajasthan works by circle) gets no
# "at ≥0" tile for them.
rate_tiles = [
    (t("kpi_groups", lang), "groups_present", "groups_required", "kpi_groups_help"),
    (t("kpi_compliant", lang), "groups_compliant", "groups_required", "kpi_compliant_help"),
    *(
        (t(key, lang, n=profile.min_members[kind]), f"{unit}s_at_target", f"{unit}s", None)
        for key, kind, unit in (
            ("kpi_thanas", "thana_public", "thana"),
            ("kpi_outposts", "outpost_public", "outpost"),
        )
        if profile.min_members.get(kind)
    ),
    (t("kpi_staff", lang), "staff_connected", "staff", "kpi_staff_help"),
]
for col, (label, part, whole, help_key) in zip(
    [*top[1:3], *st.columns(4)],
    rate_tiles,
    strict=False,
):
    col.metric(
        label,
        percent(share(s[part], s[whole]), lang),
        t("of", lang, part=number(s[part], lang), whole=number(s[whole], lang))
        + " · "
        + _change(part),
        delta_color="off",
        delta_arrow="off",
        help=t(help_key, lang) if help_key else None,
    )
last = st.columns(4)
for col, (label_key, key, help_key) in zip(
    [top[3], last[0], last[1]],
    [
        ("kpi_needed", "members_needed", "kpi_needed_help"),
        ("kpi_officers", "groups_short_officers", "kpi_officers_help"),
        ("kpi_blocklisted", "blocklisted_in_public", None),
    ],
    strict=True,
):
    # Fewer is better here; no change gets no arrow.
    moved = s[key] != w[key]
    col.metric(
        t(label_key, lang),
        number(s[key], lang),
        _change(key),
        delta_color="inverse" if moved else "off",
        delta_arrow="auto" if moved else "off",
        help=t(help_key, lang) if help_key else None,
    )

st.caption(t("members_people_caption", lang))

charts.chart(
    weekly_progress, ov.weekly, ov.member_target, profile.member_target_date, ov.projection, lang
)
st.markdown(f"**{projection_text(ov.projection, lang)}**")

if ov.child_level == "district":
    heat = answer(coverage_tables.heat_rows, ov, net, lang)
    # A phone cannot read the grid: narrow screens get the same figures as a table (CSS in
    # ui/look shows one of the two by the screen's width).
    with st.container(key="wide_only_heatmap"):
        charts.chart(compliance_heatmap, heat, lang)
    with st.container(key="narrow_only_heatmap"):
        st.markdown(f"**{t('heatmap_title', lang)}**")
        tables.show(answer(coverage_tables.heat_table, heat, lang), lang)
charts.chart(members_by_unit, ov.children, ov.child_level, lang)

level_name = t(f"level_{ov.child_level}", lang)
st.subheader(t("behind_title", lang, n=ov.behind.height, level=level_name))
st.caption(t("behind_caption", lang, scope=markdown_literal(scope_name)))
behind = answer(coverage_tables.behind_table, ov, lang)
tables.show(behind, lang)

actions = answer(coverage_tables.actions_table, ov.actions, net, lang)
st.subheader(t("actions_title", lang, n=actions.height))
tables.show(actions, lang, height=320)
downloads.buttons(actions, "needs_action", lang)

st.subheader(t("table_units_title", lang, level=level_name))
shown = answer(coverage_tables.coverage_table, ov.children, lang)
tables.show(shown, lang)
downloads.buttons(shown, f"coverage_{ov.child_level}", lang)

cannot = pdf_unavailable()
if cannot:
    st.info(t("brief_unavailable", lang, reason=cannot), icon=":material/picture_as_pdf:")
else:
    downloads.button(
        t("brief_download", lang),
        coverage.brief_maker(
            scope_id,
            scope_name,
            profile_name,
            lang,
            sees_alerts(user.role),
            directives_shown=sees_directives(user.role),
        ),
        f"sampark_brief_{ov.as_of.isoformat()}_{lang}.pdf",
        "application/pdf",
        icon=":material/picture_as_pdf:",
        key=f"brief_{lang}",
        detail=scope_name,
    )
