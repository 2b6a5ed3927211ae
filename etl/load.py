"""The only module that writes to the database. Every function takes an open transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from sampark import queries
from sampark.accounts import (
    MAX_FAILURES,
    UNKNOWN_NAME,
    Reservation,
    failure_minute,
    lock_end,
)
from sampark.content.guard import story_findings
from sampark.content.intake import Photo, Submission, media_name
from sampark.content.workflow import Override, Step
from sampark.schema import (
    alerts,
    audit_log,
    blocklist,
    demo_files,
    derived_frames,
    etl_files,
    etl_runs,
    groups,
    membership_events,
    memberships,
    messages,
    people,
    register_entries,
    rejects,
    roster_holds,
    staff,
    stories,
    story_steps,
    units,
    users,
)

_BATCH = 5000


def _records(frame: pl.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    return frame.select(columns).to_dicts()


def _batches(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def _upsert(
    conn: sa.Connection,
    table: sa.Table,
    rows: list[dict[str, Any]],
    keys: list[str],
    update: list[str],
) -> None:
    """Insert rows; on a key clash update `update` columns (or leave the row when empty)."""
    if not rows:
        return
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
    if update:
        stmt = insert.on_conflict_do_update(
            index_elements=keys, set_={c: insert.excluded[c] for c in update}
        )
    else:
        stmt = insert.on_conflict_do_nothing(index_elements=keys)
    for batch in _batches(rows):
        conn.execute(stmt, batch)


# --- the registry -------------------------------------------------------------------------


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database returned no key for the new row")
    return int(key[0])


def start_run(conn: sa.Connection, inbox: Path, at: datetime) -> int:
    return _new_id(conn.execute(etl_runs.insert().values(started_at=at, inbox=str(inbox))))


def finish_run(conn: sa.Connection, run_id: int, at: datetime, totals: dict[str, int]) -> None:
    conn.execute(
        etl_runs.update().where(etl_runs.c.run_id == run_id).values(finished_at=at, **totals)
    )


def record_file(conn: sa.Connection, **values: Any) -> int:
    """A row in the file registry; returns its file_id. Every path that loads a file comes
    through here, so a file the demo did not write ends demo mode here, whether it loads or
    is rejected."""
    file_id = _new_id(conn.execute(etl_files.insert().values(**values)))
    if not queries.is_demo_file(conn, values["sha256"]):
        end_demo_mode(
            conn, values["loaded_at"], f"a file the demo did not write was loaded: {values['path']}"
        )
    return file_id


def note_file(conn: sa.Connection, file_id: int, note: str) -> None:
    """What a loaded file added, in words, for the Data page."""
    conn.execute(etl_files.update().where(etl_files.c.file_id == file_id).values(reason=note))


def record_rejects(conn: sa.Connection, file_id: int, found: pl.DataFrame) -> None:
    rows = found.select("line", "reason", "raw").with_columns(file_id=pl.lit(file_id)).to_dicts()
    for batch in _batches(rows):
        conn.execute(rejects.insert(), batch)


# --- the data -----------------------------------------------------------------------------


def write_units(conn: sa.Connection, rows: pl.DataFrame) -> int:
    _upsert(
        conn,
        units,
        _records(rows, ["unit_id", "kind", "name", "name_hi", "parent_id"]),
        ["unit_id"],
        ["kind", "name", "name_hi", "parent_id"],
    )
    return rows.height


def write_groups(conn: sa.Connection, rows: pl.DataFrame) -> int:
    cols = ["group_id", "unit_id", "kind", "name", "admin_phone", "created_on"]
    _upsert(conn, groups, _records(rows, cols), ["group_id"], cols[1:])
    return rows.height


def write_staff(conn: sa.Connection, rows: pl.DataFrame) -> int:
    """Staff rows, and each staff member as a police person (the roster names their rank)."""
    persons = rows.select("person_id", "name", "rank", category=pl.lit("police")).unique(
        "person_id", keep="last", maintain_order=True
    )
    _upsert(conn, people, persons.to_dicts(), ["person_id"], ["name", "category", "rank"])
    cols = ["staff_id", "name", "rank", "unit_id", "person_id"]
    _upsert(conn, staff, _records(rows, cols), ["staff_id"], cols[1:])
    return rows.height


def write_blocklist(conn: sa.Connection, rows: pl.DataFrame) -> int:
    cols = ["person_id", "name", "reason", "unit_id"]
    _upsert(conn, blocklist, _records(rows, cols), ["person_id"], cols[1:])
    return rows.height


def _update_memberships(conn: sa.Connection, changes: pl.DataFrame, column: str) -> None:
    """Set `column` of each membership in `changes` (membership_id, new value) to its value."""
    rows = changes.rename({changes.columns[0]: "m_id", changes.columns[1]: "value"}).to_dicts()
    stmt = (
        memberships.update()
        .where(memberships.c.membership_id == sa.bindparam("m_id"))
        .values({column: sa.bindparam("value")})
    )
    for batch in _batches(rows):
        conn.execute(stmt, batch)


def write_roster(conn: sa.Connection, rows: pl.DataFrame, source: str) -> pl.DataFrame:
    """Apply each group's roster as its snapshot on the list date; returns stale-row rejects.

    Members missing from the new list get `left_at` = the list date (history is kept); new
    members join on that date. A list older than the one already applied is rejected.
    """
    dated = rows.with_columns(pl.col("as_of").cast(pl.Datetime("us")))
    snapshot = dated.group_by("group_id").agg(pl.col("as_of").max().alias("snapshot_at"))
    latest = queries.latest_roster_dates(conn, snapshot.get_column("group_id").to_list())
    snapshot = snapshot.join(latest, on="group_id", how="left")
    stale = snapshot.filter(pl.col("snapshot_at") < pl.col("latest"))
    stale_rows = dated.join(stale, on="group_id").select(
        "line",
        pl.format(
            "list of {} is older than the list of {} already loaded for group {}",
            pl.col("snapshot_at").dt.date(),
            pl.col("latest").dt.date(),
            pl.col("group_id"),
        ).alias("reason"),
        pl.concat_str([pl.col("group_id"), pl.col("person_id")], separator=" | ").alias("raw"),
    )
    current = dated.join(stale.select("group_id"), on="group_id", how="anti").join(
        snapshot.select("group_id", "snapshot_at"), on="group_id"
    )
    persons = current.select("person_id", "name", "category", "rank").unique(
        "person_id", keep="first", maintain_order=True
    )
    _upsert(conn, people, persons.to_dicts(), ["person_id"], [])

    existing = queries.open_memberships(conn, snapshot.get_column("group_id").to_list()).join(
        current.select("group_id").unique(), on="group_id"
    )
    keys = ["group_id", "person_id"]
    leaving = existing.join(current, on=keys, how="anti").join(
        snapshot.select("group_id", "snapshot_at"), on="group_id"
    )
    _update_memberships(conn, leaving.select("membership_id", pl.col("snapshot_at")), "left_at")
    changed = existing.join(current, on=keys, suffix="_new").filter(
        pl.col("is_admin") != pl.col("is_admin_new")
    )
    _update_memberships(conn, changed.select("membership_id", "is_admin_new"), "is_admin")
    joining = current.join(existing, on=keys, how="anti").select(
        "group_id",
        "person_id",
        pl.col("snapshot_at").alias("joined_at"),
        "is_admin",
        source=pl.lit(source),
    )
    for batch in _batches(joining.to_dicts()):
        conn.execute(memberships.insert(), batch)
    return stale_rows


def hold_roster(conn: sa.Connection, file_id: int, shrinks: pl.DataFrame, location: str) -> None:
    """Record a roster held for the data officer: per group it would shrink, the open
    memberships now and after, and where the file lies (to load it once accepted)."""
    rows = shrinks.select(
        "group_id",
        "open_before",
        "open_after",
        file_id=pl.lit(file_id),
        location=pl.lit(location),
    ).to_dicts()
    conn.execute(roster_holds.insert(), rows)


def move_hold(conn: sa.Connection, file_id: int, location: str) -> None:
    """The held file was found again at `location` (its first place is gone)."""
    conn.execute(
        roster_holds.update().where(roster_holds.c.file_id == file_id).values(location=location)
    )


class HoldChanged(RuntimeError):
    """The roster is no longer held (someone accepted it first)."""


def accept_held_roster(
    conn: sa.Connection,
    file_id: int,
    *,
    run_id: int,
    rows_loaded: int,
    rows_rejected: int,
    as_of: Any,
    actor: str,
    at: datetime,
    loaded_at: datetime,
) -> str:
    """A held roster accepted and loaded: its registry row becomes loaded in this run, its
    holds say who accepted it and when, and the audit log keeps the same. Returns the file's
    note (who accepted it, when, and the groups' counts)."""
    held = queries.held_rosters(conn).filter(pl.col("file_id") == file_id)
    if held.is_empty():
        raise HoldChanged(f"file {file_id} is no longer held")
    name = str(held.get_column("path")[0])
    groups = "; ".join(
        f"group {g}: {before} → {after} open memberships"
        for g, before, after in held.select("group_id", "open_before", "open_after").rows()
    )
    note = f"accepted by {actor} on {at:%d-%m-%Y %H:%M} IST ({groups})"
    done = conn.execute(
        etl_files.update()
        .where(etl_files.c.file_id == file_id, etl_files.c.status == "held")
        .values(
            status="loaded",
            run_id=run_id,
            reason=note,
            rows_loaded=rows_loaded,
            rows_rejected=rows_rejected,
            rows_held=0,
            as_of=as_of,
            loaded_at=loaded_at,
        )
    )
    if done.rowcount != 1:
        raise HoldChanged(f"{name} is no longer held")
    conn.execute(
        roster_holds.update()
        .where(roster_holds.c.file_id == file_id)
        .values(accepted_by=actor, accepted_at=at)
    )
    _audit(conn, at, actor, "roster_shrink_accepted", f"file:{name}", groups)
    return note


# How SQLAlchemy stores a DateTime in SQLite; rows written past it must read back the same.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%6f"


def _bulk_insert(conn: sa.Connection, table: sa.Table, frame: pl.DataFrame) -> None:
    """Insert many rows fast: the driver's executemany on SQLite, COPY on PostgreSQL.

    Millions of chat messages pass here; SQLAlchemy's per-row parameter handling would cost
    more than the parsing. The statement itself is still SQLAlchemy's, compiled once."""
    if frame.is_empty():
        return
    # The compiled INSERT lists columns in table order; the rows must follow it.
    columns = [c.name for c in table.columns if c.name in frame.columns]
    frame = frame.select(columns)
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        raw = conn.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(copy) as pipe:  # type: ignore[union-attr]
            for row in frame.iter_rows():
                pipe.write_row(row)
        return
    stmt = str(table.insert().compile(dialect=conn.dialect, column_keys=columns))
    typed = frame.with_columns(
        pl.col(c).dt.strftime(_SQLITE_DATETIME)
        for c, dtype in frame.schema.items()
        if dtype == pl.Datetime("us")
    ).with_columns(
        pl.col(c).cast(pl.Int8) for c, dtype in frame.schema.items() if dtype == pl.Boolean
    )
    conn.exec_driver_sql(stmt, typed.rows())


def _new_only(rows: pl.DataFrame, held: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Rows beyond those the database already holds for the same keys (an overlap of two
    exports of one chat): the k-th occurrence of a key is new when fewer than k are held."""
    numbered = rows.with_columns(pl.int_range(pl.len()).over(keys).alias("_nth"))
    return (
        numbered.join(held, on=keys, how="left", nulls_equal=True)
        .filter(pl.col("_nth") >= pl.col("n").fill_null(0))
        .drop("_nth", "n")
    )


def write_chat(
    conn: sa.Connection,
    group_id: str,
    chat_messages: pl.DataFrame,
    events: pl.DataFrame,
    file_id: int,
) -> tuple[int, int]:
    """Insert what an export adds to its group; returns (new messages, new events)."""
    if chat_messages.is_empty() and events.is_empty():
        return 0, 0
    stamps = (
        pl.concat([chat_messages.select("ts"), events.select("ts")])
        .select(pl.col("ts").min().alias("start"), pl.col("ts").max().alias("end"))
        .row(0)
    )
    held_messages, held_events = queries.chat_keys(conn, group_id, stamps[0], stamps[1])
    new_messages = _new_only(chat_messages, held_messages, ["ts", "author", "kind"])
    new_events = _new_only(events, held_events, ["ts", "event", "actor", "subject"])
    tag = {"group_id": pl.lit(group_id), "file_id": pl.lit(file_id, dtype=pl.Int64)}
    _bulk_insert(conn, messages, new_messages.drop("line").with_columns(**tag))
    _bulk_insert(conn, membership_events, new_events.drop("line").with_columns(**tag))
    return new_messages.height, new_events.height


# --- registers, alerts and stories (issue 4) -------------------------------------------------


def _already_loaded(
    conn: sa.Connection, table: sa.Table, rows: pl.DataFrame, what: str, shown: tuple[str, str]
) -> pl.DataFrame:
    """Rejects for rows whose entry_key the table already holds (loaded from another file);
    `shown` names the two columns that identify the row in the reject's raw cells."""
    held = queries.held_entry_keys(conn, table, rows.get_column("entry_key").to_list())
    return rows.filter(pl.col("entry_key").is_in(list(held))).select(
        "line",
        pl.lit(f"duplicate {what}: already loaded from an earlier file").alias("reason"),
        pl.concat_str(
            [pl.col(c).cast(pl.String).fill_null("") for c in shown],
            separator=" | ",
        ).alias("raw"),
    )


def write_register_entries(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new register rows (COPY on PostgreSQL); returns rejects for ones already held."""
    late = _already_loaded(conn, register_entries, rows, "entry", ("unit_id", "received_at"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    _bulk_insert(conn, register_entries, fresh)
    return late


def write_alerts(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    late = _already_loaded(conn, alerts, rows, "alert", ("platform", "received_at"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    for batch in _batches(fresh.to_dicts()):
        conn.execute(alerts.insert(), batch)
    return late


def write_stories(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """Insert new stories as `submitted`; media is a JSON list of file names."""
    late = _already_loaded(conn, stories, rows, "story", ("unit_id", "story_date"))
    fresh = rows.join(late.select("line"), on="line", how="anti").drop("line")
    records = fresh.with_columns(status=pl.lit("submitted")).to_dicts()
    for batch in _batches(records):
        conn.execute(stories.insert(), batch)
    return late


# --- stories: the social media cell's writes (issue 6) ----------------------------------------


class StoryChanged(RuntimeError):
    """The story is not in the status the step started from (someone else moved it first)."""


def _audit(
    conn: sa.Connection, at: datetime, actor: str, action: str, target: str, detail: str | None
) -> None:
    conn.execute(
        audit_log.insert().values(at=at, actor=actor, action=action, target=target, detail=detail)
    )


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
    story_id = _new_id(
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
    _audit(conn, at, sub.submitted_by.strip(), "story_submitted", f"story:{story_id}", None)
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
    _audit(
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
    _audit(conn, step.at, step.actor, "story_posted", f"story:{step.story_id}", step.note)


def record_override(conn: sa.Connection, step: Step, order: Override) -> None:
    """The written order of the SHO or IO that lifts the story's blocks, kept with the story
    and in the audit log."""
    conn.execute(
        stories.update()
        .where(stories.c.story_id == step.story_id)
        .values(block_override=order.to_dict(step.at))
    )
    _story_step(conn, step.story_id, "override", step.actor, step.at, step.note)
    _audit(conn, step.at, step.actor, "story_block_override", f"story:{step.story_id}", step.note)


# --- access control (issue 7): accounts and the audit log ------------------------------------


def record_audit(
    conn: sa.Connection, at: datetime, actor: str, action: str, target: str, detail: str | None
) -> None:
    """One audit entry: who viewed, exported, signed in or changed what."""
    _audit(conn, at, actor, action, target, detail)


def add_user(
    conn: sa.Connection,
    *,
    username: str,
    password_hash: str,
    role: str,
    unit_id: str | None,
    display_name: str | None,
    at: datetime,
    actor: str,
) -> bool:
    """Add an account; True when it was the first real account on the demo, which ends demo
    mode (a database with accounts is a real one)."""
    conn.execute(
        users.insert().values(
            username=username,
            password_hash=password_hash,
            role=role,
            unit_id=unit_id,
            display_name=display_name,
            disabled=False,
            created_at=at,
            failed_logins=0,
            locked_until=None,
        )
    )
    _audit(conn, at, actor, "user_added", f"user:{username}", f"{role} {unit_id or 'state'}")
    return end_demo_mode(conn, at, f"a real account was added: {username}")


def set_user_disabled(
    conn: sa.Connection, username: str, disabled: bool, at: datetime, actor: str
) -> int:
    """Disable or enable an account; the number of accounts changed (0: no such user)."""
    done = conn.execute(
        users.update().where(users.c.username == username).values(disabled=disabled)
    ).rowcount
    if done:
        action = "user_disabled" if disabled else "user_enabled"
        _audit(conn, at, actor, action, f"user:{username}", None)
    return int(done)


def set_user_password(
    conn: sa.Connection, username: str, password_hash: str, at: datetime, actor: str
) -> int:
    """A new password; also lifts a lock-out. The number of accounts changed."""
    done = conn.execute(
        users.update()
        .where(users.c.username == username)
        .values(password_hash=password_hash, failed_logins=0, locked_until=None)
    ).rowcount
    if done:
        _audit(conn, at, actor, "password_reset", f"user:{username}", None)
    return int(done)


def reserve_password_check(conn: sa.Connection, username: str, now: datetime) -> Reservation | None:
    """Count one password check against the account before it is made, or None when the
    lock-out rule allows none (no such account, disabled, locked, or five checks already made
    in this lock window). One atomic update decides, so parallel tries cannot each read a
    count below five: at most five checks per window whatever the concurrency. The fifth check
    starts the lock; a right password (`record_password_sign_in`) clears it and the count.
    """
    c = users.c
    ran_out = sa.and_(c.locked_until.is_not(None), c.locked_until <= now)
    attempt = sa.case((ran_out, 1), else_=c.failed_logins + 1)  # a lock that ran out: afresh
    lock = sa.case(
        (attempt >= MAX_FAILURES, sa.literal(lock_end(now), sa.DateTime)), else_=sa.null()
    )
    allowed = sa.or_(ran_out, sa.and_(c.locked_until.is_(None), c.failed_logins < MAX_FAILURES))
    row = conn.execute(
        users.update()
        .where(c.username == username, sa.not_(c.disabled), allowed)
        .values(failed_logins=attempt, locked_until=lock)
        .returning(c.password_hash, c.locked_until)
    ).first()
    if row is None:
        return None
    return Reservation(password_hash=row[0], locked_until=row[1])


def record_password_sign_in(
    conn: sa.Connection, username: str, at: datetime
) -> dict[str, Any] | None:
    """After the right password: clear the count and any lock, log the sign-in, and return
    the account (username, role, unit_id, display_name); None if it was disabled meanwhile."""
    c = users.c
    row = (
        conn.execute(
            users.update()
            .where(c.username == username, sa.not_(c.disabled))
            .values(failed_logins=0, locked_until=None)
            .returning(c.username, c.role, c.unit_id, c.display_name)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    _audit(conn, at, username, "sign_in", f"user:{username}", None)
    return dict(row)


def record_sign_in_lock(conn: sa.Connection, username: str, until: datetime, at: datetime) -> None:
    """The fifth wrong password in a row locked the account: one audit entry of its own."""
    detail = f"locked until {until:%Y-%m-%d %H:%M}"
    _audit(conn, at, username, "sign_in_locked", f"user:{username}", detail)


def record_sign_in_failure(conn: sa.Connection, name: str | None, at: datetime) -> None:
    """Count a failed sign-in in the audit log: one row per name and minute, whose `times`
    goes up with each failure (an atomic upsert, so parallel failures lose no count). A name
    that is no account is counted under UNKNOWN_NAME, never written as typed."""
    actor = name if name and queries.is_account(conn, name) else UNKNOWN_NAME
    minute = failure_minute(at)
    values = {
        "at": minute,
        "actor": actor,
        "action": "sign_in_failed",
        "target": f"user:{actor}",
        "detail": None,
        "times": 1,
        "fold_key": f"sign_in_failed|{actor}|{minute:%Y-%m-%d %H:%M}",
    }
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(audit_log)
    conn.execute(
        insert.values(values).on_conflict_do_update(
            index_elements=["fold_key"], set_={"times": audit_log.c.times + 1}
        )
    )


def store_derived(
    conn: sa.Connection,
    kind: str,
    parts: dict[str, bytes],
    *,
    data_version: str,
    inputs_key: str,
    at: datetime,
) -> None:
    """Replace the stored parts of derived figures `kind` (older versions go: only the
    newest is ever read)."""
    conn.execute(sa.delete(derived_frames).where(derived_frames.c.kind == kind))
    conn.execute(
        sa.insert(derived_frames),
        [
            {
                "kind": kind,
                "part": part,
                "data_version": data_version,
                "inputs_key": inputs_key,
                "built_at": at,
                "payload": payload,
            }
            for part, payload in parts.items()
        ],
    )


# --- demo mode: the role switcher without a password -----------------------------------------


def record_demo_files(
    conn: sa.Connection, written: Iterable[tuple[str, str]], at: datetime
) -> None:
    """The demo's manifest: (path, sha256) of every file the demo build wrote. A hash already
    listed raises IntegrityError, so of two builds racing on one database only one goes on."""
    rows = {sha: {"sha256": sha, "path": path, "written_at": at} for path, sha in written}
    if rows:
        conn.execute(demo_files.insert(), list(rows.values()))


def end_demo_mode(conn: sa.Connection, at: datetime, why: str) -> bool:
    """End demo mode for good, with the reason in the audit log, if a demo was begun on this
    database and demo mode has not ended yet; True when this call ended it."""
    if not queries.demo_mode_not_yet_ended(conn):
        return False
    _audit(conn, at, "sampark", "demo_ended", "database", why)
    return True
