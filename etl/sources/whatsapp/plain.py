"""The plain user messages of a block, settled with a few cheap scans over the raw text; the
entries left over (system lines, marked or odd text) wait for `events.classified_exports`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from etl.sources.whatsapp.matching import event_sieve
from etl.sources.whatsapp.phrases import LRM, NAME, NAMED_GROUP, PLACEHOLDERS, Phrases, any_of
from etl.sources.whatsapp.sieve import Sieve, sieve_of


@dataclass(frozen=True)
class Plain:
    """One block's entries as messages, of which the plain user messages are settled here
    and the rest (`odd`, at rows `odd_at`) are filled in by `classified_exports` at the end
    of the file.
    """

    messages: pl.DataFrame  # ts, author, text, kind, line
    odd: pl.DataFrame  # ts, line, rest, more: entries left for `classified_exports`
    odd_at: pl.Series  # their rows in `messages`

    def filled(self, mine: pl.DataFrame) -> pl.DataFrame:
        """The messages with the odd rows set to `mine` (their author, text and kind from
        `classified_exports`, in row order). Scattering into a column copies no text."""
        if not self.odd_at.len():
            return self.messages
        return self.messages.with_columns(
            self.messages.get_column(c).scatter(self.odd_at, mine.get_column(c))
            for c in ("author", "text", "kind")
        )


@dataclass(frozen=True)
class _PlainPatterns:
    # the phrases that can match an entry with an author (`_may_span_author`), behind a
    # sieve of the words they begin or end with (see `sieve`)
    events: Sieve
    notice: str
    # a call line Android writes under the caller's name ("Ravi: Missed voice call")
    call: str
    media: str
    media_end: str  # matches wherever `media` does, and is cheap: see `_is_media`
    deleted: str
    # `notice`, `call` and `deleted`, all whole-text alternations, as one: see `_message_flags`
    whole: str


def _may_span_author(pattern: str) -> bool:
    """Whether `pattern` could match a text holding ": " (an author's entry, "Name: text"):
    only through a literal colon or a wildcard (`.`, a negated class, `\\S` …). Names
    (`NAME`) never hold ": ". The others can only match entries without an author, which
    are sent to the phrase tables anyway."""
    bare = pattern.replace(NAME, "")
    if re.search(r"\\[SWDPp]", bare):
        return True
    bare = re.sub(r"\\.", "", bare).replace("(?:", "(")
    return ":" in bare or "." in bare or "[^" in bare


@lru_cache(maxsize=4)
def _plain_patterns(phrases: Phrases) -> _PlainPatterns:
    # One alternation of every locale's event phrases, run on every entry, reads each to its
    # end (many branches begin with a wildcard); the sieve's tests of how an entry begins or
    # ends give up after a few bytes, and the alternation runs only on the few that pass.
    events = tuple(p for _, p in phrases.events if _may_span_author(p))
    media = any_of(phrases.media)
    notice = tuple(p for ev, p in phrases.events if ev == "encryption_notice")
    calls = calls_without_names(phrases)
    return _PlainPatterns(
        events=sieve_of(events, any_of(events), name=PLACEHOLDERS["{actor}"]),
        notice=any_of(notice),
        call=any_of(calls),
        media=media,
        media_end=f"(?:{media.replace('^(?:', '(?:')})$",
        deleted=any_of(phrases.deleted),
        whole=any_of((*notice, *calls, *phrases.deleted)),
    )


# A call line without "Missed" is also what a person types ("Video call", "Videollamada");
# Android writes only missed calls into an export, so an author's unmarked line is a call only
# when missed, or when it ends in a detail WhatsApp writes (the tails of the phrase tables).
ANSWERED_CALL = (
    r"^(?:(?:[Vv]oice|[Vv]ideo|[Gg]roup) [Cc]all|Llamada(?: de voz)?|Videollamada"
    r"|(?:Sprach|Video)anruf)$"
)


def calls_without_names(phrases: Phrases) -> tuple[str, ...]:
    """The call phrases that name no one: the lines a phone writes about a call, whoever the
    entry is attributed to."""
    return tuple(p for ev, p in phrases.events if ev == "call" and not NAMED_GROUP.search(p))


def own_event_lines(author: pl.Series, msg: pl.Series, phrases: Phrases) -> pl.Series:
    """Where an author's unmarked message is a system line: a call line, or an event phrase
    that begins or ends with the author's own name. iPhone exports before the marks (2020
    and older) attribute "Talha left" to Talha and "Hasan added Yasser" to Yasser; Android
    writes a missed call under the caller's name. A person seldom writes their own name
    and an event's words as a whole message."""
    calls = _unanswered_calls(msg, _plain_patterns(phrases)).fill_null(False)
    return calls | _own_name_events(author, msg, phrases)


