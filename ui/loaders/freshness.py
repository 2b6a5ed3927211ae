"""How old the loaded data is, read once per data version."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from sampark.queries import freshness as freshness_reads
from ui.loaders.run import database_url, engine, version


@st.cache_data(max_entries=4, show_spinner=False)
def _newest(url: str, data_version: str) -> datetime | None:
    with engine(url).connect() as conn:
        return freshness_reads.newest_record(conn)


def newest_record() -> datetime | None:
    """The newest record loaded anywhere (IST), or None before any data."""
    return _newest(database_url(), version())
