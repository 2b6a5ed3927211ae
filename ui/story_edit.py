"""Fixing a story before approval: the edit form (with the "suggest a safe wording" helper)
and the story's versions."""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from sampark.access import may_act
from sampark.content.guard import STORY_FIELDS
from sampark.content.safe_wording import story_safe_wording
from sampark.content.workflow import EDITABLE, WorkflowRefused, edit_step
from sampark.i18n import number, t
from sampark.i18n.dates import long_date
from sampark.store.stories import StoryChanged, StoryEditConflict
from sampark.tables.logs import IST_OFFSET, ist_text
from ui import session, story_writes
from ui.loaders import stories
from ui.story_workflow import flash

_LIMITS = {"title": 300, "body": 5_000, "title_hi": 300, "body_hi": 5_000}


def _key(story_id: int, field: str) -> str:
    return f"edit_{story_id}_{field}"


def _base_key(story_id: int) -> str:
    """The version of the story this session's form was opened on (its save is checked
    against it, so a save made meanwhile by another officer is not overwritten unseen)."""
    return f"edit_base_{story_id}"


def _newest_version(story_id: int) -> int:
    """The story's newest text: 1, as sent up, until its first edit."""
    versions = stories.versions(story_id)
    return 1 if versions.is_empty() else int(versions["version"].max())  # type: ignore[arg-type]


def conflict_text(conflict: StoryEditConflict, lang: str) -> str:
    """Who saved the story first and when (IST), and that this officer's text is kept."""
    at = conflict.written_at + IST_OFFSET
    return t(
        "edit_conflict",
        lang,
        author=conflict.author,
        time=at.strftime("%H:%M"),
        date=long_date(at.date(), lang),
        version=number(conflict.version, lang),
    )


def may_edit(story: dict[str, Any], actor: str, role: str | None) -> bool:
    """The form is offered to the submitter and to a role that vets, until approval
    (`workflow.edit_step` decides again when the form is sent)."""
    mine = bool(actor) and actor == (story.get("submitted_by") or "").strip()
    return str(story["status"]) in EDITABLE and (mine or may_act(role, "vet"))


def edit_panel(story: dict[str, Any], findings: list[dict[str, Any]], lang: str) -> None:
    user = session.current_user()
    actor, role = (user.label, user.role) if user else ("", None)
    if not may_edit(story, actor, role):
        return
    sid = int(story["story_id"])
    with st.expander(t("edit_title", lang), icon=":material/edit:", expanded=bool(findings)):
        st.caption(t("edit_help", lang))
        for field in STORY_FIELDS:
            st.session_state.setdefault(_key(sid, field), story.get(field) or "")
        st.session_state.setdefault(_base_key(sid), _newest_version(sid))
        if st.button(t("edit_suggest", lang), key=f"suggest_{sid}", icon=":material/auto_fix:"):
            texts = {f: story.get(f) for f in STORY_FIELDS}
            safer = story_safe_wording(texts, findings)
            for field, text in safer.items():
                st.session_state[_key(sid, field)] = text
            if safer:
                st.info(t("edit_suggested", lang), icon=":material/info:")
            else:
                st.info(t("edit_nothing_to_suggest", lang), icon=":material/info:")
        with st.form(f"edit_form_{sid}"):
            left, right = st.columns(2)
            for field, where in zip(STORY_FIELDS, (left, left, right, right), strict=True):
                box = where.text_input if field.startswith("title") else where.text_area
                box(t(f"field_{field}", lang), key=_key(sid, field), max_chars=_LIMITS[field])
            sent = st.form_submit_button(t("edit_save", lang), icon=":material/save:")
        if sent:
            _save(story, {f: st.session_state.get(_key(sid, f)) for f in STORY_FIELDS}, lang)


def _save(story: dict[str, Any], texts: dict[str, Any], lang: str) -> None:
    user = session.current_user()
    sid = int(story["story_id"])
    try:
        step = edit_step(
            sid,
            str(story["status"]),
            {f: story.get(f) for f in STORY_FIELDS},
            texts,
            actor=user.label if user else "",
            role=user.role if user else None,
            submitted_by=story.get("submitted_by"),
            at=story_writes.now(),
        )
        version, blocks = story_writes.edit(step, texts, int(st.session_state[_base_key(sid)]))
    except WorkflowRefused as exc:
        st.error(t(exc.key, lang), icon=":material/block:")
        return
    except StoryEditConflict as exc:
        # The officer's text stays in the form; a save made after reading the newer version
        # replaces it knowingly.
        st.session_state[_base_key(sid)] = exc.latest
        st.error(conflict_text(exc, lang), icon=":material/sync_problem:")
        return
    except StoryChanged:
        st.error(t("wf_story_changed", lang), icon=":material/sync_problem:")
        return
    for key in [*(_key(sid, f) for f in STORY_FIELDS), _base_key(sid)]:
        st.session_state.pop(key, None)  # the form shows the saved text on the next run
    flash(t("edit_saved", lang, id=sid, version=number(version, lang), blocks=number(blocks, lang)))
    st.rerun()


def versions_panel(story_id: int, lang: str) -> None:
    versions = stories.versions(story_id)
    if versions.is_empty():
        return
    st.markdown(f"**{t('versions_title', lang)}**")
    title = "title_hi" if lang == "hi" else "title"
    st.dataframe(
        versions.select(
            pl.col("version").alias(t("col_version", lang)),
            pl.col("author").alias(t("col_author", lang)),
            # Kept in UTC like the steps; shown in IST, as the refusal of a late save names it.
            ist_text("written_at", IST_OFFSET).alias(t("col_written_at", lang)),
            pl.coalesce(title, "title", "title_hi").alias(t("col_title", lang)),
            pl.col("blocks").alias(t("col_blocks", lang)),
            pl.col("warns").alias(t("col_warns", lang)),
        ),
        hide_index=True,
        width="stretch",
    )