def _unanswered_calls(msg: pl.Series, p: _PlainPatterns) -> pl.Series:
    """Where a message is a call line naming no one and not an answered call (see
    `ANSWERED_CALL`)."""
    return msg.str.contains(p.call) & ~msg.str.contains(ANSWERED_CALL)


def _own_name_events(author: pl.Series, msg: pl.Series, phrases: Phrases) -> pl.Series:
    """Where a message begins or ends with its author's name and an event phrase matches it
    (see `own_event_lines`).

    Every event phrase is tried on those few messages, behind the sieve of all of them
    (`matching.event_sieve`), built the first time a message names its author: reading
    every locale's patterns for it cost most of the first block of a process, and most
    exports hold no such message."""
    frame = pl.DataFrame({"a": author, "m": msg})
    own = frame.select(
        (pl.col("m").str.starts_with(pl.col("a")) | pl.col("m").str.ends_with(pl.col("a")))
        .fill_null(False)
        .alias("own")
    ).to_series()
    at = own.arg_true()
    if at.len() == 0:
        return own
    return own.scatter(at, event_sieve(phrases).matches(msg.gather(at)).fill_null(False))


def _message_flags(msg: pl.Series, p: _PlainPatterns) -> tuple[pl.Series, pl.Series, pl.Series]:
    """Whether each message is an encryption notice, a call line naming no one (and not an
    answered call, see `own_event_lines`), a deleted placeholder; False where it is null.

    A regex pass over a block's messages costs about the same with one of these alternations
    as with all three joined (measured on the bench export: 0.41 ms per 2 MB block joined,
    0.44 + 0.48 + 0.44 ms, and 0.12 ms for the answered calls, apart): the joined pass finds
    the few messages that may be any of them, and only those are matched with each."""
    maybe = msg.str.contains(p.whole).fill_null(False)
    at = maybe.arg_true()
    few = msg.gather(at)

    def placed(found: pl.Series) -> pl.Series:
        return pl.zeros(msg.len(), pl.Boolean, eager=True).scatter(at, found.fill_null(False))

    return (
        placed(few.str.contains(p.notice)),
        placed(_unanswered_calls(few, p)),
        placed(few.str.contains(p.deleted)),
    )


def with_more(first: pl.Expr) -> pl.Expr:
    return pl.concat_str(first, pl.col("more"), separator="\n", ignore_nulls=True)


