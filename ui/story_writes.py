"""The social cell's writes: a story submitted, a step taken, an order recorded. Each is one
transaction; the stories' cache key then moves on by itself (every write adds a step)."""

from __future__ import annotations

from datetime import datetime

from sampark.access import SignedIn
from sampark.clock import now_utc
from sampark.content.guard import STORY_FIELDS, story_findings
from sampark.content.intake import Submission, checked_submission, filing_units
from sampark.content.workflow import Override, Step
from sampark.store import stories as store_stories
from ui.loaders import stories
from ui.loaders.network import network
from ui.loaders.run import current_engine


def now() -> datetime:
    """The time a step is taken, as the database stores it (UTC, naive)."""
    return now_utc()


def submit(sub: Submission, user: SignedIn) -> int:
    """Save the photos and the story; returns its story_id. The submission passes the core's
    checks first, the unit among them: `user` files only for their own unit or an office below
    it, whatever the form offered (SubmissionRefused otherwise)."""
    allowed = filing_units(user.role, user.unit_id, network().units)
    checked_submission(sub, allowed_units=allowed)
    names = store_stories.store_media(stories.media_dir(), sub.photos)
    with current_engine().begin() as conn:
        return store_stories.submit_story(conn, sub, names, now())


def take_step(step: Step, drafts: dict[str, dict[str, str]] | None = None) -> None:
    with current_engine().begin() as conn:
        if step.action == "post":
            store_stories.record_posted_url(conn, step)
        else:
            store_stories.record_step(conn, step, drafts=drafts)


def record_order(step: Step, order: Override) -> None:
    with current_engine().begin() as conn:
        store_stories.record_override(conn, step, order)


def edit(step: Step, texts: dict[str, str | None], based_on: int) -> tuple[int, int]:
    """A story's new text (`workflow.edit_step` allowed it), written over version `based_on`
    (StoryEditConflict when another officer saved first): (its version number, the blocks the
    guard finds in it)."""
    with current_engine().begin() as conn:
        version = store_stories.record_edit(conn, step, texts, based_on=based_on)
    findings = story_findings({f: texts.get(f) for f in STORY_FIELDS})
    return version, sum(f["level"] == "block" for f in findings)
