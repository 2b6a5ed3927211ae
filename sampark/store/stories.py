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
from sampark.store.sql import batches, dialect_insert, new_id


class StoryChanged(RuntimeError):
    """The story is not in the status the step started from (someone else moved it first)."""


class StoryEditConflict(StoryChanged):
    """Another officer saved a new text of the story after the version this edit was based on:
    `author` saved version `version` first, at `written_at` (naive UTC, as steps are kept);
    `latest` is the story's newest version now."""

    def __init__(
        self, story_id: int, version: int, author: str, written_at: datetime, latest: int
    ) -> None:
        super().__init__(f"story {story_id}: version {version} was saved by another edit first")
        self.story_id = story_id
        self.version = version
        self.author = author
        self.written_at = written_at
        self.latest = latest


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


def _keep_first_version(conn: sa.Connection, step: Step) -> None:
    """Version 1 is the text as it was sent up, kept by whichever edit comes first: one
    INSERT … SELECT that does nothing when version 1 is already held. Being a write, it is also
    the edit's first statement, so SQLite takes its write lock before reading anything."""
    c = stories.c
    source = sa.select(
        c.story_id,
        sa.literal(1, sa.Integer),
        *(c[f] for f in TEXT_FIELDS),
        sa.func.coalesce(sa.func.nullif(c.submitted_by, ""), sa.literal(step.actor, sa.String)),
        sa.func.coalesce(c.submitted_at, sa.literal(step.at, sa.DateTime)),
        c.guard_findings,
    ).where(c.story_id == step.story_id)
    columns = ["story_id", "version", *TEXT_FIELDS, "author", "written_at", "guard_findings"]
    insert = dialect_insert(conn, story_versions).from_select(columns, source)
    conn.execute(insert.on_conflict_do_nothing(index_elements=["story_id", "version"]))


def _claimed(conn: sa.Connection, step: Step, version: int, values: dict[str, Any]) -> bool:
    """Whether this edit won `version`: one INSERT that does nothing when another officer's
    save already holds it (the unique story and version decide, on SQLite and PostgreSQL; a
    PostgreSQL save waits for a rival save still open and then does nothing if it committed)."""
    insert = dialect_insert(conn, story_versions).values(
        story_id=step.story_id, version=version, author=step.actor, written_at=step.at, **values
    )
    # RETURNING rather than rowcount: drivers differ on the count of a skipped conflict.
    kept = insert.on_conflict_do_nothing(index_elements=["story_id", "version"]).returning(
        story_versions.c.version
    )
    return conn.execute(kept).scalar_one_or_none() is not None


def _conflict(conn: sa.Connection, story_id: int, version: int) -> StoryEditConflict:
    v = story_versions.c
    first = conn.execute(
        sa.select(v.author, v.written_at).where(v.story_id == story_id, v.version == version)
    ).one()
    latest = conn.execute(
        sa.select(sa.func.max(v.version)).where(v.story_id == story_id)
    ).scalar_one()
    return StoryEditConflict(story_id, version, first.author, first.written_at, int(latest))


def record_edit(
    conn: sa.Connection, step: Step, texts: dict[str, str | None], *, based_on: int
) -> int:
    """A story's title and text replaced before approval (`workflow.edit_step`), by an officer
    who opened version `based_on` (1 for a story never edited). The text the story had is kept
    as version 1 on the first edit; the new text is checked by the guard again and kept as
    version `based_on + 1`, unless another officer saved that version first: the edit is then
    refused (StoryEditConflict naming who and when) and nothing is written. The step and the
    audit entry name the fields changed and the blocks left. Returns the new version number."""
    if based_on < 1:
        raise ValueError(f"story {step.story_id}: an edit is based on version 1 or later")
    _keep_first_version(conn, step)
    clean = {f: (texts.get(f) or "").strip() or None for f in TEXT_FIELDS}
    findings = story_findings(clean)
    version = based_on + 1
    if not _claimed(conn, step, version, {**clean, "guard_findings": findings}):
        raise _conflict(conn, step.story_id, version)
    _move(conn, step, guard_findings=findings, **clean)
    blocks = sum(f["level"] == "block" for f in findings)
    note = f"v{version}: {step.note}; blocks {blocks}"
    _story_step(conn, step.story_id, "edited", step.actor, step.at, note)
    record_audit(conn, step.at, step.actor, "story_edited", f"story:{step.story_id}", note)
    return version
