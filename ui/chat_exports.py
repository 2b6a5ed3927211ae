"""The note a page shows when figures it draws from the chats rest on incomplete exports."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.i18n import number, t
from sampark.metrics.groups.freshness import incomplete_exports_among
from ui.loaders.memberships import export_completeness


def incomplete_note(groups: pl.DataFrame, lang: str) -> None:
    """Says how many of `groups` (the ones the reader sees) have a chat loaded only from
    exports WhatsApp cut off at its cap; nothing when none has."""
    cut_off, with_chat = incomplete_exports_among(export_completeness(), groups)
    if cut_off:
        st.caption(
            t("chatx_incomplete_note", lang, n=number(cut_off, lang), m=number(with_chat, lang))
        )
