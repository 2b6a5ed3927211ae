"""What each entry of a WhatsApp export is: a user message (text, media, deleted) or a system
line, and which membership or group event a system line records.

This settles the entries `plain` left over, once per file, through the phrase tables (`phrases`,
matched by `matching`), and turns the system lines into events, one per person named.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from etl.sources.whatsapp.matching import event_sieve, matched_events
from etl.sources.whatsapp.phrases import (
    LRM,
    PHRASES_DIR,
    Phrases,
    _whole,
    _yaml,
    any_of,
    load_phrases,
    normalized,
)
from etl.sources.whatsapp.plain import (
    ANSWERED_CALL,
    Plain,
    phrase_flags,
    plain_messages,
    with_more,
)

# What this module makes, and what code written before the phrase tables, the matching and the
# plain messages had modules of their own imports from here (new code imports those from
# `phrases`, `matching` and `plain`).
__all__ = [
    "CHAT",
    "EVENT_SCHEMA",
    "EXPORT",
    "LRM",
    "PHRASES_DIR",
    "Classified",
    "Phrases",
    "Plain",
    "_any_of",
    "_whole",
    "_yaml",
    "classified_exports",
    "events_of",
    "load_phrases",
    "matched_events",
    "normalized",
    "phrase_flags",
    "plain_messages",
]
_any_of = any_of

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "event": pl.String(),
    "actor": pl.String(),
    "subject": pl.String(),
    "line": pl.Int64(),
}


@dataclass(frozen=True)
class Classified:
    """The entries that need the phrase tables, as messages and events, and what the
    file-wide "voice" rule needs.

    iOS attributes system lines to the group (or the actor) and marks them with U+200E. A
    marked line no phrase knows is a system line when it opens with its author's name, or
    when its author speaks only in marked lines, at least one of them a known system phrase,
    anywhere in the file; `pending` holds the latter until the whole file has been seen.
    """

    messages: pl.DataFrame  # ts, author, text, kind, line
    events: pl.DataFrame  # ts, event, actor, subject, line
    pending: pl.DataFrame  # line, author
    unmarked_authors: pl.Series  # authors of unmarked attributed lines
    event_authors: pl.Series  # authors of marked lines a phrase recognised


EXPORT = "_export"
"""The column numbering the exports of a batch classified together (`classified_exports`)."""
CHAT = "_chat"
"""The column holding each entry's chat name (null: unnamed), which iOS attributes lines to."""


def classified_exports(entries: pl.DataFrame, phrases: Phrases, exports: int) -> list[Classified]:
    """The entries `plain_messages` left over (ts, line, rest, more) of one or more exports,
    each numbered by `EXPORT` (0 … `exports` − 1) and named by `CHAT`, → one `Classified` per
    export, in that order: messages, events and the voice inputs, through the phrase tables.

    Each entry is classified on its own, so a batch gives what each export alone gives; what
    a batch saves is the fixed cost of the phrase tables' dozens of polars steps, most of the
    CPU of a small export."""
    odd = _classified_odd(entries, phrases)
    attributed = pl.col("has_author") & pl.col("w_event").is_null()
    messages = per_export(odd.select(EXPORT, "ts", "author", "text", "kind", "line"), exports)
    events = per_export(events_of(odd, phrases), exports)
    pending = per_export(
        odd.filter(pl.col("_pending")).select(EXPORT, "line", pl.col("_author").alias("author")),
        exports,
    )
    # A media or deleted placeholder is a person's message even when iOS marks it.
    unmarked = per_export(
        odd.filter(attributed & (~pl.col("_marked") | pl.col("_placeholder"))).select(
            EXPORT, "_author"
        ),
        exports,
    )
    spoken = per_export(
        odd.filter(attributed & pl.col("_marked") & pl.col("a_event").is_not_null())
        .select(EXPORT, "_author")
        .unique(),
        exports,
    )
    return [
        Classified(
            messages=messages[k],
            events=events[k],
            pending=pending[k],
            unmarked_authors=unmarked[k].get_column("_author"),
            event_authors=spoken[k].get_column("_author"),
        )
        for k in range(exports)
    ]


def per_export(frame: pl.DataFrame, exports: int) -> list[pl.DataFrame]:
    """`frame`'s rows of each export, in their order, without the `EXPORT` column."""
    if exports == 1:
        return [frame.drop(EXPORT)]
    parts = frame.partition_by(EXPORT, as_dict=True, include_key=False, maintain_order=True)
    empty = frame.clear().drop(EXPORT)
    return [parts.get((k,), empty) for k in range(exports)]


