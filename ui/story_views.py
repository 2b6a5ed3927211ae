"""The social cell's story views: guard findings, drafts, card, history, workflow."""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from sampark.content.card import CardImage, alt_text, card_layout_problem, category_label
from sampark.content.drafts import (
    LIMITS,
    MAX_HASHTAGS,
    draft_length,
    draft_problems,
    drafts,
    hashtags_in,
)
from sampark.content.export import LANGS, photo_card, protects_faces, story_text
from sampark.content.guard import STORY_FIELDS, story_findings
from sampark.content.markup import marked_html
from sampark.content.media import story_media
from sampark.i18n import number, t
from sampark.i18n.dates import long_date
from sampark.safety.escaping import markdown_literal as md
from sampark.tables.stories import history_table, story_day, story_district
from ui import downloads, story_edit, tables
from ui.loaders import stories
from ui.story_workflow import workflow_panel


def findings_panel(story: dict[str, Any], findings: list[dict[str, Any]], lang: str) -> None:
    st.markdown(f"**{t('guard_title', lang)}**")
    if story.get("override_reference"):
        st.info(
            t(
                "guard_overridden",
                lang,
                reference=md(story["override_reference"]),
                approver=md(story.get("override_approver") or ""),
                role=md(str(story.get("override_role") or "").upper()),
            ),
            icon=":material/gavel:",
        )
    if not findings:
        st.success(t("guard_none", lang), icon=":material/verified:")
        return
    titles = {f["code"]: t(f["message_key"], lang) for f in findings}
    for f in findings:
        box = st.error if f["level"] == "block" else st.warning
        text = story.get(f["field"]) or ""
        box(
            f"{t('guard_level_' + f['level'], lang)} · {t('field_' + f['field'], lang)}: "
            f"{t(f['message_key'], lang)} — “{md(text[f['start'] : f['end']])}”",
            icon=":material/block:" if f["level"] == "block" else ":material/warning:",
        )
    for field in STORY_FIELDS:
        text = story.get(field)
        if text:
            mine = [f for f in findings if f["field"] == field]
            st.caption(t(f"field_{field}", lang))
            st.html(f'<div style="line-height:1.7">{marked_html(text, mine, titles)}</div>')


def _counter(platform: str, text: str, lang: str) -> str:
    n = number(draft_length(platform, text), lang)
    limit = LIMITS[platform]
    key = "draft_counter_x" if platform == "x" else "draft_counter"
    line = (
        t(key, lang, n=n, limit=number(limit, lang))
        if limit
        else t("draft_counter_nolimit", lang, n=n)
    )
    allowed = MAX_HASHTAGS[platform]
    if allowed:
        line += " · " + t("draft_hashtags", lang, n=len(hashtags_in(text)), max=allowed)
    return line


def drafts_panel(story: dict[str, Any], lang: str) -> None:
    st.markdown(f"**{t('drafts_title', lang)}**")
    if story.get("blocked"):  # no text ready to paste while the guard's block stands
        st.warning(t("withheld_drafts", lang), icon=":material/lock:")
        return
    versions = [(code, story_text(story, code)) for code in LANGS]
    present = [(code, text) for code, text in versions if text is not None]
    if not present:
        st.info(t("drafts_none", lang))
        return
    for tab, (code, text) in zip(
        st.tabs([t(f"lang_{code}", lang) for code, _ in present]), present, strict=True
    ):
        with tab:
            for platform, draft in drafts(text).items():
                key = f"draft_{story['story_id']}_{code}_{platform}"
                edited = st.text_area(
                    t(f"platform_{platform}", lang), value=draft, key=key, height=220
                )
                st.caption(_counter(platform, edited, lang))
                for problem in draft_problems(platform, edited, has_image=True):
                    st.warning(t(f"problem_{problem}", lang), icon=":material/warning:")
                st.code(edited, language=None, wrap_lines=True)


def _photo_note(image: CardImage, protected: bool, lang: str) -> None:
    """What was done with the photo, for the cell to see before posting."""
    if image.photo_left_out:
        st.warning(
            t(f"card_photo_left_out_{image.photo_left_out}", lang), icon=":material/hide_image:"
        )
    elif image.photo_shown and protected:
        st.warning(
            t("card_faces_blurred", lang, n=number(image.faces_blurred, lang)),
            icon=":material/face_retouching_off:",
        )


def card_panel(story: dict[str, Any], lang: str) -> None:
    st.markdown(f"**{t('card_title', lang)}**")
    if story.get("blocked"):
        st.warning(t("withheld_card", lang), icon=":material/lock:")
        media_panel(story, lang)
        return
    if card_layout_problem() is not None:  # the fonts are missing: say so, keep the rest
        st.warning(t("social_cards_unavailable", lang), icon=":material/font_download_off:")
        media_panel(story, lang)
        return
    for code in LANGS:
        text = story_text(story, code)
        if text is None:
            continue
        card = photo_card(story, text, stories.media_dir())
        image = stories.card(card)
        png = image.png
        alt = alt_text(card)
        st.image(png, caption=md(alt), alt=alt, width="stretch")
        _photo_note(image, card.protect_faces, lang)
        downloads.button(
            t("card_download", lang),
            png,
            f"story_{story['story_id']}_{code}.png",
            "image/png",
            key=f"card_{story['story_id']}_{code}",
        )
    media_panel(story, lang)


def media_panel(story: dict[str, Any], lang: str) -> None:
    """The story's photos from the media folder; a finding for each name that is not shown."""
    shown, problems = story_media(stories.media_dir(), story.get("media"))
    for problem in problems:
        st.warning(
            t(f"media_problem_{problem.problem}", lang, name=md(problem.name)),
            icon=":material/broken_image:",
        )
    if not shown:
        return
    st.markdown(f"**{t('photos_title', lang)}**")
    if not protects_faces(story):
        st.image([photo.data for photo in shown], width=160)
        return
    # A story about a sexual offence or a child: its photos are shown here as on the card.
    views = [stories.view_photo(photo.data) for photo in shown]
    blurred = [png for png, _faces in views if png is not None]
    if blurred:
        st.image(blurred, width=160)
        st.caption(
            t("photos_faces_blurred", lang, n=number(sum(faces for _png, faces in views), lang))
        )
    if len(blurred) < len(views):
        st.warning(
            t("photos_left_out", lang, n=number(len(views) - len(blurred), lang)),
            icon=":material/hide_image:",
        )


def history_panel(steps: pl.DataFrame, lang: str) -> None:
    st.markdown(f"**{t('history_title', lang)}**")
    tables.show(history_table(steps, lang), lang)


def story_detail(story: dict[str, Any], steps: pl.DataFrame, actor: str, lang: str) -> None:
    """Everything about one story: findings, drafts, card, history and the workflow buttons."""
    findings = story_findings({f: story.get(f) for f in STORY_FIELDS})
    st.subheader(t("story_header", lang, id=story["story_id"]))
    st.caption(
        " · ".join(
            [
                md(story_district(story, lang)),
                long_date(story_day(story["story_date"]), lang),
                category_label(str(story["category"]), lang),
                t(f"status_{story['status']}", lang),
                t("submitted_by", lang, name=md(story["submitted_by"] or "—")),
            ]
        )
    )
    findings_panel(story, findings, lang)
    story_edit.edit_panel(story, findings, lang)
    story_edit.versions_panel(int(story["story_id"]), lang)
    left, right = st.columns([3, 2])
    with left:
        drafts_panel(story, lang)
    with right:
        card_panel(story, lang)
    history_panel(steps, lang)
    workflow_panel(story, findings, actor, lang)
