"""Whether each group's designated admin (SHO / CO, the group's `admin_phone`) is admin.

Pure. Two witnesses: the roster's admin column, true on the date of the group's newest roster,
and the chat's "made admin" / "dismissed as admin" lines (and an exit, which ends being admin
too). Whichever is newer wins: a chat event after the roster's date overrules the roster; a
roster newer than the last such event overrules the chat.
"""

from __future__ import annotations

import polars as pl

ADMIN_EVENTS = {"admin_made": True, "admin_dismissed": False, "left": False, "removed": False}


def designated_admin_status(
    groups: pl.DataFrame,
    members: pl.DataFrame,
    roster_dates: pl.DataFrame,
    events: pl.DataFrame,
) -> pl.DataFrame:
    """group_id, admin_is_admin (null where a group names no admin), admin_by ("roster" |
    "chat" | null).

    groups: group_id, admin_phone; members: open roster memberships (group_id, person_id,
    is_admin); roster_dates: group_id, as_of (newest roster applied); events: chat events
    naming a known person (group_id, person_id, ts, event).

    >>> from datetime import datetime
    >>> g = pl.DataFrame({"group_id": ["G"], "admin_phone": ["+91900"]})
    >>> m = pl.DataFrame({"group_id": ["G"], "person_id": ["+91900"], "is_admin": [False]})
    >>> r = pl.DataFrame({"group_id": ["G"], "as_of": [datetime(2026, 1, 1)]})
    >>> e = pl.DataFrame({"group_id": ["G"], "person_id": ["+91900"],
    ...                   "ts": [datetime(2026, 2, 1)], "event": ["admin_made"]})
    >>> designated_admin_status(g, m, r, e).rows()
    [('G', True, 'chat')]
    """
    keys = ["group_id", "person_id"]
    designated = groups.select("group_id", pl.col("admin_phone").alias("person_id"))
    on_roster = designated.join(
        members.filter(pl.col("is_admin")).select(keys).with_columns(pl.lit(True).alias("listed")),
        on=keys,
        how="left",
    ).join(roster_dates.select("group_id", "as_of"), on="group_id", how="left")
    last_event = (
        events.filter(pl.col("event").is_in(list(ADMIN_EVENTS)))
        .sort("ts", maintain_order=True)
        .group_by(keys)
        .agg(pl.col("event").last(), pl.col("ts").last())
    )
    joined = on_roster.join(last_event, on=keys, how="left")
    chat_wins = pl.col("ts").is_not_null() & (
        pl.col("as_of").is_null() | (pl.col("ts") > pl.col("as_of"))
    )
    by_chat = pl.col("event").replace_strict(ADMIN_EVENTS, default=None, return_dtype=pl.Boolean)
    no_admin = pl.col("person_id").is_null()
    return joined.select(
        "group_id",
        pl.when(no_admin)
        .then(None)
        .when(chat_wins)
        .then(by_chat)
        .otherwise(pl.col("listed").fill_null(False))
        .alias("admin_is_admin"),
        pl.when(no_admin)
        .then(None)
        .when(chat_wins)
        .then(pl.lit("chat"))
        .otherwise(pl.lit("roster"))
        .alias("admin_by"),
    ).sort("group_id")
