"""Sampark's web server: the dashboard (dashboard.py) on Streamlit's server, plus the route
that sets the session cookie. Run it as `streamlit run server.py` (scripts/serve.sh does)."""

from __future__ import annotations

import streamlit as st
from starlette.routing import Route

from sampark.sessions import CLAIM_PATH
from ui.session_route import claim

app = st.App("dashboard.py", routes=[Route(CLAIM_PATH, claim, methods=["POST"])])
