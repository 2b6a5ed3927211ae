"""Chat exports → rows for `messages` and `membership_events` of the group they belong to."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.sources.chats.names import chat_name, match_group
from etl.sources.chats.noise import is_noise
from etl.sources.whatsapp import ParsedExport, parse_export, parse_exports
from etl.sources.whatsapp.events import EXPORT, per_export
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


def _with_people(frame: pl.DataFrame, column: str, names: pl.DataFrame) -> pl.DataFrame:
    """`frame` (with its `group_id`) with the person_id its `column` names: the number it is,
    else the one member of its group known by that name (`names`: group_id, key, by_name).
    Worked out on the distinct values (a chat's few dozen authors), not on every message."""
    values = frame.select("group_id", column).unique().drop_nulls()
    phones = normalise_phones(values.get_column(column)).alias("phone")
    people = (
        values.with_columns(phones, _name_key(column))
        .join(names, on=["group_id", "key"], how="left")
        .select("group_id", column, pl.coalesce("phone", "by_name").alias("person_id"))
    )
    return frame.join(people, on=["group_id", column], how="left", maintain_order="left")


def _names_of(group_ids: Sequence[str], known: NamesByGroup) -> pl.DataFrame:
    """The names of these groups' members that name one of them: group_id, key, by_name."""
    named = [
        known[g].with_columns(pl.lit(g).alias("group_id"))
        for g in dict.fromkeys(group_ids)
        if g in known
    ]
    return pl.concat(
        [_NO_NAMES.with_columns(pl.lit(None, dtype=pl.String).alias("group_id")), *named]
    ).select("group_id", "key", "by_name")


def read_chat(path: Path, groups: pl.DataFrame, known: NamesByGroup, *, keep_text: bool) -> Chat:
    """Parse `path`, match it to a group, tie authors and subjects to people, flag noise."""
    group_id = match_group(chat_name(path), groups)
    return _chats_of([(group_id, parse_export(path))], known, keep_text=keep_text)[0]


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
    parsed = [
        group_id if isinstance(group_id, Exception) else next(exports) for group_id in matched
    ]
    ready = [
        (str(group_id), export)
        for group_id, export in zip(matched, parsed, strict=True)
        if not isinstance(export, Exception)
    ]
    try:
        together: Iterator[Chat | Exception] = iter(_chats_of(ready, known, keep_text=keep_text))
    except Exception:  # each export is then tied alone, and an error refuses only it
        together = (
            _chat_or_error(group_id, export, known, keep_text) for group_id, export in ready
        )
    return [export if isinstance(export, Exception) else next(together) for export in parsed]


def _chat_or_error(
    group_id: str, parsed: ParsedExport, known: NamesByGroup, keep_text: bool
) -> Chat | Exception:
    try:
        return _chats_of([(group_id, parsed)], known, keep_text=keep_text)[0]
    except Exception as exc:  # refuses this export alone; the caller says why
        return exc


def _chats_of(
    parsed: Sequence[tuple[str, ParsedExport]], known: NamesByGroup, *, keep_text: bool
) -> list[Chat]:
    """Each parsed export, of the group given with it, with its authors and subjects tied to
    people and its noise flagged. Worked out for all of them in one query each: per export,
    these few steps were a third of the CPU of a state's average export (~125 KB)."""
    if not parsed:
        return []
    names = _names_of([group_id for group_id, _ in parsed], known)
    messages = (
        _with_people(_stacked([p.messages for _, p in parsed], parsed), "author", names)
        .with_columns(
            (is_noise("text") & (pl.col("kind") == "text")).alias("is_noise"),
            (pl.col("text") if keep_text else pl.lit(None, dtype=pl.String)).alias("text"),
        )
        .select(EXPORT, "line", "ts", "author", "person_id", "kind", "is_noise", "text")
    )
    # "X joined", "X left" and "X created group" name the person as the actor; "A added X"
    # as the subject.
    who = (
        pl.when(pl.col("event").is_in(SELF_EVENTS))
        .then(pl.col("actor"))
        .otherwise(pl.col("subject"))
        .alias("who")
    )
    events = _with_people(
        _stacked([p.events for _, p in parsed], parsed).with_columns(who), "who", names
    ).select(EXPORT, "line", "ts", "event", "actor", "subject", "person_id")
    messages_of, events_of = per_export(messages, len(parsed)), per_export(events, len(parsed))
    return [
        Chat(
            group_id=group_id,
            messages=messages_of[i],
            events=events_of[i],
            rejects=export.rejects,
            rows_read=export.messages.height,
            incomplete=export.incomplete,
            guesses=unverified_phrase_counts(export),
        )
        for i, (group_id, export) in enumerate(parsed)
    ]


def _stacked(
    frames: list[pl.DataFrame], parsed: Sequence[tuple[str, ParsedExport]]
) -> pl.DataFrame:
    """The exports' frames one under another, each row with its export's place (`EXPORT`)
    and group."""
    heights = [frame.height for frame in frames]
    owners = pl.DataFrame(
        {EXPORT: list(range(len(frames))), "group_id": [g for g, _ in parsed], "n": heights},
        schema={EXPORT: pl.Int32, "group_id": pl.String, "n": pl.Int64},
    )
    rows = owners.select(
        pl.col(EXPORT).repeat_by("n").explode(), pl.col("group_id").repeat_by("n").explode()
    ).drop_nulls(EXPORT)
    return pl.concat([rows, pl.concat(frames)], how="horizontal")
