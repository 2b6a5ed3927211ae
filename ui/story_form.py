"""The story submission form for station and circle users."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from sampark.access import SignedIn
from sampark.clock import today_local
from sampark.content.card import category_label
from sampark.content.drafts import CATEGORIES
from sampark.content.intake import (
    PHOTO_MAX_BYTES,
    PHOTO_TYPES,
    TEXT_MAX_CHARS,
    TITLE_MAX_CHARS,
    Photo,
    Submission,
    SubmissionRefused,
    filing_units,
)
from sampark.i18n import number, t
from sampark.safety.escaping import markdown_literal
from sampark.tables.names import unit_labels
from ui import story_writes
from ui.story_workflow import flash

# The limit each problem names.
_PROBLEM_LIMITS = {"title_too_long": TITLE_MAX_CHARS, "text_too_long": TEXT_MAX_CHARS}


def submission_form(units: pl.DataFrame, user: SignedIn, lang: str) -> None:
    """Title and body in English and/or Hindi, category, date, unit (the user's own or an
    office below it), photos, submitter."""
    actor = user.label
    allowed = filing_units(user.role, user.unit_id, units)
    offices = units.filter(pl.col("unit_id").is_in(list(allowed))).sort("kind", "name")
    if offices.is_empty():
        st.info(t("sub_no_units", lang), icon=":material/info:")
        return
    labels = unit_labels(offices, lang)
    with st.form("story_submit", clear_on_submit=True):
        st.caption(t("sub_help", lang))
        left, right = st.columns(2)
        title = left.text_input(t("sub_title_en", lang), max_chars=TITLE_MAX_CHARS)
        body = left.text_area(t("sub_body_en", lang), height=160, max_chars=TEXT_MAX_CHARS)
        title_hi = right.text_input(t("sub_title_hi", lang), max_chars=TITLE_MAX_CHARS)
        body_hi = right.text_area(t("sub_body_hi", lang), height=160, max_chars=TEXT_MAX_CHARS)
        a, b, c = st.columns(3)
        category = a.selectbox(
            t("col_category", lang), CATEGORIES, format_func=lambda k: category_label(k, lang)
        )
        day = b.date_input(t("sub_date", lang), value=today_local(), max_value=today_local())
        unit = c.selectbox(
            t("sub_unit", lang),
            list(labels),
            format_func=lambda u: labels.get(u, u),
            index=0 if len(labels) == 1 else None,
        )
        photos = st.file_uploader(
            t("sub_photos", lang),
            type=sorted(PHOTO_TYPES),
            accept_multiple_files=True,
            max_upload_size=PHOTO_MAX_BYTES // (1024 * 1024),
        )
        st.caption(t("sub_submitter_is", lang, name=markdown_literal(actor)))
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
    _submit(sub, user, lang)


def _submit(sub: Submission, user: SignedIn, lang: str) -> None:
    """Store the story, or name each limit it broke; a stored story reruns the page."""
    try:
        story_id = story_writes.submit(sub, user)
    except SubmissionRefused as refused:
        for problem in refused.problems:
            limit = _PROBLEM_LIMITS.get(problem, 0)
            st.error(
                t(f"sub_problem_{problem}", lang, n=number(limit, lang)), icon=":material/error:"
            )
        return
    flash(t("sub_done", lang, id=story_id))
    st.rerun()
