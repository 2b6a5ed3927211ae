"""The social cell's cached loaders and its writes (each one transaction, then the cache key
moves on by itself: every write adds a story step)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import streamlit as st

from sampark.access import Scope, SignedIn
from sampark.clock import now_utc
from sampark.content.card import Card, card_png
from sampark.content.intake import Submission, checked_submission, filing_units
from sampark.content.queue import story_queue
from sampark.content.workflow import Override, Step
from sampark.queries import stories as stories_reads
from sampark.queries.network import network
from sampark.queries.registry import data_version
from sampark.queries.stories import all_stories, story_history
from sampark.settings import load_settings
from sampark.store import stories as store_stories
from ui import data


def now() -> datetime:
    """The time a step is taken, as the database stores it (UTC, naive)."""
    return now_utc()


def version() -> str:
    with data.current_engine().connect() as conn:
        return f"{stories_reads.stories_version(conn)}|{data_version(conn)}"


@st.cache_data(max_entries=8, show_spinner=False)
def _stories(url: str, stories_version: str, scope: Scope) -> tuple[pl.DataFrame, pl.DataFrame]:
    del stories_version  # part of the cache key only
    with data.engine(url).connect() as conn:
        units = network(conn, scope).units
        queue = story_queue(all_stories(conn, scope), units)
        return queue, story_history(conn, scope)


def stories() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(the queue: every story in the user's scope with district, guard counts and readiness;
    every step)."""
    return _stories(data.database_url(), version(), data.user_scope())


@st.cache_data(max_entries=256, show_spinner=False)
def card(card: Card) -> bytes:
    return card_png(card)


def media_dir() -> Path:
    return load_settings().data_dir / "media"


def submit(sub: Submission, user: SignedIn) -> int:
    """Save the photos and the story; returns its story_id. The submission passes the core's
    checks first, the unit among them: `user` files only for their own unit or an office below
    it, whatever the form offered (SubmissionRefused otherwise)."""
    allowed = filing_units(user.role, user.unit_id, data.network().units)
    checked_submission(sub, allowed_units=allowed)
    names = store_stories.store_media(media_dir(), sub.photos)
    with data.current_engine().begin() as conn:
        return store_stories.submit_story(conn, sub, names, now())


def take_step(step: Step, drafts: dict[str, dict[str, str]] | None = None) -> None:
    with data.current_engine().begin() as conn:
        if step.action == "post":
            store_stories.record_posted_url(conn, step)
        else:
            store_stories.record_step(conn, step, drafts=drafts)


def record_order(step: Step, order: Override) -> None:
    with data.current_engine().begin() as conn:
        store_stories.record_override(conn, step, order)
