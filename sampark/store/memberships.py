"""Memberships as a group's chat exports show them, and what each export leaves unsure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.metrics.groups.memberships import chat_memberships_by_group as spells_of
from sampark.metrics.groups.memberships import keyed_events_by_group, stored_spells
from sampark.queries.frames import chunks
from sampark.queries.memberships import file_paths, group_events
from sampark.schema_memberships import chat_exports, chat_memberships, chat_unverified
from sampark.store.sql import bulk_insert


def record_export(
    conn: sa.Connection,
    file_id: int,
    group_id: str,
    incomplete: bool,
    span: tuple[datetime | None, datetime | None],
    guesses: pl.DataFrame,
) -> None:
    """One loaded export: whether it was cut off, the time it spans, and the unverified
    phrases that typed its lines (`guesses`: locale, kind, event, phrase, lines)."""
    conn.execute(
        sa.insert(chat_exports).values(
            file_id=file_id,
            group_id=group_id,
            incomplete=incomplete,
            first_ts=span[0],
            last_ts=span[1],
        )
    )
    if guesses.height:
        rows = guesses.select("locale", "kind", "event", "phrase", "lines")
        conn.execute(sa.insert(chat_unverified), rows.with_columns(file_id=file_id).to_dicts())


def refresh_chat_memberships(conn: sa.Connection, group_list: Sequence[str]) -> int:
    """The given groups' chat spells worked out again from all their stored events (every
    export's, overlap dropped) and written in place of the ones held; returns how many they
    have.

    The same events give the same spells, so running an inbox again changes nothing."""
    events = keyed_events_by_group(group_events(conn, group_list))
    # Two spells of one person starting in the same minute (joined, left, joined again): the
    # later one is kept, being the person's standing at the export's end.
    spells = spells_of(events).unique(
        ["group_id", "person", "first_seen"], keep="last", maintain_order=True
    )
    for chunk in chunks(group_list):
        conn.execute(sa.delete(chat_memberships).where(chat_memberships.c.group_id.in_(chunk)))
    if spells.is_empty():
        return 0
    # The export holding a spell's first event names its source.
    first_file = events.group_by("group_id", "actor", "ts").agg(
        pl.col("file_id").first(), pl.col("person_id").first()
    )
    files = spells.join(
        first_file,
        left_on=["group_id", "person", "first_seen"],
        right_on=["group_id", "actor", "ts"],
        how="left",
        maintain_order="left",
    )
    paths = file_paths(conn, files.get_column("file_id").drop_nulls().unique().to_list())
    located = files.join(paths, on="file_id", how="left", maintain_order="left").with_columns(
        ("chat: " + pl.col("path").fill_null("?")).str.slice(0, 300).alias("source")
    )
    rows = stored_spells(located, None, "file_id", "source")
    bulk_insert(conn, chat_memberships, rows)
    return rows.height
