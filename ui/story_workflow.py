"""The workflow buttons of a story: vet, approve, post, reject, and the written order."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sampark.access import may_act
from sampark.content.drafts import drafts
from sampark.content.export import LANGS, story_text
from sampark.content.workflow import (
    APPROVER_RANKS,
    APPROVER_ROLES,
    Override,
    WorkflowRefused,
    next_step,
    override_step,
)
from sampark.i18n import t
from sampark.store.stories import StoryChanged
from ui import session, story_writes

FLASH = "social_flash"


def flash(message: str) -> None:
    """A message to show once after the rerun that follows a write."""
    st.session_state[FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _approved_drafts(story: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {code: drafts(text) for code in LANGS if (text := story_text(story, code)) is not None}


def _act(
    story: dict[str, Any],
    findings: list[dict[str, Any]],
    action: str,
    actor: str,
    note: str,
    lang: str,
) -> None:
    order = {"reference": story["override_reference"]} if story.get("override_reference") else None
    try:
        step = next_step(
            int(story["story_id"]),
            str(story["status"]),
            action,
            actor=actor,
            at=story_writes.now(),
            findings=findings,
            override=order,
            note=note,
        )
    except WorkflowRefused as exc:
        st.error(t(exc.key, lang), icon=":material/block:")
        return
    try:
        story_writes.take_step(step, _approved_drafts(story) if action == "approve" else None)
    except StoryChanged:
        st.error(t("wf_story_changed", lang), icon=":material/sync_problem:")
        return
    flash(t("wf_done", lang, id=story["story_id"], step=t(f"step_{step.to_status}", lang)))
    st.rerun()


def workflow_panel(
    story: dict[str, Any], findings: list[dict[str, Any]], actor: str, lang: str
) -> None:
    st.markdown(f"**{t('wf_title', lang)}**")
    status = str(story["status"])
    sid = story["story_id"]
    user = session.current_user()
    role = user.role if user else None
    if not any(may_act(role, a) for a in ("vet", "approve", "post", "reject", "override")):
        st.caption(t("wf_view_only", lang))
        return
    if status == "submitted" and may_act(role, "vet"):
        # A story the guard blocks is vetted only with a reason (kept in history and audit).
        vet_note = (
            st.text_input(t("wf_vet_reason", lang), key=f"vet_reason_{sid}")
            if story.get("blocked")
            else ""
        )
        if st.button(
            t("wf_vet", lang), key=f"vet_{sid}", disabled=not actor, icon=":material/fact_check:"
        ):
            _act(story, findings, "vet", actor, vet_note, lang)
    if (
        status == "vetted"
        and may_act(role, "approve")
        and st.button(
            t("wf_approve", lang),
            key=f"approve_{sid}",
            disabled=not actor,
            type="primary",
            icon=":material/task_alt:",
        )
    ):
        _act(story, findings, "approve", actor, "", lang)
    if status in ("approved", "posted") and may_act(role, "post"):
        url = st.text_input(t("wf_url", lang), key=f"url_{sid}", placeholder="https://x.com/…")
        if st.button(
            t("wf_post", lang), key=f"post_{sid}", disabled=not actor, icon=":material/link:"
        ):
            _act(story, findings, "post", actor, url, lang)
    if status in ("submitted", "vetted", "approved") and may_act(role, "reject"):
        reason = st.text_input(t("wf_reason", lang), key=f"reason_{sid}")
        if st.button(
            t("wf_reject", lang), key=f"reject_{sid}", disabled=not actor, icon=":material/cancel:"
        ):
            _act(story, findings, "reject", actor, reason, lang)
    blocked_open = status in ("submitted", "vetted", "approved") and story.get("blocked")
    if blocked_open and may_act(role, "override"):
        _override_form(story, actor, lang)


def _override_form(story: dict[str, Any], actor: str, lang: str) -> None:
    sid = story["story_id"]
    with st.form(f"override_{sid}"):
        st.markdown(t("wf_override_title", lang))
        reference = st.text_input(
            t("wf_order_reference", lang), max_chars=60, help=t("wf_order_reference_help", lang)
        )
        signatory = st.text_input(t("wf_order_signatory", lang), max_chars=80)
        rank = st.selectbox(
            t("wf_order_rank", lang),
            list(APPROVER_RANKS),
            format_func=lambda r: t(f"rank_{r}", lang),
        )
        role = st.selectbox(
            t("wf_order_role", lang), APPROVER_ROLES, format_func=lambda r: t(f"role_{r}", lang)
        )
        if not st.form_submit_button(t("wf_record_order", lang), disabled=not actor):
            return
    order = Override(reference, signatory, str(rank), str(role))
    user = session.current_user()
    try:
        step = override_step(
            int(sid),
            str(story["status"]),
            order,
            actor=actor,
            role=user.role if user else None,
            at=story_writes.now(),
        )
    except WorkflowRefused as exc:
        st.error(t(exc.key, lang), icon=":material/block:")
        return
    story_writes.record_order(step, order)
    flash(t("wf_done", lang, id=sid, step=t("step_override", lang)))
    st.rerun()
