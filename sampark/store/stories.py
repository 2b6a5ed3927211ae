"""Success stories: from the offices' sheets, from the submission form, and every step the
social media cell takes on them (each with its story step and audit entry)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.content.guard import story_findings
from sampark.content.intake import Photo, Submission, media_name
from sampark.content.workflow import TEXT_FIELDS, Override, Step
from sampark.schema import stories, story_steps, story_versions
from sampark.store.audit import record_audit
from sampark.store.registers import already_loaded
from sampark.store.sql import batches, new_id


class StoryChanged(RuntimeError):
    """The story is not in the status the step started from (someone else moved it first)."""


def write_stories(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new stories as `submitted`; media is a JSON list of file names. Returns rejects
    for stories already held."""
    late = already_loaded(conn, stories, rows, "story", ("unit_id", "story_date"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    records = fresh.with_columns(status=pl.lit("submitted")).to_dicts()
    for batch in batches(records):
        conn.execute(stories.insert(), batch)
    return late


def _story_step(
    conn: sa.Connection, story_id: int, step: str, actor: str, at: datetime, note: str | None
) -> None:
    conn.execute(
        story_steps.insert().values(story_id=story_id, step=step, actor=actor, at=at, note=note)
    )


def store_media(media_dir: Path, photos: Iterable[Photo]) -> list[str]:
    """Save checked photos under `media_dir`, named by their content; returns the file names."""
    media_dir.mkdir(parents=True, exist_ok=True)
    names = []
    for photo in photos:
        name = media_name(photo)
        target = media_dir / name
        if not target.exists():
            target.write_bytes(photo.data)
        names.append(name)
    return names


def submit_story(conn: sa.Connection, sub: Submission, media: list[str], at: datetime) -> int:
    """A story from the submission form, with its guard findings; returns its story_id."""
    story_id = new_id(
        conn.execute(
            stories.insert().values(
                unit_id=sub.unit_id,
                story_date=sub.story_date,
                category=sub.category,
                status="submitted",
                guard_findings=story_findings(sub.texts()),
                media=media,
                submitted_by=sub.submitted_by.strip(),
                submitted_at=at,
                **sub.texts(),
            )
        )
    )
    _story_step(conn, story_id, "submitted", sub.submitted_by.strip(), at, None)
    record_audit(conn, at, sub.submitted_by.strip(), "story_submitted", f"story:{story_id}", None)
    return story_id


def _move(conn: sa.Connection, step: Step, **values: Any) -> None:
    done = conn.execute(
        stories.update()
        .where(stories.c.story_id == step.story_id, stories.c.status == step.from_status)
        .values(status=step.to_status, **values)
    )
    if done.rowcount != 1:
        raise StoryChanged(f"story {step.story_id} is no longer {step.from_status}")


def record_step(conn: sa.Connection, step: Step, *, drafts: dict[str, Any] | None = None) -> None:
    """A vet, approve or reject step: the new status, who and when, and the audit entry. The
    approver becomes the story's reviewer; the drafts approved are kept with the story."""
    values: dict[str, Any] = {}
    if step.action in ("vet", "approve"):
        values["reviewer"] = step.actor
    if drafts is not None:
        values["drafts"] = drafts
    _move(conn, step, **values)
    _story_step(conn, step.story_id, step.to_status, step.actor, step.at, step.note)
    record_audit(
        conn, step.at, step.actor, f"story_{step.to_status}", f"story:{step.story_id}", step.note
    )


def record_posted_url(conn: sa.Connection, step: Step) -> None:
    """A post's URL (another one when already posted on a platform): status posted."""
    held = conn.execute(
        sa.select(stories.c.posted_urls).where(stories.c.story_id == step.story_id)
    ).scalar_one_or_none()
    entry = {
        "url": step.note,
        "platform": step.platform,
        "actor": step.actor,
        "at": step.at.isoformat(timespec="seconds"),
    }
    _move(conn, step, posted_urls=[*(held or []), entry])
    _story_step(conn, step.story_id, "posted", step.actor, step.at, step.note)
    record_audit(conn, step.at, step.actor, "story_posted", f"story:{step.story_id}", step.note)


def record_override(conn: sa.Connection, step: Step, order: Override) -> None:
    """The written order of the SHO or IO that lifts the story's blocks, kept with the story
    and in the audit log."""
    conn.execute(
        stories.update()
        .where(stories.c.story_id == step.story_id)
        .values(block_override=order.to_dict(step.at))
    )
    _story_step(conn, step.story_id, "override", step.actor, step.at, step.note)
    record_audit(
        conn, step.at, step.actor, "story_block_override", f"story:{step.story_id}", step.note
    )


def record_edit(conn: sa.Connection, step: Step, texts: dict[str, str | None]) -> int:
    """A story's title and text replaced before approval (`workflow.edit_step`): the text
    the story had is kept as a version first (version 1, as sent up, on the first edit), the
    new text is checked by the guard again and kept as the next version, and the step and the
    audit entry name the fields changed and the blocks left. Returns the new version number."""
    c = stories.c
    held = conn.execute(
        sa.select(
            *(c[f] for f in TEXT_FIELDS), c.submitted_by, c.submitted_at, c.guard_findings
        ).where(c.story_id == step.story_id)
    ).one()
    last = conn.execute(
        sa.select(sa.func.max(story_versions.c.version)).where(
            story_versions.c.story_id == step.story_id
        )
    ).scalar_one()
    if last is None:
        conn.execute(
            story_versions.insert().values(
                story_id=step.story_id,
                version=1,
                **{f: getattr(held, f) for f in TEXT_FIELDS},
                author=held.submitted_by or step.actor,
                written_at=held.submitted_at or step.at,
                guard_findings=held.guard_findings,
            )
        )
        last = 1
    clean = {f: (texts.get(f) or "").strip() or None for f in TEXT_FIELDS}
    findings = story_findings(clean)
    _move(conn, step, guard_findings=findings, **clean)
    version = int(last) + 1
    conn.execute(
        story_versions.insert().values(
            story_id=step.story_id,
            version=version,
            **clean,
            author=step.actor,
            written_at=step.at,
            guard_findings=findings,
        )
    )
    blocks = sum(f["level"] == "block" for f in findings)
    note = f"v{version}: {step.note}; blocks {blocks}"
    _story_step(conn, step.story_id, "edited", step.actor, step.at, note)
    record_audit(conn, step.at, step.actor, "story_edited", f"story:{step.story_id}", note)
    return version
