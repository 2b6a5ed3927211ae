"""Chat exports → rows for `messages` and `membership_events` of the group they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.sources.chats.names import chat_name, match_group
from etl.sources.chats.noise import is_noise
from etl.sources.whatsapp import parse_export
from etl.sources.whatsapp.guesses import COUNT_SCHEMA, unverified_phrase_counts
from sampark.phones import normalise_phones

CHAT_SUFFIXES = (".txt", ".zip")
SELF_EVENTS = ("created", "joined_link", "joined_community", "left", "number_changed")


@dataclass(frozen=True)
class Chat:
    """One export, matched to its group, shaped for loading."""

    group_id: str
    messages: pl.DataFrame  # line, ts, author, person_id, kind, is_noise, text
    events: pl.DataFrame  # line, ts, event, actor, subject, person_id
    rejects: pl.DataFrame  # line, reason, raw
    rows_read: int
    incomplete: bool = False  # WhatsApp's cap cut off the chat's earlier history
    # locale, kind, event, phrase, lines: unverified phrases that typed lines of the export
    guesses: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=COUNT_SCHEMA))


def _people_by_name(members: pl.DataFrame) -> pl.DataFrame:
    """Names of a group's members that name exactly one of them (saved-contact authors)."""
    return (
        members.drop_nulls("name")
        .with_columns(pl.col("name").str.strip_chars().str.to_lowercase().alias("key"))
        .filter(pl.col("key").is_unique())
        .select("key", pl.col("person_id").alias("by_name"))
    )


def _with_person(frame: pl.DataFrame, column: str, names: pl.DataFrame) -> pl.DataFrame:
    phones = normalise_phones(frame.get_column(column)).alias(f"{column}_phone")
    keyed = frame.with_columns(
        phones, pl.col(column).str.strip_chars().str.to_lowercase().alias("key")
    )
    joined = keyed.join(names, on="key", how="left", maintain_order="left")
    return joined.with_columns(pl.coalesce(f"{column}_phone", "by_name").alias("person_id")).drop(
        "key", "by_name", f"{column}_phone"
    )


def read_chat(path: Path, groups: pl.DataFrame, members: pl.DataFrame, *, keep_text: bool) -> Chat:
    """Parse `path`, match it to a group, tie authors and subjects to people, flag noise.

    `members` holds person_id and name of the matched group's people (from rosters), so an
    author saved under a name in the exporting phone is still recognised.
    """
    group_id = match_group(chat_name(path), groups)
    parsed = parse_export(path)
    names = _people_by_name(members.filter(pl.col("group_id") == group_id))
    messages = (
        _with_person(parsed.messages, "author", names)
        .with_columns(
            (is_noise("text") & (pl.col("kind") == "text")).alias("is_noise"),
            (pl.col("text") if keep_text else pl.lit(None, dtype=pl.String)).alias("text"),
        )
        .select("line", "ts", "author", "person_id", "kind", "is_noise", "text")
    )
    # "X joined", "X left" and "X created group" name the person as the actor; "A added X"
    # as the subject.
    who = (
        pl.when(pl.col("event").is_in(SELF_EVENTS))
        .then(pl.col("actor"))
        .otherwise(pl.col("subject"))
        .alias("who")
    )
    events = _with_person(parsed.events.with_columns(who), "who", names).select(
        "line", "ts", "event", "actor", "subject", "person_id"
    )
    return Chat(
        group_id=group_id,
        messages=messages,
        events=events,
        rejects=parsed.rejects,
        rows_read=parsed.messages.height,
        incomplete=parsed.incomplete,
        guesses=unverified_phrase_counts(parsed),
    )