def plain_messages(entries: pl.DataFrame, phrases: Phrases) -> Plain:
    """Entries (ts, line, rest, more) → the plain user messages and the entries left over.

    Most entries are plain user messages: an author, no mark, nothing to normalise, no phrase
    that could match. Those are settled with a few cheap scans over the raw text; the rest
    (system lines, marked or odd text) is left for `classified_exports`, once per file: the
    phrase tables cost much per call (each pattern is compiled again) and little per entry.
    """
    p = _plain_patterns(phrases)
    rest, msg = pl.col("rest"), pl.col("_msg")
    # A byte offset: the author and the message are cut out of the bytes, never re-scanned.
    cut = rest.str.find(": ", literal=True)
    as_bytes = rest.cast(pl.Binary)
    split = (
        entries.lazy()
        .with_columns(
            cut.is_null().alias("_bare"),
            as_bytes.bin.head(cut).cast(pl.String).alias("author"),
            as_bytes.bin.slice(cut + 2).cast(pl.String).alias("_msg"),
        )
        .collect()
    )
    said = split.get_column("_msg")
    # Marks, curly quotes and outer spaces are what `normalized` changes (a marked message,
    # U+200E after the author, has a mark too); each test alone is a cheap scan.
    odd = (
        pl.col("_bare")
        | rest.str.contains(f"[{LRM}\u200f“”’‘]")
        | rest.str.contains(r"^\s")
        | rest.str.contains(r"\s$")
        | pl.lit(p.events.matches(split.get_column("rest")))
        | msg.str.contains(r"^\s")
        | msg.str.contains(p.notice)
        | pl.lit(own_event_lines(split.get_column("author"), said, phrases))
    ).fill_null(True)
    split = split.with_columns(odd.alias("_odd"))
    # `classified_exports` fills in the odd rows; their text is left out meanwhile, so that a
    # file full of them does not hold it twice.
    messages = split.select(
        "ts",
        "author",
        pl.when(pl.col("_odd")).then(None).otherwise(with_more(msg)).alias("text"),
        pl.when(msg.str.contains(p.deleted))
        .then(pl.lit("deleted"))
        .when(pl.lit(_is_media(said, p)))
        .then(pl.lit("media"))
        .otherwise(pl.lit("text"))
        .alias("kind"),
        "line",
    )
    return Plain(
        messages=messages,
        odd=split.filter(pl.col("_odd")).select("ts", "line", _copied("rest"), _copied("more")),
        odd_at=split.get_column("_odd").arg_true(),
    )


def phrase_flags(
    rest: pl.Series, msg: pl.Series, phrases: Phrases
) -> tuple[pl.Series, pl.Series, pl.Series]:
    """The regex tests of `plain_messages` on header lines cut elsewhere (the compiled core):
    whether the entry needs the phrase tables (a system phrase over the whole text, an
    encryption notice as the message), is a media placeholder, is a deleted one. Nulls (no
    header, no author) are False: those lines are settled by other tests."""
    p = _plain_patterns(phrases)
    # The message is the end of the entry after ": ": the author is cut by byte counts, which
    # polars holds, where counting characters reads every text.
    cut = pl.col("r").str.len_bytes() - pl.col("m").str.len_bytes() - 2
    author = (
        pl.DataFrame({"r": rest, "m": msg})
        .select(pl.col("r").cast(pl.Binary).bin.head(cut).cast(pl.String))
        .to_series()
    )
    notice, calls, deleted = _message_flags(msg, p)
    odd = p.events.matches(rest).fill_null(False) | notice | calls
    return (
        odd | _own_name_events(author, msg, phrases),
        _is_media(msg, p).fill_null(False),
        deleted,
    )


def _copied(column: str) -> pl.Expr:
    """The strings copied out of the buffers they view: entries kept until the end of the
    file would otherwise keep every block's whole text alive (filters and slices share
    buffers; concatenation writes new ones)."""
    return pl.concat_str(pl.col(column), pl.lit("")).alias(column)


def _is_media(text: pl.Series, p: _PlainPatterns) -> pl.Series:
    """Where `text` is a media placeholder.

    A whole-text pattern `^(?:…)$` whose branches start with `.*` scans every message to its
    end. Without the `^` it matches wherever the pattern does, and the regex engine matches
    it backwards from the end, ruling out almost every message after a few bytes; only those
    left are matched with the pattern itself.
    """
    maybe = text.str.contains(p.media_end)
    at = maybe.arg_true()
    return maybe.scatter(at, text.gather(at).str.contains(p.media))
