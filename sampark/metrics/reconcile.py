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


def roster_vs_chat(
    members: pl.DataFrame, events: pl.DataFrame, authors: pl.DataFrame
) -> pl.DataFrame:
    """group_id, person_id, finding, since — one row per disagreement.

    members: open roster memberships (group_id, person_id); events: membership events with a
    known person (group_id, person_id, ts, event); authors: who wrote (group_id, person_id,
    last_ts)."""
    last = (
        events.filter(pl.col("event").is_in((*EXIT_EVENTS, *ENTRY_EVENTS)))
        .sort("ts")
        .group_by("group_id", "person_id")
        .agg(pl.col("event").last(), pl.col("ts").last())
    )
    keys = ["group_id", "person_id"]
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
