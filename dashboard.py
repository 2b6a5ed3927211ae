"""Sampark dashboard entry: page config, demo bootstrap, sign-in, sidebar filters, navigation."""

from __future__ import annotations

import streamlit as st

from sampark.access import pages_for
from sampark.i18n import t
from ui import auth, bootstrap, filters, look
from ui.loaders import network

st.set_page_config(page_title="Sampark", page_icon=":material/hub:", layout="wide")
lang = filters.language()
bootstrap.ensure_data(lang)
user = auth.signed_in(lang)  # nothing below runs for a visitor who has not signed in
auth.sidebar_account(user, lang)

# page id → (file, icon); each role sees only the pages it may open, in this order.
PAGES = {
    "overview": ("pages/overview.py", ":material/monitoring:"),
    "districts": ("pages/districts.py", ":material/leaderboard:"),
    "drilldown": ("pages/drilldown.py", ":material/account_tree:"),
    "groups": ("pages/groups.py", ":material/groups:"),
    "response": ("pages/response.py", ":material/timer:"),
    "social": ("pages/social.py", ":material/campaign:"),
    "directives": ("pages/directives.py", ":material/share:"),
    "data": ("pages/data.py", ":material/database:"),
    "audit": ("pages/audit.py", ":material/policy:"),
}
allowed = pages_for(user.role)
if {"overview", "groups", "response", "districts", "drilldown"} & set(allowed):
    filters.scope(network.network().units, lang)
navigation = st.navigation(
    [
        st.Page(PAGES[page][0], title=t(f"page_{page}", lang), icon=PAGES[page][1])
        for page in allowed
    ]
)
look.apply(lang, navigation.url_path)
navigation.run()
