"""Group health's view of one group's members by the chat and roster rule."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import streamlit as st

from sampark.i18n import number, t
from sampark.metrics.groups.activity import WINDOW_DAYS
from sampark.metrics.groups.admins import designated_admin_is_admin
from sampark.tables.memberships import standing_table
from ui import downloads, tables
from ui.loaders.memberships import GroupMembership, group_membership


def show_group_members(
    group_id: str,
    groups: pl.DataFrame,
    names: pl.DataFrame,
    reference: datetime | None,
    role: str | None,
    lang: str,
) -> None:
    """Members now with the source whose account is taken, the chat's joins and exits in the
    window, the designated-admin check, and "incomplete export" beside figures from a cut-off
    chat. `groups`: the network's groups (admin_phone); `names`: the group's roster members
    (phone, name)."""
    found = group_membership(group_id, reference)
    with st.expander(t("chatm_title", lang), expanded=True, icon=":material/group:"):
        _show(found, groups, group_id, names, role, lang)


def _show(
    found: GroupMembership,
    groups: pl.DataFrame,
    group_id: str,
    names: pl.DataFrame,
    role: str | None,
    lang: str,
) -> None:
    st.caption(t("chatm_caption", lang))
    if not found.has_chat:
        st.info(t("chatm_no_chat", lang), icon=":material/info:")
    mark = f" ({t('chatm_incomplete_mark', lang)})" if found.incomplete else ""
    if found.incomplete:
        st.warning(t("chatm_incomplete", lang), icon=":material/content_cut:")
    standing = found.standing
    phones = groups.filter(pl.col("group_id") == group_id).get_column("admin_phone")
    admin_phone = phones.first() if phones.len() else None
    admin, admin_by = designated_admin_is_admin(standing, str(admin_phone) if admin_phone else None)
    cols = st.columns(5)
    members = int(standing.get_column("is_member").sum())
    cols[0].metric(t("chatm_members_now", lang) + mark, number(members, lang))
    cols[1].metric(t("chatm_joins", lang, days=WINDOW_DAYS) + mark, number(found.joins, lang))
    cols[2].metric(t("chatm_exits", lang, days=WINDOW_DAYS) + mark, number(found.exits, lang))
    cols[3].metric(
        t("chatm_disagree", lang),
        number(int(standing.get_column("disagrees").sum()), lang),
        help=t("chatm_disagree_help", lang),
    )
    cols[4].metric(
        t("chatm_admin", lang),
        "—" if admin is None else t("yes" if admin else "no", lang),
        help=_admin_help(admin_by, lang),
    )
    shown = standing_table(standing, names, role, lang)
    tables.show(shown, lang)
    downloads.buttons(shown, f"members_by_chat_{group_id}", lang)


def _admin_help(admin_by: str | None, lang: str) -> str:
    """The admin check's rule, and whose account (roster or chat) this group's answer is."""
    rule = t("chatm_admin_help", lang)
    if admin_by is None:
        return rule
    return f"{rule} {t('chatm_admin_by', lang, source=t(f'chatm_source_{admin_by}', lang))}"
