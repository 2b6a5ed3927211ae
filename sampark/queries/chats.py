"""Chat exports: messages and membership events, aggregated per group and author."""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.metrics.groups.activity import WINDOW_DAYS, Activity, chat_frames
from sampark.queries.frames import read_frame
from sampark.queries.memberships import export_completeness, spells_in_scope
from sampark.queries.network import roster_as_of
from sampark.queries.scope import groups_in_scope
from sampark.schema import groups, membership_events, messages


def activity(conn: sa.Connection, scope: Scope, days: int = WINDOW_DAYS) -> Activity:
    """Chat activity of the groups inside `scope`, aggregated per group over the `days` before
    the newest message loaded (anywhere: the data's "today" is the same for every scope)."""
    reference = newest_message_ts(conn)
    since = datetime(1970, 1, 1) if reference is None else reference - timedelta(days=days)
    chats = chat_frames(messages_by_author(conn, scope, since))
    return Activity(
        reference=reference,
        window=chats.window,
        authors=chats.authors,
        last_seen=chats.last_seen,
        presence=chat_presence(conn, scope),
        writers=chats.writers,
        rosters=roster_as_of(conn, scope),
        spells=spells_in_scope(conn, scope),
        exports=export_completeness(conn, scope),
    )


def newest_message_ts(conn: sa.Connection) -> datetime | None:
    """The time of the newest message loaded, in any group. Taken as the largest of each
    group's newest, so that each group costs one seek in ix_messages_group_ts instead of the
    whole table being scanned (every message belongs to a group: a foreign key)."""
    per_group = (
        sa.select(sa.func.max(messages.c.ts))
        .where(messages.c.group_id == groups.c.group_id)
        .scalar_subquery()
    )
    newest: datetime | None = conn.execute(
        sa.select(sa.func.max(per_group)).select_from(groups)
    ).scalar_one_or_none()
    return newest


def messages_by_author(conn: sa.Connection, scope: Scope, since: datetime) -> pl.DataFrame:
    """Per group inside `scope` and author (null: unknown authors and system lines): the last
    message's time, and the user messages after `since` with how many of them are noise.

    One pass over the messages; ix_messages_group_person holds every column read, in the
    grouping's order, so the database neither sorts nor visits a table row."""
    m = messages.c
    in_window = sa.and_(m.ts > since, m.kind != "system")
    return read_frame(
        conn,
        sa.select(
            m.group_id,
            m.person_id,
            sa.func.max(m.ts).label("last_ts"),
            sa.func.count().filter(in_window).label("messages"),
            sa.func.count().filter(sa.and_(in_window, m.is_noise)).label("noise"),
        )
        .where(groups_in_scope(m.group_id, scope))
        .group_by(m.group_id, m.person_id),
    )


def chat_keys(
    conn: sa.Connection, group_id: str, start: datetime, end: datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """How many messages and events a group already holds per (time, who, what) between
    `start` and `end`: what a re-exported, overlapping chat must not add again."""
    m, ev = messages.c, membership_events.c
    msg = read_frame(
        conn,
        sa.select(m.ts, m.author, m.kind, sa.func.count().label("n"))
        .where(m.group_id == group_id, m.ts.between(start, end))
        .group_by(m.ts, m.author, m.kind),
    )
    events = read_frame(
        conn,
        sa.select(ev.ts, ev.event, ev.actor, ev.subject, sa.func.count().label("n"))
        .where(ev.group_id == group_id, ev.ts.between(start, end))
        .group_by(ev.ts, ev.event, ev.actor, ev.subject),
    )
    return msg, events


def chat_presence(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Membership events with a known person (group_id, person_id, ts, event), for the groups
    inside `scope`. Who wrote, and when last, comes from `messages_by_author`."""
    ev = membership_events.c
    return read_frame(
        conn,
        sa.select(ev.group_id, ev.person_id, ev.ts, ev.event).where(
            ev.person_id.is_not(None), groups_in_scope(ev.group_id, scope)
        ),
    )
