"""Memberships from the chats for one group, and the chat-export checks, inside the scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import polars as pl
import streamlit as st

from sampark.access import phones_in_text_for
from sampark.metrics.groups.activity import WINDOW_DAYS
from sampark.metrics.groups.standing import group_standing, moves_in_window
from sampark.queries import memberships as reads
from ui import session
from ui.loaders.run import SCOPES_KEPT, RunKey, engine, run_key


@dataclass(frozen=True)
class GroupMembership:
    standing: pl.DataFrame  # one row per person, `STANDING_SCHEMA`
    has_chat: bool  # a chat export of the group is loaded
    incomplete: bool  # every export of the group was cut off at WhatsApp's cap
    joins: int  # in the window ending at the reference
    exits: int


@st.cache_data(max_entries=16, show_spinner=False)
def _group_membership(key: RunKey, group_id: str, reference: datetime | None) -> GroupMembership:
    with engine(key.url).connect() as conn:
        roster, as_of = reads.group_roster(conn, key.scope, group_id)
        spells = reads.chat_spells(conn, key.scope, [group_id])
        incomplete = reads.group_export_incomplete(conn, group_id) if spells.height else False
    end = reference or datetime.max
    joins, exits = moves_in_window(spells, end - timedelta(days=WINDOW_DAYS), end)
    return GroupMembership(
        group_standing(roster, as_of, spells), spells.height > 0, incomplete, joins, exits
    )


def group_membership(group_id: str, reference: datetime | None) -> GroupMembership:
    """Who is in `group_id` now by the chat and roster rule, and the chat's joins and exits
    in the `WINDOW_DAYS` before `reference` (the newest message loaded)."""
    return _group_membership(run_key(), group_id, reference)


@st.cache_data(max_entries=SCOPES_KEPT, show_spinner=False)
def _export_completeness(key: RunKey) -> pl.DataFrame:
    with engine(key.url).connect() as conn:
        return reads.export_completeness(conn, key.scope)


def export_completeness() -> pl.DataFrame:
    """Per group inside the user's scope with a chat loaded: whether every export of it was
    cut off at WhatsApp's cap (group_id, incomplete)."""
    return _export_completeness(run_key())


@st.cache_data(max_entries=8, show_spinner=False)
def _export_checks(key: RunKey, role: str | None) -> pl.DataFrame:
    with engine(key.url).connect() as conn:
        found = reads.export_checks(conn, key.scope)
    # A file's name may hold a phone number (an export named after an unsaved contact).
    return phones_in_text_for(found, role, ["path"])


def export_checks() -> pl.DataFrame:
    """Chat exports inside the scope cut off at WhatsApp's cap or typed in part by an
    unverified phrase; phones in file names masked unless the role calls members."""
    user = session.current_user()
    return _export_checks(run_key(), user.role if user else None)
