"""The stories that wait more than a day: the cell sees them all, an officer those waiting for
an action of their role."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import may_act
from sampark.clock import now_utc
from sampark.content.waiting import waiting_stories, waiting_table
from sampark.i18n import number, t


def waiting_panel(view: pl.DataFrame, history: pl.DataFrame, role: str | None, lang: str) -> None:
    waiting = waiting_stories(view, history, now_utc())
    if not may_act(role, "override"):  # not the cell: only what waits for this role
        # The role's actions as a list, not a Python call per row on polars' workers.
        actions = waiting.get_column("next_action").unique().to_list()
        waiting = waiting.filter(
            pl.col("next_action").is_in([a for a in actions if may_act(role, str(a))])
        )
    if not (may_act(role, "override") or any(may_act(role, a) for a in ("vet", "approve", "post"))):
        return
    st.subheader(t("waiting_title", lang))
    if waiting.is_empty():
        st.caption(t("waiting_none", lang))
        return
    key = "waiting_yours_one" if waiting.height == 1 else "waiting_yours"
    st.warning(t(key, lang, n=number(waiting.height, lang)), icon=":material/schedule:")
    st.dataframe(waiting_table(waiting, lang), hide_index=True, width="stretch")
