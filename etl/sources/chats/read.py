"""Chat exports → rows for `messages` and `membership_events` of the group they belong to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.sources.chats.names import chat_name, match_group
from etl.sources.chats.noise import is_noise
from etl.sources.whatsapp import ParsedExport, parse_export, parse_exports
from etl.sources.whatsapp.guesses import COUNT_SCHEMA, unverified_phrase_counts
from etl.sources.whatsapp.headers import MARKS
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


NamesByGroup = dict[str, pl.DataFrame]
"""Per group_id, its members' names that name exactly one of them (key) and that person
(by_name): how an author saved under a name in the exporting phone is recognised."""

_NO_NAMES = pl.DataFrame(schema={"key": pl.String, "by_name": pl.String})


def _name_key(column: str) -> pl.Expr:
    """A name as matched: without the direction marks a phone writes around a name in another
    script (an Urdu name on an English iPhone arrives as U+202B…U+202C), trimmed, lower-case."""
    return (
        pl.col(column)
        .str.replace_all(f"[{MARKS}]", "")
        .str.strip_chars()
        .str.to_lowercase()
        .alias("key")
    )


def names_by_group(members: pl.DataFrame) -> NamesByGroup:
    """`NamesByGroup` of the open members (group_id, person_id, name), worked out once for a
    run: filtered from the state's quarter million members for each export, they cost ~1 ms
    an export."""
    keyed = (
        members.drop_nulls("name")
        .with_columns(_name_key("name"))
        .filter(pl.col("key").is_unique().over("group_id"))
    )
    return {
        str(group_id): frame.select("key", pl.col("person_id").cast(pl.String).alias("by_name"))
        for (group_id,), frame in keyed.partition_by("group_id", as_dict=True).items()
    }


def _with_person(frame: pl.DataFrame, column: str, names: pl.DataFrame) -> pl.DataFrame:
    """`frame` with the person_id its `column` names: the number it is, else the one member
    the group knows by that name. Worked out on the distinct values (a chat's few dozen
    authors), not on every message."""
    values = frame.select(pl.col(column).unique().drop_nulls())
    phones = normalise_phones(values.get_column(column)).alias("phone")
    people = (
        values.with_columns(phones, _name_key(column))
        .join(names, on="key", how="left")
        .select(column, pl.coalesce("phone", "by_name").alias("person_id"))
    )
    return frame.join(people, on=column, how="left", maintain_order="left")


def read_chat(path: Path, groups: pl.DataFrame, known: NamesByGroup, *, keep_text: bool) -> Chat:
    """Parse `path`, match it to a group, tie authors and subjects to people, flag noise."""
    group_id = match_group(chat_name(path), groups)
    return _chat_of(group_id, parse_export(path), known, keep_text=keep_text)


def read_chats(
    paths: Sequence[Path], groups: pl.DataFrame, known: NamesByGroup, *, keep_text: bool
) -> list[Chat | Exception]:
    """`read_chat` of each path, in order: the chat, or the error that refused it alone. The
    exports are parsed together (`parse_exports`: their system lines classified in one pass
    of the phrase tables)."""
    matched: list[str | Exception] = []
    for path in paths:
        try:
            matched.append(match_group(chat_name(path), groups))
        except Exception as exc:  # refuses this export alone; the caller says why
            matched.append(exc)
    found = [p for p, group_id in zip(paths, matched, strict=True) if isinstance(group_id, str)]
    exports = iter(parse_exports(found))
    chats: list[Chat | Exception] = []
    for group_id in matched:
        parsed = group_id if isinstance(group_id, Exception) else next(exports)
        if isinstance(parsed, Exception):
            chats.append(parsed)
            continue
        try:
            chats.append(_chat_of(str(group_id), parsed, known, keep_text=keep_text))
        except Exception as exc:  # refuses this export alone; the caller says why
            chats.append(exc)
    return chats


def _chat_of(group_id: str, parsed: ParsedExport, known: NamesByGroup, *, keep_text: bool) -> Chat:
    """The parsed export of group `group_id` with its authors and subjects tied to people and
    its noise flagged."""
    names = known.get(group_id, _NO_NAMES)
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
