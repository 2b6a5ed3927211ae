"""Who is signed in, as this browser session holds it (no widgets here)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import streamlit as st

from sampark.access import SignedIn

USER = "auth_user"
SIGNED_IN_AT = "auth_signed_in_at"
SEEN_AT = "auth_seen_at"


def current_user() -> SignedIn | None:
    held = st.session_state.get(USER)
    return SignedIn(**held) if isinstance(held, dict) else None


def start(user: SignedIn, at: datetime) -> None:
    # Kept as a plain dict: session state must survive reruns and AppTest's copying.
    st.session_state[USER] = asdict(user)
    st.session_state[SIGNED_IN_AT] = at
    st.session_state[SEEN_AT] = at


def end() -> None:
    for key in (USER, SIGNED_IN_AT, SEEN_AT):
        st.session_state.pop(key, None)
