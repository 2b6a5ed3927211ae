"""Success stories: what the social media cell reads."""

from __future__ import annotations

from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.queries.frames import columns_schema, read_frame
from sampark.queries.scope import in_scope
from sampark.schema import audit_log, stories, story_steps, story_versions

_s = stories.c
_STORY_COLUMNS = (
    _s.story_id,
    _s.unit_id,
    _s.story_date,
    _s.category,
    _s.title,
    _s.body,
    _s.title_hi,
    _s.body_hi,
    _s.status,
    _s.reviewer,
    _s.submitted_by,
    _s.submitted_at,
)
# The stored columns, then what `all_stories` unpacks from the JSON ones (media, posted URLs,
# the written order that lifts a block).
STORY_SCHEMA: dict[str, Any] = {
    **columns_schema(_STORY_COLUMNS),
    "media": pl.List(pl.String),
    "posted_urls": pl.List(pl.String),
    "override_reference": pl.String,
    "override_approver": pl.String,
    "override_role": pl.String,
}


def stories_version(conn: sa.Connection) -> str:
    """Changes whenever a story is added or takes a step: the stories' cache key."""
    s = conn.execute(sa.select(sa.func.count(), sa.func.max(stories.c.story_id))).one()
    st = conn.execute(sa.select(sa.func.count(), sa.func.max(story_steps.c.step_id))).one()
    return f"{s[0]}:{s[1]}:{st[0]}:{st[1]}"


def all_stories(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every story of a unit inside `scope`, with its texts, status, media, posted URLs and
    any written order."""
    rows = conn.execute(
        sa.select(*_STORY_COLUMNS, _s.media, _s.posted_urls, _s.block_override)
        .where(in_scope(_s.unit_id, scope))
        .order_by(_s.story_id)
    ).all()
    records = []
    for row in rows:
        *head, media, posted, order = row
        order = order or {}
        records.append(
            (
                *head,
                [str(m) for m in media or []],
                [str(p.get("url")) for p in posted or []],
                order.get("reference"),
                order.get("approver"),
                order.get("role"),
            )
        )
    return pl.DataFrame(records, schema=STORY_SCHEMA, orient="row")


def story_history(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every workflow step of the stories inside `scope`, oldest first."""
    c = story_steps.c
    mine = sa.select(_s.story_id).where(in_scope(_s.unit_id, scope))
    return read_frame(
        conn,
        sa.select(c.story_id, c.step, c.actor, c.at, c.note)
        .where(sa.true() if scope.root is None else c.story_id.in_(mine))
        .order_by(c.story_id, c.at, c.step_id),
    )


def story_audit(conn: sa.Connection, story_id: int) -> pl.DataFrame:
    """The audit entries about one story."""
    c = audit_log.c
    return read_frame(
        conn,
        sa.select(c.at, c.actor, c.action, c.detail)
        .where(c.target == f"story:{story_id}")
        .order_by(c.audit_id),
    )


def stored_guard_findings(conn: sa.Connection) -> dict[int, list[dict[str, Any]]]:
    """The guard findings recorded with each story when it came in."""
    rows = conn.execute(sa.select(_s.story_id, _s.guard_findings)).all()
    return {int(story_id): list(found or []) for story_id, found in rows}


def story_versions_of(conn: sa.Connection, story_id: int) -> pl.DataFrame:
    """Every text one story had, oldest first, with who wrote it, when and the guard's blocks
    and warnings on it. Empty until the story is first edited (its text is then version 1)."""
    v = story_versions.c
    rows = conn.execute(
        sa.select(
            v.version,
            v.author,
            v.written_at,
            v.title,
            v.body,
            v.title_hi,
            v.body_hi,
            v.guard_findings,
        )
        .where(v.story_id == story_id)
        .order_by(v.version)
    ).all()
    records = [
        (
            *row[:-1],
            sum(f.get("level") == "block" for f in row[-1] or []),
            sum(f.get("level") == "warn" for f in row[-1] or []),
        )
        for row in rows
    ]
    schema: dict[str, Any] = {
        **columns_schema(
            (v.version, v.author, v.written_at, v.title, v.body, v.title_hi, v.body_hi)
        ),
        "blocks": pl.Int64,
        "warns": pl.Int64,
    }
    return pl.DataFrame(records, schema=schema, orient="row")
