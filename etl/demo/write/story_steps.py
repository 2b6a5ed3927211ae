"""The demo's stories at every step of the workflow, so the social media cell has work to do.

The stories sheets send every story up as `submitted`. After the load the demo takes the steps
an office would have taken, through the same workflow rules (`sampark.content.workflow`) and
writes (`sampark.store.stories`) the dashboard uses: some vetted and waiting days for approval,
some approved and ready to post (a few approved today), some posted with the post's URL, some
rejected with a reason; of the stories the legal guard blocks, one is lifted by a written order
of the SHO and approved, one is sent up with the vetting officer's reason and still blocked,
the rest stay blocked where they are. Steps are dated before the build moment `at`, in the
order they were taken; the plan follows the story ids, so the same inbox plants the same steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sampark.access import STATE
from sampark.content.drafts import drafts
from sampark.content.export import LANGS, story_text
from sampark.content.guard import STORY_FIELDS, story_findings
from sampark.content.queue import story_queue
from sampark.content.workflow import Override, next_step, override_step
from sampark.queries.network import network
from sampark.queries.stories import all_stories
from sampark.store import stories as store

VETTER = "CO office (demo)"
CELL = "Social media cell (demo)"
ORDER = Override("Order No. 41/2026 PS Sadar", "Ramesh Prasad", "inspector", "sho")

# Where each clean story ends, in turn by story id: (final status, days before `at` its last
# step was taken). 0 days: today. Ten in a round.
CLEAN_PLAN: tuple[tuple[str, float], ...] = (
    ("posted", 6.0),
    ("approved", 0.1),  # ready today
    ("vetted", 3.0),  # waiting three days for approval
    ("submitted", 0.0),
    ("posted", 2.0),
    ("rejected", 4.0),
    ("approved", 2.5),  # ready, waiting more than a day to be posted
    ("vetted", 0.2),
    ("posted", 1.0),
    ("approved", 0.05),  # ready today
)
REASON = "Already posted by the district last week"


@dataclass(frozen=True)
class Planted:
    """How many stories the demo moved to each final status (blocked ones apart)."""

    by_status: dict[str, int]
    blocked_with_order: int
    blocked_vetted: int


def _story_drafts(story: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {code: drafts(text) for code in LANGS if (text := story_text(story, code)) is not None}


def _take(
    conn: sa.Connection,
    story: dict[str, Any],
    actions: Sequence[tuple[str, str, str]],
    last: datetime,
    findings: list[dict[str, Any]],
    order: dict[str, Any] | None = None,
) -> str:
    """Takes `actions` (action, actor, note) on `story`, a day apart, the last at `last`;
    returns the status reached."""
    status = str(story["status"])
    story_id = int(story["story_id"])
    for i, (action, actor, note) in enumerate(actions):
        at = last - timedelta(days=len(actions) - 1 - i)
        step = next_step(
            story_id, status, action, actor=actor, at=at, findings=findings, override=order,
            note=note,
        )  # fmt: skip
        if action == "post":
            store.record_posted_url(conn, step)
        else:
            kept = _story_drafts(story) if action == "approve" else None
            store.record_step(conn, step, drafts=kept)
        status = step.to_status
    return status


def _path_to(final: str, story_id: int) -> list[tuple[str, str, str]]:
    url = f"https://x.com/demo_police/status/{1_800_000_000_000_000_000 + story_id}"
    return {
        "submitted": [],
        "vetted": [("vet", VETTER, "")],
        "approved": [("vet", VETTER, ""), ("approve", CELL, "")],
        "posted": [("vet", VETTER, ""), ("approve", CELL, ""), ("post", CELL, url)],
        "rejected": [("vet", VETTER, ""), ("reject", CELL, REASON)],
    }[final]


def _blocked(conn: sa.Connection, story: dict[str, Any], k: int, at: datetime) -> str:
    """The first blocked story gets the SHO's written order and is approved; the second is
    vetted with the officer's reason and stays blocked; the rest wait, blocked, unvetted."""
    findings = story_findings({f: story.get(f) for f in STORY_FIELDS})
    story_id = int(story["story_id"])
    if k == 0:
        order_at = at - timedelta(days=1, hours=2)
        step = override_step(story_id, "submitted", ORDER, actor=CELL, role="social", at=order_at)
        store.record_override(conn, step, ORDER)
        written = ORDER.to_dict(order_at)
        return _take(conn, story, _path_to("approved", story_id), at, findings, written)
    if k == 1:
        reason = "Sent up for the cell to decide; the SHO's order is awaited"
        return _take(conn, story, [("vet", VETTER, reason)], at - timedelta(days=2), findings)
    return "submitted"


def plant_story_steps(conn: sa.Connection, at: datetime, today_from: datetime) -> Planted:
    """Moves the loaded demo stories through the workflow, every step before `at` (naive UTC,
    as steps are stored); a step planned for today is never before `today_from` (the build
    day's start)."""
    units = network(conn, STATE).units
    queue = story_queue(all_stories(conn, STATE), units).sort("story_id")
    by_status: dict[str, int] = {}
    blocked = 0
    clean = 0
    for story in queue.iter_rows(named=True):
        if story["status"] != "submitted":
            continue  # moved already: the plan only starts stories the sheets sent up
        if story["blocks"]:
            final = _blocked(conn, story, blocked, at - timedelta(minutes=30 + blocked))
            blocked += 1
        else:
            final, days = CLEAN_PLAN[clean % len(CLEAN_PLAN)]
            last = at - timedelta(days=days, minutes=5 + clean)
            if days < 1:
                last = max(last, min(at, today_from + timedelta(minutes=clean)))
            final = _take(conn, story, _path_to(final, int(story["story_id"])), last, [])
            clean += 1
        by_status[final] = by_status.get(final, 0) + 1
    return Planted(by_status, int(blocked > 0), int(blocked > 1))
