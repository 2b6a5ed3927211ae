"""Reads of memberships as the chats show them, and of what chat exports leave unsure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.queries.frames import chunks, columns_schema, read_frame
from sampark.queries.network import latest_roster_dates
from sampark.queries.scope import groups_in_scope
from sampark.schema import etl_files, membership_events, memberships
from sampark.schema_memberships import chat_exports, chat_memberships, chat_unverified


def group_events(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Every membership event stored for the given groups (all their exports, overlap already
    dropped when written), with `group_id`; each group's in the order they happened and,
    within a minute, as the exports list them."""
    t = membership_events.c
    columns = (t.group_id, t.ts, t.event, t.actor, t.subject, t.person_id, t.file_id)
    parts = [
        read_frame(
            conn,
            sa.select(*columns).where(t.group_id.in_(chunk)).order_by(t.group_id, t.ts, t.event_id),
        )
        for chunk in chunks(group_list)
    ]
    return pl.concat(parts) if parts else pl.DataFrame(schema=columns_schema(columns))


def file_paths(conn: sa.Connection, file_ids: Sequence[int]) -> pl.DataFrame:
    """file_id, path of the given loaded files."""
    columns = (etl_files.c.file_id, etl_files.c.path)
    parts = [
        read_frame(conn, sa.select(*columns).where(etl_files.c.file_id.in_(chunk)))
        for chunk in chunks(file_ids)
    ]
    return pl.concat(parts) if parts else pl.DataFrame(schema=columns_schema(columns))


def chat_spells(conn: sa.Connection, scope: Scope, group_list: Sequence[str]) -> pl.DataFrame:
    """The stored chat spells of the given groups inside `scope`, with whether the export
    holding each spell's first event was cut off."""
    t, e = chat_memberships.c, chat_exports.c
    columns = (
        t.group_id,
        t.person,
        t.person_id,
        t.joined_at,
        t.start_is_bound,
        t.joined_how,
        t.left_at,
        t.left_how,
        t.is_admin,
        t.first_seen,
        t.last_seen,
        t.source,
        sa.func.coalesce(e.incomplete, sa.false()).label("incomplete"),
    )
    parts = [
        read_frame(
            conn,
            sa.select(*columns)
            .outerjoin(chat_exports, e.file_id == t.file_id)
            .where(t.group_id.in_(chunk) & groups_in_scope(t.group_id, scope))
            .order_by(t.group_id, t.first_seen, t.person),
        )
        for chunk in chunks(group_list)
    ]
    return pl.concat(parts) if parts else pl.DataFrame(schema=columns_schema(columns))


def spells_in_scope(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """The stored chat spells of every group inside `scope`, with the columns the membership
    rule reads (group_id, person, joined_at, start_is_bound, left_at, is_admin, first_seen,
    last_seen)."""
    t = chat_memberships.c
    return read_frame(
        conn,
        sa.select(
            t.group_id,
            t.person,
            t.joined_at,
            t.start_is_bound,
            t.left_at,
            t.is_admin,
            t.first_seen,
            t.last_seen,
        )
        .where(groups_in_scope(t.group_id, scope))
        .order_by(t.group_id, t.first_seen, t.person),
    )


def export_completeness(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Per group inside `scope` with a chat export loaded: group_id, incomplete (every export
    of the group was cut off at WhatsApp's cap, so none reaches back to the chat's start)."""
    e = chat_exports.c
    every_cut = sa.func.min(sa.case((e.incomplete, 1), else_=0)) == 1
    return read_frame(
        conn,
        sa.select(e.group_id, every_cut.label("incomplete"))
        .where(groups_in_scope(e.group_id, scope))
        .group_by(e.group_id)
        .order_by(e.group_id),
    )


def group_roster(
    conn: sa.Connection, scope: Scope, group_id: str
) -> tuple[pl.DataFrame, datetime | None]:
    """The group's open roster memberships (person, is_admin) and the newest roster's date;
    nothing when the group is outside `scope`."""
    t = memberships.c
    members = read_frame(
        conn,
        sa.select(t.person_id.label("person"), t.is_admin).where(
            (t.group_id == group_id) & t.left_at.is_(None) & groups_in_scope(t.group_id, scope)
        ),
    )
    if members.is_empty():
        return members, None
    dates = latest_roster_dates(conn, [group_id])
    return members, (dates.item(0, "latest") if dates.height else None)


def group_export_incomplete(conn: sa.Connection, group_id: str) -> bool:
    """Every export of the group loaded so far was cut off at WhatsApp's cap (none reaches
    back to the chat's start)."""
    e = chat_exports.c
    row = conn.execute(
        sa.select(sa.func.count(), sa.func.sum(sa.case((e.incomplete, 1), else_=0))).where(
            e.group_id == group_id
        )
    ).one()
    return bool(row[0]) and row[0] == row[1]


def export_checks(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Chat exports inside `scope` that were cut off or typed lines with an unverified phrase:
    path, group_id, incomplete, locale, kind, event, phrase, lines (null phrase: cut off only)."""
    e, u, f = chat_exports.c, chat_unverified.c, etl_files.c
    stmt = (
        sa.select(
            f.path,
            e.group_id,
            e.incomplete,
            u.locale,
            u.kind,
            u.event,
            u.phrase,
            u.lines,
        )
        .select_from(chat_exports)
        .join(etl_files, f.file_id == e.file_id)
        .outerjoin(chat_unverified, u.file_id == e.file_id)
        .where(groups_in_scope(e.group_id, scope))
        .where(e.incomplete | u.row_id.is_not(None))
        .order_by(f.path, u.locale, u.phrase)
    )
    return read_frame(conn, stmt)
