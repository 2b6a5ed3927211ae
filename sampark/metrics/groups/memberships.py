"""Who was in a group, and when, as a chat export shows it; and which source wins when the
chat and the group's roster disagree.

A chat export records changes (added, joined by link or from the community, left, removed,
made or dismissed admin); a roster records who was in the group on the day it was taken.
`chat_memberships` turns one chat's events into membership spells per person;
`reconciled` sets them beside one roster snapshot.

## The rule: the newer dated evidence wins, per person

1. The roster says who was in the group on its date (`snapshot_at`); the chat says what
   changed, and when. For each person, whichever source speaks last about them wins:
   - a chat event after the roster's date overrides the roster (listed on 1 March, "Ravi
     left" on 5 March: Ravi's spell ends on 5 March);
   - a roster after the chat's last event about a person overrides the chat (Ravi left on
     1 February, listed on 1 March: he is a member again; how he came back the export
     does not show).
2. On the roster's own day the chat wins: a roster carries a date only, the chat the minute,
   so the roster may have been taken before or after the event that day.
3. Silence is not evidence. A person the roster lists and the chat never names stays a member
   by the roster; a person the chat shows joining and no later roster lists stays a member
   by the chat. Only a newer roster that leaves a chat member out ends that member's spell
   (on the roster's date), and only a newer chat event ends a roster member's.
4. The start of a spell is the earliest evidence of it: the chat's join time when the chat
   saw the join, else the roster's date (a roster only bounds the start from above).
5. Admin: the source that wins for the person gives the admin flag: the chat's ("made
   admin" / "dismissed as admin"; a group's creator is its admin from the creation; one who
   joined in sight and was never made admin is not one), or the roster's.

People are matched by `person`: the loader maps a chat's names (saved contact names, or the
phone number WhatsApp shows for an unsaved one, or "You" for the exporting phone) to the
roster's person ids before calling `reconciled`.

>>> from datetime import datetime as dt
>>> events = pl.DataFrame({
...     "ts": [dt(2024, 1, 5, 10), dt(2024, 1, 9, 8)],
...     "event": ["added", "left"],
...     "actor": ["SHO Kotwali", "Amit"],
...     "subject": ["Amit", None],
... })
>>> chat_memberships(events).select("person", "joined_at", "left_at", "left_how").rows()
[('Amit', datetime.datetime(2024, 1, 5, 10, 0), datetime.datetime(2024, 1, 9, 8, 0), 'left')]
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

# Events whose person is the one acted on (`subject`); for the others it is the `actor`.
_ON_SUBJECT = ("added", "removed", "admin_made", "admin_dismissed")
JOINS = ("created", "added", "joined_link", "joined_community")
EXITS = ("left", "removed")
_ADMIN = {"created": True, "admin_made": True, "admin_dismissed": False}

SPELL_SCHEMA: dict[str, pl.DataType] = {
    "person": pl.String(),
    "joined_at": pl.Datetime("us"),  # null: a member before the export's first word of them
    "joined_how": pl.String(),  # the event that started the spell; null when unseen
    "left_at": pl.Datetime("us"),  # null: still a member at the export's end
    "left_how": pl.String(),  # left | removed
    "is_admin": pl.Boolean(),  # at the spell's end (null: no word on it and start unseen)
    "first_seen": pl.Datetime("us"),  # the chat's first and last event about this person
    "last_seen": pl.Datetime("us"),  # in the spell
}
_SPELL_BY_GROUP: dict[str, pl.DataType] = {"group_id": pl.String(), **SPELL_SCHEMA}


def chat_memberships(events: pl.DataFrame) -> pl.DataFrame:
    """One chat's events (`ts`, `event`, `actor`, `subject`, optionally `line`) → one row per
    membership spell of a person (`SPELL_SCHEMA`), in the order of the spells' first events.

    A spell starts at the first event that shows the person in the group after they were not
    (a join, or any other word of them when the export starts mid-membership) and ends at
    the next exit. A second join while in the group changes nothing; an exit with no spell
    open is a spell whose start the export does not show.
    """
    one = pl.lit("", pl.String).alias("group_id")
    return chat_memberships_by_group(events.with_columns(one)).drop("group_id")


def chat_memberships_by_group(events: pl.DataFrame) -> pl.DataFrame:
    """`chat_memberships` for many groups at once: events with `group_id` → `group_id` and
    `SPELL_SCHEMA` per spell, each group's spells in the order of their first events.

    A weekly load refreshes the spells of a thousand groups; one pass over all their events
    costs what one group's pass costs."""
    moves = _moves(events)
    if moves.height == 0:
        return pl.DataFrame(schema=_SPELL_BY_GROUP)
    return _spells(moves)


