"""Chat exports: the messages and membership events an export adds to its group."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import sqlalchemy as sa

from sampark.queries.chats import chat_keys
from sampark.queries.presence import holds_rows
from sampark.schema import membership_events, messages
from sampark.store.batches import BATCH_INFO, defer_insert, in_batch, write_deferred
from sampark.store.sql import bulk_insert, with_constants


def new_only(rows: pl.DataFrame, held: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Rows beyond those the database already holds for the same keys (an overlap of two
    exports of one chat): the k-th occurrence of a key is new when fewer than k are held.
    `held` counts what the database holds per key in `n`."""
    if held.is_empty():  # the usual case: a chat's first export, or a later week's new lines
        return rows
    numbered = rows.with_columns(pl.int_range(pl.len()).over(keys).alias("_nth"))
    return (
        numbered.join(held, on=keys, how="left", nulls_equal=True)
        .filter(pl.col("_nth") >= pl.col("n").fill_null(0))
        .drop("_nth", "n")
    )


def time_span(*frames: pl.DataFrame) -> tuple[datetime | None, datetime | None]:
    """The earliest and latest `ts` over the frames (None for none)."""
    stamps = [f.get_column("ts") for f in frames if f.height]
    firsts = [t for t in (s.min() for s in stamps) if isinstance(t, datetime)]
    lasts = [t for t in (s.max() for s in stamps) if isinstance(t, datetime)]
    return min(firsts, default=None), max(lasts, default=None)


# A write batch's first load of chats (no message or event stored when it began): the groups
# it has written. An export of any other group can overlap nothing, and is not looked up.
_FIRST_LOAD = f"{BATCH_INFO}chat_groups_of_a_first_load"


def write_chat(
    conn: sa.Connection,
    group_id: str,
    chat_messages: pl.DataFrame,
    events: pl.DataFrame,
    file_id: int,
    span: tuple[datetime | None, datetime | None],
) -> tuple[int, int]:
    """Insert what an export adds to its group; returns (new messages, new events). `span`:
    the export's `time_span`."""
    start, end = span
    if start is None or end is None:  # nothing in the export
        return 0, 0
    if in_batch(conn) and _FIRST_LOAD not in conn.info:
        held = holds_rows(conn, messages) or holds_rows(conn, membership_events)
        conn.info[_FIRST_LOAD] = None if held else set()
    first_load: set[str] | None = conn.info.get(_FIRST_LOAD)
    if first_load is not None and group_id not in first_load:
        new_messages, new_events = chat_messages, events  # nothing of the group is held
        first_load.add(group_id)
    else:
        write_deferred(conn)  # the group's messages gathered so far are among those held
        held_messages, held_events = chat_keys(conn, group_id, start, end)
        new_messages = new_only(chat_messages, held_messages, ["ts", "author", "kind"])
        new_events = new_only(events, held_events, ["ts", "event", "actor", "subject"])
    # `bulk_insert` takes the table's columns only: the parser's line numbers stay behind. A
    # chat export holds a few hundred messages; gathered, they go in as one image.
    defer_insert(conn, messages, with_constants(new_messages, group_id=group_id, file_id=file_id))
    bulk_insert(
        conn, membership_events, with_constants(new_events, group_id=group_id, file_id=file_id)
    )
    return new_messages.height, new_events.height
