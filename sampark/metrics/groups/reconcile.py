"""Rosters against chats: who the list says is in a group, against what the chat shows.

Pure. Two findings per person and group:
- `left_chat`: on the current roster, but the chat's last word on them is that they left or
  were removed;
- `not_on_roster`: in the chat (joined, added or wrote) but on no current roster of the group.
"""

from __future__ import annotations

import polars as pl

EXIT_EVENTS = ("left", "removed")
ENTRY_EVENTS = ("added", "joined_link", "joined_community")
INTERVAL_SCHEMA = {
    "group_id": pl.String,
    "person_id": pl.String,
    "joined_at": pl.Datetime("us"),
    "left_at": pl.Datetime("us"),
    "last_at": pl.Datetime("us"),
}


def chat_memberships(events: pl.DataFrame) -> pl.DataFrame:
    """Membership intervals the chat shows: group_id, person_id, joined_at, left_at, last_at.

    An entry (added, joined by link or from the community) opens an interval unless one is
    open; an exit (left, removed) closes it. An exit with no entry before it in the export
    gives an interval with no `joined_at` (a member from before the export began); an open
    interval has no `left_at`. `last_at`: the interval's latest event.

    These are never written to the memberships table: rosters are the source of coverage, and
    a chat export only covers the time since the exporting phone joined. They serve the
    roster-vs-chat reconciliation below.

    >>> from datetime import datetime as dt
    >>> e = pl.DataFrame({"group_id": ["G"] * 3, "person_id": ["+91900"] * 3,
    ...                   "ts": [dt(2026, 1, 1), dt(2026, 2, 1), dt(2026, 3, 1)],
    ...                   "event": ["added", "left", "joined_link"]})
    >>> [(r["joined_at"].month, r["left_at"] and r["left_at"].month)
    ...  for r in chat_memberships(e).iter_rows(named=True)]
    [(1, 2), (3, None)]
    """
    keys = ["group_id", "person_id"]
    moves = (
        events.filter(pl.col("event").is_in((*ENTRY_EVENTS, *EXIT_EVENTS)))
        .sort([*keys, "ts"], maintain_order=True)
        .with_columns(pl.col("event").is_in(ENTRY_EVENTS).alias("entry"))
    )
    # A new interval starts at every event that does not follow an entry.
    after_entry = pl.col("entry").shift(1).over(keys).fill_null(False)
    moves = moves.with_columns((~after_entry).cast(pl.Int64).cum_sum().over(keys).alias("n"))
    return (
        moves.group_by([*keys, "n"], maintain_order=True)
        .agg(
            pl.col("ts").filter(pl.col("entry")).first().alias("joined_at"),
            pl.col("ts").filter(~pl.col("entry")).first().alias("left_at"),
            pl.col("ts").last().alias("last_at"),
        )
        .select(list(INTERVAL_SCHEMA))
        .cast(INTERVAL_SCHEMA)  # type: ignore[arg-type]
    )


def roster_vs_chat(
    members: pl.DataFrame, events: pl.DataFrame, authors: pl.DataFrame
) -> pl.DataFrame:
    """group_id, person_id, finding, since — one row per disagreement.

    members: open roster memberships (group_id, person_id); events: membership events with a
    known person (group_id, person_id, ts, event); authors: who wrote (group_id, person_id,
    last_ts)."""
    keys = ["group_id", "person_id"]
    # The chat's last word on each person: their latest interval, closed (left) or open.
    last = (
        chat_memberships(events)
        .sort("last_at", maintain_order=True)
        .group_by(keys)
        .agg(pl.all().last())
        .select(
            *keys,
            pl.when(pl.col("left_at").is_not_null())
            .then(pl.lit("left"))
            .otherwise(pl.lit("added"))
            .alias("event"),
            pl.col("last_at").alias("ts"),
        )
    )
    left_chat = (
        last.filter(pl.col("event").is_in(EXIT_EVENTS))
        .join(members.select(keys), on=keys, how="semi")
        .select(*keys, pl.lit("left_chat").alias("finding"), pl.col("ts").alias("since"))
    )
    present = (
        pl.concat(
            [
                last.filter(pl.col("event").is_in(ENTRY_EVENTS)).select(*keys, "ts"),
                authors.select(*keys, pl.col("last_ts").alias("ts")),
            ]
        )
        .group_by(keys)
        .agg(pl.col("ts").max())
    )
    # A person whose last event is an exit is not present, even if they once wrote.
    gone = last.filter(pl.col("event").is_in(EXIT_EVENTS)).select(keys)
    not_on_roster = (
        present.join(gone, on=keys, how="anti")
        .join(members.select(keys), on=keys, how="anti")
        .select(*keys, pl.lit("not_on_roster").alias("finding"), pl.col("ts").alias("since"))
    )
    return pl.concat([left_chat, not_on_roster]).sort(keys)


def findings_per_group(findings: pl.DataFrame) -> pl.DataFrame:
    """group_id with the count of each finding."""
    return findings.group_by("group_id").agg(
        (pl.col("finding") == "left_chat").sum().alias("left_chat"),
        (pl.col("finding") == "not_on_roster").sum().alias("not_on_roster"),
    )


def with_findings(health: pl.DataFrame, findings: pl.DataFrame) -> pl.DataFrame:
    """Group health with the roster-vs-chat counts added (0 where the two agree)."""
    counts = findings_per_group(findings)
    return health.join(counts, on="group_id", how="left").with_columns(
        pl.col("left_chat", "not_on_roster").fill_null(0).cast(pl.Int64)
    )