def stored_spells(spells: pl.DataFrame, group_id: str | None, *kept: str) -> pl.DataFrame:
    """Spells (`chat_memberships`, each with its `person_id`) as they are stored for a group:
    a start the export does not show stands at the person's first word in it, marked a bound,
    so a spell always has a start to count from. `group_id` None: the spells carry their
    group in a `group_id` column (`chat_memberships_by_group`). `kept` names further columns
    carried along."""
    group = pl.col("group_id") if group_id is None else pl.lit(group_id).alias("group_id")
    return spells.select(
        group,
        "person",
        "person_id",
        pl.coalesce("joined_at", "first_seen").alias("joined_at"),
        pl.col("joined_at").is_null().alias("start_is_bound"),
        "joined_how",
        "left_at",
        "left_how",
        "is_admin",
        "first_seen",
        "last_seen",
        *kept,
    )


def _moves(events: pl.DataFrame) -> pl.DataFrame:
    """The joins, exits and admin changes of each group's chat, in time order, each with the
    person it is about (the subject of an add or a removal, else the actor)."""
    order = ["group_id", "ts", "line"] if "line" in events.columns else ["group_id", "ts"]
    person = pl.when(pl.col("event").is_in(_ON_SUBJECT)).then(pl.col("subject")).otherwise("actor")
    return (
        events.filter(pl.col("event").is_in([*JOINS, *EXITS, *_ADMIN]))
        .with_row_index("_at")
        .sort([*order, "_at"])
        .select(
            pl.col("group_id").cast(pl.String),
            person.str.strip_chars().alias("person"),
            "ts",
            "event",
            pl.col("event").is_in(EXITS).alias("_exit"),
            pl.col("event")
            .replace_strict(_ADMIN, default=None, return_dtype=pl.Boolean)
            .alias("_admin"),
        )
        .filter(pl.col("person").is_not_null() & (pl.col("person") != ""))
    )


def _spells(moves: pl.DataFrame) -> pl.DataFrame:
    """`_moves` rows → one row per spell (`SPELL_SCHEMA`), in the order of first events."""
    # In the group before this event: the previous event of the person was not an exit.
    who = ["group_id", "person"]
    was_in = (~pl.col("_exit")).shift(1).over(who).fill_null(False)
    spells = moves.with_columns(
        (~was_in).cum_sum().over(who).alias("_spell"),
        pl.int_range(pl.len()).alias("_order"),
    )
    first, exits = pl.col("event").first(), pl.col("_exit")
    return (
        spells.group_by(*who, "_spell", maintain_order=True)
        .agg(
            pl.when(first.is_in(JOINS)).then(pl.col("ts").first()).alias("joined_at"),
            pl.when(first.is_in(JOINS)).then(first).alias("joined_how"),
            pl.col("ts").filter(exits).first().alias("left_at"),
            pl.col("event").filter(exits).first().alias("left_how"),
            pl.col("_admin").drop_nulls().last().alias("_said"),
            first.is_in(JOINS).alias("_seen_start"),
            pl.col("ts").first().alias("first_seen"),
            pl.col("ts").last().alias("last_seen"),
            pl.col("_order").first().alias("_order"),
        )
        .sort("_order")
        .select(
            *who,
            "joined_at",
            "joined_how",
            "left_at",
            "left_how",
            # Joined in sight and never made admin: not an admin.
            pl.when(pl.col("_said").is_not_null())
            .then(pl.col("_said"))
            .when(pl.col("_seen_start"))
            .then(False)
            .alias("is_admin"),
            "first_seen",
            "last_seen",
        )
        .cast(_SPELL_BY_GROUP)  # type: ignore[arg-type]
    )


# The date standing in for a roster a group does not have: older than any chat.
NO_ROSTER = datetime(1900, 1, 1)

RECONCILED_SCHEMA: dict[str, pl.DataType] = {
    "person": pl.String(),
    "is_member": pl.Boolean(),  # at the later of the roster's date and the chat's last event
    "joined_at": pl.Datetime("us"),  # the earliest evidence of the current (or last) spell
    "left_at": pl.Datetime("us"),
    "is_admin": pl.Boolean(),
    "source": pl.String(),  # roster | chat: whose account of this person is taken
}


_BY_GROUP_SCHEMA: dict[str, pl.DataType] = {"group_id": pl.String(), **RECONCILED_SCHEMA}


def reconciled(roster: pl.DataFrame, snapshot_at: datetime, spells: pl.DataFrame) -> pl.DataFrame:
    """One roster snapshot (`person`, `is_admin`, taken on `snapshot_at`) and one chat's
    `chat_memberships` for the same group → one row per person either names, by the rule of
    this module (`RECONCILED_SCHEMA`), roster people first."""
    one = pl.lit("", pl.String).alias("group_id")
    taken = pl.DataFrame({"group_id": [""], "snapshot_at": [snapshot_at]})
    return reconciled_by_group(roster.with_columns(one), taken, spells.with_columns(one)).drop(
        "group_id"
    )


