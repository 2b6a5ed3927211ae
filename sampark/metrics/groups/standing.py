"""One group's members now, by the chat and roster rule, from the stored chat spells.

Pure. `group_standing` applies `memberships.reconciled` (the newer dated evidence wins, per
person) to the group's open roster memberships and its chat spells as stored, and says, per
person, whether the two sources disagree and whether the chat's account comes from an export
cut off at WhatsApp's cap. `moves_in_window` counts joins and exits the chat shows.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.memberships import (
    NO_ROSTER,
    RECONCILED_SCHEMA,
    reconciled,
    reconciled_by_group,
)

STANDING_SCHEMA: dict[str, pl.DataType] = {
    **RECONCILED_SCHEMA,
    "person_id": pl.String(),  # the roster's person id; null: a name the chat shows, unmatched
    "start_is_bound": pl.Boolean(),  # the chat did not see the current spell start
    "incomplete": pl.Boolean(),  # the chat's account is from an export cut off at the cap
    # The chat shows a person the roster lists leaving after the roster's date, or a newer
    # roster leaves out a person the chat shows in the group. Silence is no disagreement, nor
    # is a join after the roster (the roster is older, not wrong).
    "disagrees": pl.Boolean(),
}


def group_standing(
    roster: pl.DataFrame, snapshot_at: datetime | None, spells: pl.DataFrame
) -> pl.DataFrame:
    """roster: open memberships (person, is_admin) of the newest roster, taken `snapshot_at`
    (None: no roster yet); spells: the group's stored chat spells (person, person_id,
    joined_at, start_is_bound, left_at, left_how, joined_how, is_admin, first_seen, last_seen,
    incomplete) → one row per person (`STANDING_SCHEMA`), members first.

    >>> from datetime import datetime as dt
    >>> roster = pl.DataFrame({"person": ["+91901"], "is_admin": [True]})
    >>> spells = pl.DataFrame({"person": ["+91901"], "person_id": ["+91901"],
    ...     "joined_at": [dt(2024, 1, 2)], "start_is_bound": [True], "joined_how": [None],
    ...     "left_at": [dt(2024, 3, 5)], "left_how": ["left"], "is_admin": [True],
    ...     "first_seen": [dt(2024, 1, 2)], "last_seen": [dt(2024, 3, 5)],
    ...     "incomplete": [False]})
    >>> group_standing(roster, dt(2024, 3, 1), spells).select(
    ...     "person", "is_member", "source", "disagrees").rows()
    [('+91901', False, 'chat', True)]
    """
    chat = _chat_account(spells)
    taken = snapshot_at or NO_ROSTER  # no roster yet: every person's standing is the chat's
    merged = reconciled(roster.select("person", "is_admin"), taken, chat)
    extra = _chat_side(chat, taken)
    listed = roster.select("person", pl.lit(True).alias("_listed"))
    has_roster = snapshot_at is not None
    out = (
        merged.join(extra, on="person", how="left", maintain_order="left")
        .join(listed, on="person", how="left", maintain_order="left")
        .with_columns(
            pl.col("_listed").fill_null(False),
            pl.col("start_is_bound").fill_null(False),
            pl.col("incomplete").fill_null(False),
        )
        .with_columns(
            pl.coalesce("person_id", pl.when(pl.col("_listed")).then("person")).alias("person_id"),
            (
                pl.lit(has_roster)
                & pl.col("_in_chat").fill_null(False)
                & pl.when(pl.col("_listed"))
                .then(pl.col("_chat_wins") & ~pl.col("_open"))
                .otherwise(~pl.col("_chat_wins") & pl.col("_open"))
            ).alias("disagrees"),
        )
    )
    return (
        out.select(list(STANDING_SCHEMA))
        .cast(STANDING_SCHEMA)  # type: ignore[arg-type]
        .sort("is_member", descending=True, maintain_order=True)
    )


def _chat_account(spells: pl.DataFrame) -> pl.DataFrame:
    """Stored spells as the rule reads them: a start the chat did not see is no join."""
    return spells.with_columns(
        pl.when(~pl.col("start_is_bound")).then(pl.col("joined_at")).alias("joined_at")
    )


def _chat_side(chat: pl.DataFrame, taken: datetime) -> pl.DataFrame:
    """Each person's last chat spell: whether it is still open, and whether the chat speaks
    after the roster taken at `taken`."""
    open_in_chat = pl.col("last_seen").is_not_null() & pl.col("left_at").is_null()
    return (
        chat.group_by("person", maintain_order=True)
        .last()
        .select(
            "person",
            "person_id",
            "start_is_bound",
            "incomplete",
            open_in_chat.alias("_open"),
            pl.col("last_seen").is_not_null().alias("_in_chat"),
            # Rule 2 of `memberships`: the chat speaks last when on or after the roster's day.
            (pl.col("last_seen") >= datetime.combine(taken.date(), datetime.min.time())).alias(
                "_chat_wins"
            ),
        )
    )


def moves_in_window(spells: pl.DataFrame, start: datetime, end: datetime) -> tuple[int, int]:
    """(joins, exits) the chat shows between `start` and `end`: spells starting in sight in
    the window, and spells ending in it."""
    row = spells.select(_joins(start, end).sum(), _exits(start, end).sum()).row(0)
    return int(row[0] or 0), int(row[1] or 0)


def _joins(start: datetime, end: datetime) -> pl.Expr:
    inside = pl.col("joined_at").is_between(start, end) & ~pl.col("start_is_bound")
    return inside.alias("joins_30d")


def _exits(start: datetime, end: datetime) -> pl.Expr:
    return pl.col("left_at").is_between(start, end).alias("exits_30d")


MEMBERS_BY_RULE_SCHEMA: dict[str, pl.DataType] = {
    "group_id": pl.String(),
    "members": pl.Int64(),  # members now by the rule
    # Whose account the figure rests on: roster | chat | both (null: neither names anyone).
    "member_source": pl.String(),
    "joins_30d": pl.Int64(),  # spells the chat saw start in the window
    "exits_30d": pl.Int64(),  # spells that ended in the window
}


def standing_by_group(
    members: pl.DataFrame, roster_dates: pl.DataFrame, spells: pl.DataFrame
) -> pl.DataFrame:
    """Every group's people by the rule `group_standing` applies to one group: group_id,
    person, is_member, is_admin, source. members: open roster memberships (group_id, person_id,
    is_admin); roster_dates: group_id, as_of (the newest roster's date); spells: the groups'
    stored chat spells (group_id, person, joined_at, start_is_bound, left_at, is_admin,
    first_seen, last_seen)."""
    roster = members.select("group_id", pl.col("person_id").alias("person"), "is_admin")
    taken = roster_dates.select("group_id", pl.col("as_of").alias("snapshot_at"))
    chat = _chat_account(spells)
    return reconciled_by_group(roster, taken, chat).select(
        "group_id", "person", "is_member", "is_admin", "source"
    )


def members_by_rule(
    standing: pl.DataFrame, spells: pl.DataFrame, start: datetime, end: datetime
) -> pl.DataFrame:
    """Per group (`MEMBERS_BY_RULE_SCHEMA`): members now from `standing_by_group`, whose
    account they rest on, and the joins and exits the chat's spells show between `start` and
    `end` (a person who joins and leaves in the window counts once each way).

    >>> from datetime import datetime as dt
    >>> standing = pl.DataFrame({"group_id": ["G", "G", "G"], "person": ["a", "b", "c"],
    ...     "is_member": [True, True, False], "source": ["roster", "chat", "chat"]})
    >>> spells = pl.DataFrame({"group_id": ["G", "G"], "joined_at": [dt(2024, 3, 4)] * 2,
    ...     "start_is_bound": [False, True], "left_at": [None, dt(2024, 3, 5)]})
    >>> members_by_rule(standing, spells, dt(2024, 3, 1), dt(2024, 3, 31)).rows()
    [('G', 2, 'both', 1, 1)]
    """
    sources = pl.col("source").unique()
    counts = standing.group_by("group_id").agg(
        pl.col("is_member").sum().alias("members"),
        pl.when(sources.len() > 1)
        .then(pl.lit("both"))
        .otherwise(sources.first())
        .alias("member_source"),
    )
    moves = spells.group_by("group_id").agg(_joins(start, end).sum(), _exits(start, end).sum())
    return (
        counts.join(moves, on="group_id", how="full", coalesce=True)
        .with_columns(pl.col("members", "joins_30d", "exits_30d").fill_null(0))
        .select(list(MEMBERS_BY_RULE_SCHEMA))
        .cast(MEMBERS_BY_RULE_SCHEMA)  # type: ignore[arg-type]
        .sort("group_id")
    )