def _classified_odd(entries: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """Entries that need the phrase tables → `_classify_odd`'s frame.

    An entry whose text is only a name and a colon is that person's empty message: iOS writes
    `Carlos:`, Android `Carlos: ` (no system line ends with a colon)."""
    entries = _name_across_lines(entries, phrases)
    rest = pl.col("rest")
    bare = rest.str.ends_with(":") & ~rest.str.contains(": ", literal=True)
    parts = pl.when(bare).then(rest + " ").otherwise(rest).str.splitn(": ", 2)
    e = entries.with_columns(
        (rest.str.contains(": ", literal=True) | bare).fill_null(False).alias("has_author"),
        parts.struct.field("field_0").alias("_author"),
        parts.struct.field("field_1").alias("_msg"),
    )
    e = _group_name_with_colon(e, phrases).with_columns(
        pl.col("_msg").str.starts_with(LRM).fill_null(False).alias("_marked")
    )
    return _classify_odd(e, phrases)


def _group_name_with_colon(e: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """Entries split at the author's ": " that comes right before iOS's mark, when the group
    name the line is attributed to holds ": " itself ("Music: Covers: ‎You're now an admin",
    seen in an iPhone export, ajhenne/text2playlist _chat.txt): the text after the first
    ": " is unmarked, and after the marked ": " stands a system phrase. Not for a placeholder:
    a person's caption may end in ": " before the attachment iOS marks ("… in Dutch:
    ‎<attached: …>", 108-Dev/amala _chat.txt), and stays theirs."""
    late = f": {LRM}"
    maybe = e.select(
        (~pl.col("_msg").str.starts_with(LRM) & pl.col("_msg").str.contains(late, literal=True))
        .fill_null(False)
        .alias("m")
    ).to_series()
    at = maybe.arg_true()
    if at.len() == 0:
        return e
    parts = e.get_column("rest").gather(at).str.splitn(late, 2).struct.unnest()
    after = pl.select(normalized(pl.lit(parts.get_column("field_1")))).to_series()
    known = event_sieve(phrases).matches(after).fill_null(False)
    moved = maybe.scatter(at, known)
    author = e.get_column("_author").scatter(at, parts.get_column("field_0"))
    msg = e.get_column("_msg").scatter(at, LRM + parts.get_column("field_1"))
    return e.with_columns(
        pl.when(pl.lit(moved)).then(pl.lit(author)).otherwise(pl.col("_author")).alias("_author"),
        pl.when(pl.lit(moved)).then(pl.lit(msg)).otherwise(pl.col("_msg")).alias("_msg"),
    )


def _name_across_lines(entries: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """Entries whose author's name holds a line break ("~ Imdad" then "(IMDADUL): text", seen
    in an iPhone export, Yamiinii/WhatsAppChatAnalyzer _chatGroup.txt) with the name's two
    lines joined into the first: a first line without ": " that no system phrase matches,
    and a next line holding the author's ": "."""
    rest, more = pl.col("rest"), pl.col("more")
    lines = more.str.splitn("\n", 2)
    after = lines.struct.field("field_0")
    maybe = entries.select(
        (
            ~rest.str.contains(": ", literal=True)
            & ~rest.str.ends_with(":")
            & after.str.contains(": ", literal=True)
        ).fill_null(False)
    ).to_series()
    at = maybe.arg_true()
    if at.len() == 0:
        return entries
    texts = entries.get_column("rest").gather(at)
    system = (
        event_sieve(phrases)
        .matches(pl.select(normalized(pl.lit(texts))).to_series())
        .fill_null(False)
    )
    joined = maybe.scatter(at, ~system)
    return entries.with_columns(
        pl.when(pl.lit(joined)).then(rest + "\n" + after).otherwise(rest).alias("rest"),
        pl.when(pl.lit(joined)).then(lines.struct.field("field_1")).otherwise(more).alias("more"),
    )


def _classify_odd(e: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """System lines, marked lines and text that needs normalising, through the phrases."""
    lead = f"^[{LRM}\u200f]+"
    e = _with_phrase_matches(e, phrases)
    media, deleted = any_of(phrases.media), any_of(phrases.deleted)
    is_deleted = pl.col("_norm_msg").str.contains(deleted).fill_null(False)
    is_media = pl.col("_norm_msg").str.contains(media).fill_null(False)
    # iOS marks a person's media and deleted placeholders too ("‎sticker omitted"): those are
    # messages of their author, whatever a phrase or the voice rule would say.
    e = e.with_columns((is_deleted | is_media).alias("_placeholder"))
    authorless = ~pl.col("has_author") | pl.col("w_event").is_not_null()
    is_system, pending = _system_and_pending(authorless)
    first = pl.when(authorless).then(pl.col("rest")).otherwise(pl.col("_msg"))
    first = pl.when(is_system).then(first.str.replace(lead, "")).otherwise(first)
    kind = (
        pl.when(is_system)
        .then(pl.lit("system"))
        .when(is_deleted)
        .then(pl.lit("deleted"))
        .when(is_media)
        .then(pl.lit("media"))
        .otherwise(pl.lit("text"))
    )
    pick = pl.when(authorless)
    return e.select(
        EXPORT,
        "ts",
        pl.when(is_system).then(None).otherwise(pl.col("_author")).alias("author"),
        with_more(first).alias("text"),
        kind.alias("kind"),
        "line",
        pl.when(is_system)
        .then(pick.then(pl.col("w_event")).otherwise(pl.col("a_event")).fill_null("unknown"))
        .alias("event"),
        pick.then(pl.col("w_actor")).otherwise(pl.col("a_actor")).alias("actor"),
        pick.then(pl.col("w_subject")).otherwise(pl.col("a_subject")).alias("subject"),
        pick.then(pl.col("w_several")).otherwise(pl.col("a_several")).alias("several"),
        "has_author",
        "w_event",
        "a_event",
        "_marked",
        "_placeholder",
        "_author",
        pending.fill_null(False).alias("_pending"),
    )


def _with_phrase_matches(e: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """The entries numbered (`id`) with their normalised texts, the event a phrase finds in the
    whole text (`w_…`) and, for an author's entry no phrase knows whole, the event a phrase
    finds in the message after the author (`a_…`)."""
    e = e.with_row_index("id").with_columns(
        normalized(pl.col("rest")).alias("_norm_rest"),
        normalized(pl.col("_msg")).alias("_norm_msg"),
    )
    whole = matched_events(e.select("id", pl.col("_norm_rest").alias("norm")), phrases)
    e = e.join(whole.rename(lambda c: c if c == "id" else f"w_{c}"), on="id", how="left")
    tail = e.filter(pl.col("has_author") & pl.col("w_event").is_null())
    after = matched_events(tail.select("id", pl.col("_norm_msg").alias("norm")), phrases)
    return e.join(after.rename(lambda c: c if c == "id" else f"a_{c}"), on="id", how="left")


def _system_and_pending(authorless: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Whether an entry is a system line, and whether it waits for the file-wide voice rule
    (a marked line no phrase knows, of an author that is not the group itself)."""
    chat = pl.col(CHAT)
    voiced = pl.when(chat.is_null()).then(False).otherwise(pl.col("_author") == chat)
    placeholder = pl.col("_placeholder")
    attributed = pl.col("has_author") & pl.col("w_event").is_null()
    # Unmarked, an author's line is a system line only when it names its author or is a call
    # line naming no one (`plain.own_event_lines` sends those here).
    author = pl.col("_author")
    own = (pl.col("a_actor") == author) | pl.col("a_subject").str.contains(author, literal=True)
    call = (
        (pl.col("a_event") == "call")
        & pl.col("a_actor").is_null()
        & ~pl.col("_norm_msg").str.contains(ANSWERED_CALL)
    )
    # iOS writes what a person did to the group under their own name, the name first ("Ravi:
    # ‎Ravi changed this group's icon"): a marked line that opens with its author's name is a
    # system line even when no phrase knows the wording. A person's own marked lines
    # (placeholders, polls, shared places, invite links) never open with their name.
    named = pl.col("_norm_msg").str.starts_with(normalized(author) + " ").fill_null(False)
    attributed_system = (
        attributed
        & ~placeholder
        & (
            (pl.col("_marked") & (pl.col("a_event").is_not_null() | voiced | named))
            | (pl.col("a_event") == "encryption_notice")
            | (pl.col("a_event").is_not_null() & (own | call).fill_null(False))
        )
    )
    pending = (
        attributed
        & pl.col("_marked")
        & pl.col("a_event").is_null()
        & ~voiced
        & ~named
        & ~placeholder
    )
    return (authorless | attributed_system).fill_null(False), pending


# Events a person does themselves, whose phrase may list several of them without an actor
# ("A, B, and C left"): each listed person is an event's actor, as in "Ravi left".
LISTED_ACTORS = ("left",)


def events_of(classified: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """One row per system line, and one per person for "added A, B and C" (split with the
    separators of the phone language the phrase is in: "A, B, and C", "A, B und C")."""
    system = classified.filter(pl.col("kind") == "system")
    subject, several = pl.col("subject"), pl.col("several")
    listed = subject
    for locale, separators in phrases.separators:
        marked = subject
        for sep in separators:
            marked = marked.str.replace_all(sep, "\x00", literal=True)
        listed = pl.when(several == locale).then(marked).otherwise(listed)
    listed_actor = pl.col("event").is_in(LISTED_ACTORS) & pl.col("actor").is_null()
    return (
        system.select(
            *([EXPORT] if EXPORT in system.columns else []),
            "ts",
            "event",
            "actor",
            pl.when(several.is_not_null())
            .then(listed.str.split("\x00"))
            .otherwise(pl.concat_list(subject))
            .alias("subject"),
            "line",
        )
        .explode("subject")
        .with_columns(pl.col("subject").str.strip_chars())
        .with_columns(
            pl.when(listed_actor).then(pl.col("subject")).otherwise(pl.col("actor")).alias("actor"),
            pl.when(listed_actor).then(None).otherwise(pl.col("subject")).alias("subject"),
        )
    )
