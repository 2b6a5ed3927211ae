"""The story submission form for station and circle users."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from sampark.clock import today_local
from sampark.content.card import category_label
from sampark.content.drafts import CATEGORIES
from sampark.content.intake import (
    PHOTO_MAX_BYTES,
    PHOTO_TYPES,
    Photo,
    Submission,
    submission_problems,
)
from sampark.content.queue import SUBMITTING_KINDS
from sampark.i18n import t
from ui import stories_data
from ui.story_workflow import flash


def submission_form(units: pl.DataFrame, actor: str, lang: str) -> None:
    """Title and body in English and/or Hindi, category, date, unit, photos, submitter."""
    offices = units.filter(pl.col("kind").is_in(SUBMITTING_KINDS)).sort("kind", "name")
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    labels = dict(offices.select("unit_id", name).iter_rows())
    with st.form("story_submit", clear_on_submit=True):
        st.caption(t("sub_help", lang))
        left, right = st.columns(2)
        title = left.text_input(t("sub_title_en", lang), max_chars=300)
        body = left.text_area(t("sub_body_en", lang), height=160)
        title_hi = right.text_input(t("sub_title_hi", lang), max_chars=300)
        body_hi = right.text_area(t("sub_body_hi", lang), height=160)
        a, b, c = st.columns(3)
        category = a.selectbox(
            t("col_category", lang), CATEGORIES, format_func=lambda k: category_label(k, lang)
        )
        day = b.date_input(t("sub_date", lang), value=today_local(), max_value=today_local())
        unit = c.selectbox(
            t("sub_unit", lang), list(labels), format_func=lambda u: labels.get(u, u), index=None
        )
        photos = st.file_uploader(
            t("sub_photos", lang),
            type=sorted(PHOTO_TYPES),
            accept_multiple_files=True,
            max_upload_size=PHOTO_MAX_BYTES // (1024 * 1024),
        )
        st.caption(t("sub_submitter_is", lang, name=actor))
        submitter = actor
        sent = st.form_submit_button(t("sub_button", lang), type="primary", icon=":material/send:")
    if not sent:
        return
    sub = Submission(
        unit_id=str(unit or ""),
        category=str(category),
        story_date=day if isinstance(day, date) else today_local(),
        submitted_by=submitter,
        title=title.strip(),
        body=body.strip(),
        title_hi=title_hi.strip(),
        body_hi=body_hi.strip(),
        photos=tuple(Photo(p.name, p.getvalue()) for p in photos or []),
    )
    problems = submission_problems(sub)
    if problems:
        for problem in problems:
            st.error(t(f"sub_problem_{problem}", lang), icon=":material/error:")
        return
    story_id = stories_data.submit(sub)
    flash(t("sub_done", lang, id=story_id))
    st.rerun()
