"""Sampark dashboard entry: page config, demo bootstrap, sidebar filters, navigation."""

from __future__ import annotations

import streamlit as st

from sampark.i18n import t
from ui import bootstrap, data, filters

st.set_page_config(page_title="Sampark", page_icon=":material/hub:", layout="wide")
lang = filters.language()
bootstrap.ensure_data(lang)
filters.scope(data.network().units, lang)

navigation = st.navigation(
    [
        st.Page(
            "pages/overview.py",
            title=t("page_overview", lang),
            icon=":material/monitoring:",
            default=True,
        ),
        st.Page(
            "pages/districts.py", title=t("page_districts", lang), icon=":material/leaderboard:"
        ),
        st.Page(
            "pages/drilldown.py", title=t("page_drilldown", lang), icon=":material/account_tree:"
        ),
        st.Page("pages/groups.py", title=t("page_groups", lang), icon=":material/groups:"),
        st.Page("pages/response.py", title=t("page_response", lang), icon=":material/timer:"),
        st.Page("pages/data.py", title=t("page_data", lang), icon=":material/database:"),
        st.Page("pages/social.py", title=t("page_social", lang), icon=":material/campaign:"),
    ]
)
navigation.run()
