"""The sections of the Directives and rumours page: a directive followed down the chain (its
reach curve, its target groups by unit and status, where it stalled), the rumours with their
spread and rebuttal coverage, and the social media cell's verdict and answer."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.access import SignedIn
from sampark.charts import spread as spread_charts
from sampark.i18n import t
from sampark.spread.rumours import REBUTTAL_SCHEMA
from sampark.store.rumours import VERDICTS
from sampark.tables import spread as spread_tables
from sampark.tables import spread_rumours
from ui import downloads, rumour_writes, tables

_SAVED = "spread_saved"


def directive_section(
    parts: dict[str, pl.DataFrame],
    reach: pl.DataFrame,
    units: pl.DataFrame,
    titles: pl.DataFrame,
    scope_id: str | None,
    lang: str,
) -> None:
    """The directives in scope, then one of them followed: reach curve, status by unit and
    the stalled chains."""
    listed = spread_tables.directives_table(reach, parts["directives"], lang)
    tables.show(listed, lang)
    downloads.buttons(listed, "directives", lang)
    keys = reach.get_column("key").to_list()
    if not keys:
        return
    named = dict(titles.select("key", pl.col("title").fill_null("")).iter_rows())
    labels = spread_tables.directive_labels(reach, lang)
    key = st.selectbox(
        t("spread_pick_directive", lang),
        keys,
        format_func=lambda k: f"{labels[k]} · {named[k]}" if named.get(k) else labels[k],
        key=f"spread_directive_{lang}",
    )
    delivered = spread_tables.delivered_in_scope(parts, units, scope_id)
    curve = spread_tables.reach_curve(delivered, key)
    marks = spread_tables.reach_marks(reach, key)
    level = spread_tables.status_level(units, scope_id)
    by_unit = spread_tables.status_by_unit(delivered, units, key, level, lang)
    left, right = st.columns(2)
    left.plotly_chart(spread_charts.reach_curve(curve, marks, lang), width="stretch")
    right.plotly_chart(spread_charts.status_treemap(by_unit, lang), width="stretch")
    st.subheader(t("spread_stalls_heading", lang))
    stalls = spread_tables.stalls_table(parts["stalls"], units, key, scope_id, lang)
    if stalls.is_empty():
        st.info(t("spread_no_stalls", lang))
    else:
        tables.show(stalls, lang)


def rumour_section(
    found: pl.DataFrame,
    stored: dict[str, pl.DataFrame] | None,
    hops: pl.DataFrame | None,
    shown: pl.DataFrame,
    lang: str,
) -> int | None:
    """The rumours with rebuttal coverage, and the spread of the one chosen (returned: the
    cell judges that one)."""
    st.caption(t("spread_coverage_caption", lang))
    if found.is_empty():
        st.info(t("spread_no_rumours", lang))
        return None
    arrivals = stored["arrivals"] if stored else pl.DataFrame()
    coverage = (
        spread_rumours.rebuttals(found, arrivals, stored["answers"], hops)
        if stored is not None and hops is not None
        else pl.DataFrame(schema=REBUTTAL_SCHEMA)
    )
    listed = spread_rumours.rumours_table(found, coverage, shown, lang)
    tables.show(listed, lang)
    downloads.buttons(listed, "rumours", lang)
    choices = spread_rumours.rumour_choices(found, shown, lang)
    cluster = st.selectbox(
        t("spread_pick_rumour", lang),
        list(choices),
        format_func=lambda c: choices[c],
        key=f"spread_rumour_{lang}",
    )
    if stored is not None:
        curve = spread_rumours.rumour_curve(arrivals, str(cluster))
        st.plotly_chart(spread_charts.rumour_spread(curve, lang), width="stretch")
    return int(cluster)


def judge_section(
    user: SignedIn,
    found: pl.DataFrame,
    cluster: int,
    answers: dict[str, str],
    lang: str,
) -> None:
    """The cell's verdict on the chosen rumour and the answer it links; each saved through
    `ui.rumour_writes` (audited), then the page runs again to show it."""
    st.subheader(t("spread_judge_heading", lang))
    saved = st.session_state.pop(_SAVED, None)
    if saved:
        st.success(t(f"spread_saved_{saved}", lang))
    current = found.filter(pl.col("cluster") == cluster).get_column("verdict").to_list()
    verdict = st.radio(
        t("spread_verdict_label", lang),
        VERDICTS,
        index=VERDICTS.index(current[0]) if current and current[0] in VERDICTS else 0,
        format_func=lambda v: t(f"spread_verdict_{v}", lang),
        horizontal=True,
        key=f"spread_verdict_{cluster}",
    )
    if st.button(t("spread_save_verdict", lang), key="spread_save_verdict"):
        rumour_writes.judge(user, cluster, verdict)
        st.session_state[_SAVED] = "verdict"
        st.rerun()
    if not answers:
        st.info(t("spread_no_answers", lang))
        return
    choice = st.selectbox(
        t("spread_answer_label", lang),
        list(answers),
        format_func=lambda a: answers[a],
        key=f"spread_answer_{cluster}",
    )
    if st.button(t("spread_link_answer", lang), key="spread_link_answer"):
        rumour_writes.link(user, cluster, choice)
        st.session_state[_SAVED] = "answer"
        st.rerun()
