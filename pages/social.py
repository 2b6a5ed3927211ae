"""Social media cell: today's ready queue, every story's drafts, card, guard findings, history
and workflow; the submission form; bulk export of approved stories."""

from __future__ import annotations

import streamlit as st

from sampark.access import may_act
from sampark.content.card import card_layout_problem, category_label
from sampark.content.drafts import CATEGORIES
from sampark.content.export import cards_zip, export_csv, exportable
from sampark.content.queue import ready_queue, status_counts, stories_view
from sampark.content.workflow import STATUSES
from sampark.i18n import number, t
from sampark.safety.escaping import markdown_literal
from sampark.tables.names import unit_label
from sampark.tables.stories import district_names, story_labels, story_table
from ui import (
    auth,
    downloads,
    filters,
    freshness,
    story_views,
    story_waiting,
    story_workflow,
    tables,
)
from ui.loaders import network, stories
from ui.story_form import submission_form

user = auth.page_user("social")
lang = filters.current_language()
actor = user.label  # every step and audit entry names the signed-in user
units = network.network().units
scope_id = filters.current_scope()
queue, history = stories.stories()
scoped = stories_view(queue, units, scope_id=scope_id)

st.title(t("social_title", lang))
freshness.data_as_of(lang)
# Without the card fonts no card can be drawn: said once here, the drafts, queue, copy boxes
# and the CSV still work.
cards_drawn = card_layout_problem() is None
if not cards_drawn:
    st.warning(t("social_cards_unavailable", lang), icon=":material/font_download_off:")
st.caption(
    t(
        "social_caption",
        lang,
        scope=markdown_literal(unit_label(units, scope_id, lang) or t("all", lang)),
    )
)
story_workflow.show_flash()
counts = status_counts(scoped)
for col, key in zip(
    st.columns(5), ("approved", "vetted", "submitted", "blocked", "posted"), strict=True
):
    col.metric(t(f"kpi_stories_{key}", lang), number(counts[key], lang))

tab_queue, tab_submit, tab_export = st.tabs(
    [t("tab_queue", lang), t("tab_submit", lang), t("tab_export", lang)]
)

with tab_queue:
    st.subheader(t("ready_title", lang))
    ready = ready_queue(scoped)
    if ready.is_empty():
        st.info(t("ready_none", lang), icon=":material/inbox:")
    else:
        tables.show(story_table(ready, lang), lang)

    st.subheader(t("all_stories_title", lang))
    districts_of = district_names(scoped, lang)
    a, b, c, d, e = st.columns(5)
    districts = a.multiselect(
        t("district", lang),
        sorted(districts_of),
        format_func=lambda u: districts_of[u] or u,
        key="social_districts",
        placeholder=t("social_any", lang),
        select_all=False,
    )
    categories = b.multiselect(
        t("col_category", lang),
        CATEGORIES,
        format_func=lambda k: category_label(k, lang),
        key="social_categories",
        placeholder=t("social_any", lang),
        select_all=False,
    )
    statuses = c.multiselect(
        t("col_status", lang),
        STATUSES,
        format_func=lambda s: t(f"status_{s}", lang),
        key="social_statuses",
        placeholder=t("social_any", lang),
        select_all=False,
    )
    # Day first, as every Indian form and this dashboard's tables write a date.
    since = d.date_input(
        t("filter_since", lang), value=None, key="social_since", format="DD/MM/YYYY"
    )
    until = e.date_input(
        t("filter_until", lang), value=None, key="social_until", format="DD/MM/YYYY"
    )
    view = stories_view(
        scoped,
        units,
        districts=districts,
        categories=categories,
        statuses=statuses,
        since=since,
        until=until,
    )
    st.caption(t("stories_found", lang, n=number(view.height, lang)))
    tables.show(story_table(view, lang), lang)

    labels = story_labels(view, lang)
    chosen = st.selectbox(
        t("story_open", lang), list(labels), format_func=labels.__getitem__, key="social_story"
    )
    if chosen is not None:
        st.divider()
        story_views.story_detail(
            view.filter(story_id=chosen).row(0, named=True),
            history.filter(story_id=chosen),
            actor,
            lang,
        )
    st.divider()
    story_waiting.waiting_panel(scoped, history, user.role, lang)

with tab_submit:
    if may_act(user.role, "submit"):
        submission_form(units, user, lang)
    else:
        st.info(t("sub_not_role", lang), icon=":material/info:")

with tab_export:
    ready = ready_queue(scoped)
    approved = exportable(ready)  # none the guard blocks leaves in a CSV or a card
    if ready.height > approved.height:
        st.warning(
            t("export_blocked_left_out", lang, n=number(ready.height - approved.height, lang)),
            icon=":material/lock:",
        )
    if approved.is_empty():
        st.info(t("export_none", lang), icon=":material/inbox:")
    else:
        st.caption(t("export_caption", lang, n=number(approved.height, lang)))
        left, right = st.columns(2)
        exported = f"{approved.height} stories"
        downloads.button(
            t("export_csv", lang),
            lambda: export_csv(approved),
            "approved_stories.csv",
            "text/csv",
            key="export_csv",
            detail=exported,
            where=left,
        )
        if cards_drawn:
            downloads.button(
                t("export_zip", lang),
                lambda: cards_zip(approved, stories.media_dir()),
                "approved_cards.zip",
                "application/zip",
                key="export_zip",
                detail=exported,
                icon=":material/folder_zip:",
                where=right,
            )
        else:
            right.caption(t("social_cards_unavailable", lang))
