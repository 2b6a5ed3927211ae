"""Who is acting: the one seam the login will replace.

Until access control lands, the person taking a workflow step types their name in the sidebar;
every step and audit entry records it. The lead replaces `acting_user` with the logged-in user.
"""

from __future__ import annotations

import streamlit as st

from sampark.i18n import t


def acting_user(lang: str) -> str:
    """The acting person's name ("" until one is typed)."""
    name = st.sidebar.text_input(
        t("actor_label", lang),
        key="acting_user",
        placeholder=t("actor_placeholder", lang),
        help=t("actor_help", lang),
    )
    return str(name or "").strip()