def reconciled_by_group(
    roster: pl.DataFrame, snapshots: pl.DataFrame, spells: pl.DataFrame
) -> pl.DataFrame:
    """`reconciled` for many groups at once: roster (`group_id`, `person`, `is_admin`), the
    date each group's roster was taken (`group_id`, `snapshot_at`; a group without one has no
    roster, so the chat's account is the whole one) and the groups' `chat_memberships` with
    `group_id` → `group_id` and `RECONCILED_SCHEMA` per group and person, roster people first.

    The one-group view and the all-groups table both count members by this function, so a
    group reads the same in both."""
    keys = ["group_id", "person"]
    last = spells.group_by(keys, maintain_order=True).last()
    both = (
        roster.select(*keys, pl.lit(True).alias("_listed"), pl.col("is_admin").alias("_r_admin"))
        .join(last, on=keys, how="full", coalesce=True, maintain_order="left_right")
        .join(
            snapshots.select(
                pl.col("group_id").cast(pl.String), pl.col("snapshot_at").cast(pl.Datetime("us"))
            ),
            on="group_id",
            how="left",
            maintain_order="left",
        )
    )
    taken = pl.col("snapshot_at").fill_null(NO_ROSTER)
    day = taken.dt.truncate("1d")
    listed = pl.col("_listed").fill_null(False)
    in_chat = pl.col("last_seen").is_not_null()
    open_in_chat = in_chat & pl.col("left_at").is_null()
    # Rule 1 and 2: the chat speaks last with an event on or after the roster's day.
    chat_wins = in_chat & (pl.col("last_seen") >= day)
    # Rule 4: the earliest evidence of the spell the roster confirms.
    earliest = pl.coalesce(pl.col("joined_at"), pl.min_horizontal("first_seen", taken))
    return both.select(
        "group_id",
        "person",
        pl.when(chat_wins).then(open_in_chat).otherwise(listed).alias("is_member"),
        pl.when(listed & (chat_wins | open_in_chat))
        .then(earliest)
        .when(listed)
        .then(taken)  # back after leaving, or never named by the chat: the roster's date
        .otherwise(pl.col("joined_at"))
        .alias("joined_at"),
        pl.when(chat_wins)
        .then(pl.col("left_at"))
        .when(listed)
        .then(None)
        .when(open_in_chat)
        .then(taken)  # a newer roster leaves out a member of the chat (rule 3)
        .otherwise(pl.col("left_at"))
        .alias("left_at"),
        pl.when(~chat_wins & listed)
        .then(pl.col("_r_admin"))
        .otherwise(pl.col("is_admin"))
        .alias("is_admin"),
        pl.when(chat_wins | (~listed & ~open_in_chat))
        .then(pl.lit("chat"))
        .otherwise(pl.lit("roster"))
        .alias("source"),
    ).cast(_BY_GROUP_SCHEMA)  # type: ignore[arg-type]


def keyed_events_by_group(events: pl.DataFrame) -> pl.DataFrame:
    """Groups' stored events (`group_id`, `ts`, `event`, `actor`, `subject`, `person_id`,
    `file_id`) with `actor` and `subject` both set to the person the event is about, as one
    key: the roster's person id when the loader matched the chat's name to one (on this event
    or on another naming the same name in the same group), else the name as the chat shows it.

    Exact duplicates (one event in two overlapping exports) are dropped.

    >>> from datetime import datetime as dt
    >>> e = pl.DataFrame({"group_id": ["G1", "G1"], "ts": [dt(2024, 1, 5), dt(2024, 1, 6)],
    ...     "event": ["added", "left"], "actor": ["SHO", "Amit"], "subject": ["Amit", None],
    ...     "person_id": ["+919800000001", None], "file_id": [1, 1]})
    >>> keyed_events_by_group(e).get_column("actor").to_list()
    ['+919800000001', '+919800000001']
    """
    named = pl.when(pl.col("event").is_in(_ON_SUBJECT)).then("subject").otherwise("actor")
    base = events.unique(
        ["group_id", "ts", "event", "actor", "subject"], keep="first", maintain_order=True
    )
    base = base.with_columns(named.str.strip_chars().alias("_name"))
    ids = (
        base.drop_nulls("person_id")
        .group_by("group_id", "_name")
        .agg(pl.col("person_id").first().alias("_known"))
    )
    keyed = base.join(
        ids, on=["group_id", "_name"], how="left", maintain_order="left"
    ).with_columns(pl.coalesce("person_id", "_known").alias("person_id"))
    key = pl.coalesce("person_id", "_name")
    return keyed.with_columns(key.alias("actor"), key.alias("subject")).drop("_name", "_known")
