"""The line every page opens with: how old its data is."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from sampark.i18n import t
from sampark.i18n.dates import long_date
from ui.loaders import freshness


def as_of_text(newest: datetime | None, lang: str) -> str:
    """ "Data as of 1 Nov 2026, 18:40 (IST), …" for the newest record (a dash-free sentence
    when nothing is loaded)."""
    if newest is None:
        return t("data_as_of_none", lang)
    when = f"{long_date(newest.date(), lang)}, {newest:%H:%M}"
    return t("data_as_of", lang, date=when)


def data_as_of(lang: str) -> None:
    """The data's age above the page, on every page."""
    st.caption(as_of_text(freshness.newest_record(), lang), help=None)
