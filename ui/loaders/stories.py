"""The social cell's cached loaders: the story queue and history, and the image cards. The
stories' own version keys them beside the data version, so a story step shows at once."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from sampark.content.card import Card, CardImage, card_image, protected_photo
from sampark.content.queue import story_queue
from sampark.queries import stories as stories_reads
from sampark.queries.network import network
from sampark.queries.stories import all_stories, story_history, story_versions_of
from sampark.settings import load_settings
from ui.loaders.run import SCOPES_KEPT, RunKey, current_engine, engine, run_key


def stories_version() -> str:
    """Changes whenever a story is added or takes a step (read on every call: a step taken in
    this run must show in it)."""
    with current_engine().connect() as conn:
        return stories_reads.stories_version(conn)


# Shared, not copied on every hit: see ui.loaders.run.
@st.cache_resource(max_entries=SCOPES_KEPT, show_spinner=False)
def _stories(key: RunKey, steps: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    # `steps` (the stories' version) keys the cache beside the data version in `key`.
    with engine(key.url).connect() as conn:
        units = network(conn, key.scope).units
        queue = story_queue(all_stories(conn, key.scope), units)
        return queue, story_history(conn, key.scope)


def stories() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(the queue: every story in the user's scope with district, guard counts and readiness;
    every step)."""
    return _stories(run_key(), stories_version())


@st.cache_data(max_entries=256, show_spinner=False)
def card(card: Card) -> CardImage:
    """The card and what was done with its photo (the photo's bytes are in the key)."""
    return card_image(card)


@st.cache_data(max_entries=64, show_spinner=False)
def view_photo(photo: bytes) -> tuple[bytes | None, int]:
    """A protected story's photo with faces blurred, for the story view."""
    return protected_photo(photo)


@st.cache_data(max_entries=32, show_spinner=False)
def _versions(key: RunKey, steps: str, story_id: int) -> pl.DataFrame:
    with engine(key.url).connect() as conn:
        return story_versions_of(conn, story_id)


def versions(story_id: int) -> pl.DataFrame:
    """Every text the story had (empty until its first edit); an edit adds a step, so the
    stories' version keys it."""
    return _versions(run_key(), stories_version(), story_id)


def media_dir() -> Path:
    return load_settings().data_dir / "media"
