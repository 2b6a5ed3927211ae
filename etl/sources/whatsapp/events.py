"""What each entry of a WhatsApp export is: a user message (text, media, deleted) or a system
line, and which membership or group event a system line records.

The phrases live in `data/whatsapp/phrases_<locale>.yaml`; all locales are tried. Matching is
done with polars over the whole column, one pattern at a time, and only on the entries that a
combined pattern says can match at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from etl.sources.whatsapp.sieve import Sieve, sieve_of

PHRASES_DIR = Path(__file__).resolve().parents[3] / "data" / "whatsapp"

EVENTS = (
    "created",
    "added",
    "joined_link",
    "joined_community",
    "left",
    "removed",
    "admin_made",
    "admin_dismissed",
    "subject_changed",
    "icon_changed",
    "description_changed",
    "number_changed",
    "encryption_notice",
    "settings_changed",
    "join_requested",
    "disappearing_changed",
    "message_pinned",
    "call",
    "security_code_changed",
    "notice",
    "unknown",
)
# Names cannot hold ": " — that is what separates an author from the text on every layout, so a
# user message never matches a system phrase by accident. A colon not followed by a space is a
# name's own ("~ Kavi:)", "Mohan :D").
_NAME = r"(?:[^:]|:[^ ])+?"
PLACEHOLDERS = {
    "{actor}": rf"(?P<actor>{_NAME})",
    "{subjects}": rf"(?P<subjects>{_NAME})",
    "{subject}": r"(?P<subject>.*?)",
}
LRM = "\u200e"
EVENT_SCHEMA: dict[str, pl.DataType] = {
    "ts": pl.Datetime("us"),
    "event": pl.String(),
    "actor": pl.String(),
    "subject": pl.String(),
    "line": pl.Int64(),
}
_NAMED = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Phrases:
    """All locales' phrase tables, as whole-text regular expressions.

    `events[i]` was written for the phone language `event_locales[i]`; a list of people it
    names is split with that language's `separators`. The `verified_*` tables hold the
    phrases seen in a real export or in WhatsApp's own text; a match on any other one is
    reported (`unverified`).
    """

    media: tuple[str, ...]
    deleted: tuple[str, ...]
    events: tuple[tuple[str, str], ...]  # (event, pattern), in matching order
    event_locales: tuple[str, ...]
    separators: tuple[tuple[str, tuple[str, ...]], ...]  # (locale, separators in order)
    verified_media: tuple[str, ...] = ()
    verified_deleted: tuple[str, ...] = ()
    verified_events: tuple[tuple[str, str], ...] = ()


# Letters of Indian scripts with a nukta that Unicode keeps apart from their two-code-point
# spelling (য় U+09DF and য + ় U+09AF U+09BC, फ़ U+095E and फ + ़): phones and WhatsApp's own
# strings write either, and the text is matched as written (normalising every message would
# cost the fast path), so a phrase accepts both.
_NUKTA_FORMS = {
    unicodedata.normalize("NFD", c): c
    for c in map(chr, range(0x0900, 0x0E00))
    if len(unicodedata.normalize("NFD", c)) == 2 and unicodedata.normalize("NFC", c) != c
}


def _either_spelling(pattern: str) -> str:
    for parts, letter in _NUKTA_FORMS.items():
        pattern = pattern.replace(letter, parts).replace(parts, f"(?:{parts}|{letter})")
    return pattern


def _whole(pattern: str) -> str:
    for token, group in PLACEHOLDERS.items():
        pattern = pattern.replace(token, group)
    return f"^(?:{_either_spelling(pattern)})$"


def _phrases_of(
    path: Path, what: str, items: Any, sources: dict[str, str]
) -> list[tuple[str, bool]]:
    """(whole pattern, verified) of each `{p: pattern, seen: [source, ...], verified: bool}`."""
    found: list[tuple[str, bool]] = []
    for item in items or []:
        if not isinstance(item, dict) or not isinstance(item.get("p"), str):
            raise ValueError(f"{path.name}: {what}: each phrase is {{p: ..., seen: [...]}}")
        seen = item.get("seen")
        seen = [seen] if isinstance(seen, str) else seen
        if not seen:
            raise ValueError(f"{path.name}: {what}: {item['p']!r} cites no source (seen)")
        unknown = [s for s in seen if str(s).split()[0] not in sources]
        if unknown:
            raise ValueError(f"{path.name}: {what}: {item['p']!r} cites unknown source {unknown}")
        found.append((_whole(item["p"]), bool(item.get("verified", True))))
    return found


def _yaml(path: Path) -> Any:
    """A table read with libyaml when built (the 19 tables take over a second in Python)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def phrase_sources(folder: Path = PHRASES_DIR) -> dict[str, str]:
    """Where phrases were seen: `sources.yaml` and each table's own `sources`."""
    shared = folder / "sources.yaml"
    if not shared.exists():
        return {}
    table: dict[str, Any] = _yaml(shared) or {}
    return {str(k): str(v) for k, v in table.get("sources", {}).items()}


@lru_cache(maxsize=4)
def load_phrases(folder: Path = PHRASES_DIR) -> Phrases:
    """Read every `phrases_*.yaml` in `folder` (English first, then the others by name)."""
    files = sorted(folder.glob("phrases_*.yaml"), key=lambda p: (p.stem != "phrases_en", p.name))
    shared = phrase_sources(folder)
    media: list[tuple[str, bool]] = []
    deleted: list[tuple[str, bool]] = []
    events: list[tuple[str, str, bool]] = []
    locales: list[str] = []
    separators: list[tuple[str, tuple[str, ...]]] = []
    for path in files:
        table: dict[str, Any] = _yaml(path)
        locale = str(table.get("locale") or path.stem.removeprefix("phrases_"))
        sources = {**shared, **{str(k): str(v) for k, v in table.get("sources", {}).items()}}
        media += _phrases_of(path, "media", table.get("media"), sources)
        deleted += _phrases_of(path, "deleted", table.get("deleted"), sources)
        for event, items in (table.get("events") or {}).items():
            if event not in EVENTS:
                raise ValueError(f"{path.name}: unknown event {event!r}; known: {EVENTS}")
            for pattern, verified in _phrases_of(path, event, items, sources):
                events.append((event, pattern, verified))
                locales.append(locale)
        separators.append((locale, tuple(table.get("list_separators", []))))
    return Phrases(
        media=tuple(p for p, _ in media),
        deleted=tuple(p for p, _ in deleted),
        events=tuple((e, p) for e, p, _ in events),
        event_locales=tuple(locales),
        separators=tuple(separators),
        verified_media=tuple(p for p, ok in media if ok),
        verified_deleted=tuple(p for p, ok in deleted if ok),
        verified_events=tuple((e, p) for e, p, ok in events if ok),
    )


def _any_of(patterns: tuple[str, ...]) -> str:
    """One pattern matching where any of `patterns` does (never, when there are none)."""
    return "|".join(_NAMED.sub("(?:", p) for p in patterns) or r"[^\s\S]"


def normalized(text: pl.Expr) -> pl.Expr:
    """The text phrases are written against: no directional marks, straight quotes."""
    return (
        text.str.replace_all("[\u200e\u200f]", "")
        .str.replace_all("[“”]", '"')
        .str.replace_all("[’‘]", "'")
        .str.strip_chars()
    )


_MATCH_SCHEMA = {
    "id": pl.UInt32,
    "event": pl.String,
    "actor": pl.String,
    "subject": pl.String,
    "several": pl.String,  # the locale whose list separators split the subjects; null: one
}
_GROUP = re.compile(r"\(\?P<(\w+)>")


@lru_cache(maxsize=4)
def _combined(events: tuple[tuple[str, str], ...]) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """All event patterns as one alternation, each behind an empty marker group `m_<i>` and
    with its groups renamed `<name>_<i>`; and each pattern's group names."""
    parts, names = [], []
    for i, (_, pattern) in enumerate(events):
        names.append(tuple(_GROUP.findall(pattern)))

        def renamed(m: re.Match[str], i: int = i) -> str:
            return f"(?P<{m.group(1)}_{i}>"

        parts.append(f"(?P<m_{i}>)" + _GROUP.sub(renamed, pattern))
    return "|".join(parts), tuple(names)


@lru_cache(maxsize=4)
def _by_locale(phrases: Phrases) -> tuple[Phrases, ...]:
    """One `Phrases` per locale's events, in table order."""
    order = list(dict.fromkeys(phrases.event_locales))
    return tuple(
        replace(
            phrases,
            events=tuple(
                e for e, lc in zip(phrases.events, phrases.event_locales, strict=True) if lc == at
            ),
            event_locales=tuple(lc for lc in phrases.event_locales if lc == at),
        )
        for at in order
    )


def matched_events(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """`frame` (id, norm) → (id, event, actor, subject, several) for rows a phrase matches;
    `several` names the phrase's locale when its subject is a list of people.

    The first pattern (in table order) that matches the whole text wins. The tables are
    tried one locale at a time, in table order: one alternation of all locales' patterns
    (near a thousand, each with its named groups) is too large for the regex engine's fast
    paths and costs seconds per thousand rows.
    """
    found = [pl.DataFrame(schema=_MATCH_SCHEMA)]
    for table in _by_locale(phrases):
        if frame.height == 0:
            break
        hit = _matched_in(frame, table)
        if hit.height:
            found.append(hit)
            frame = frame.filter(~pl.col("id").is_in(hit.get_column("id").implode()))
    return pl.concat(found).sort("id")


# Patterns whose groups are extracted in one pass. Extracting groups takes the regex engine's
# slow path, whose cost grows with the pattern: one locale's hundred patterns, each with its
# groups, cost more per row than several passes of eight (on the bench's English system
# lines, runs of 8 took a third of the time of the whole English table at once).
CHUNK = 8


@lru_cache(maxsize=64)
def _chunks(phrases: Phrases) -> tuple[Phrases, ...]:
    """`phrases` cut into runs of `CHUNK` patterns, in table order."""
    events, locales = phrases.events, phrases.event_locales
    return tuple(
        replace(phrases, events=events[i : i + CHUNK], event_locales=locales[i : i + CHUNK])
        for i in range(0, len(events), CHUNK)
    )


def _matched_in(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """`matched_events` over one locale's tables, a run of patterns at a time (in table
    order, so the first pattern that matches still wins)."""
    found = [pl.DataFrame(schema=_MATCH_SCHEMA)]
    for chunk in _chunks(phrases):
        if frame.height == 0:
            break
        hit = _matched_in_chunk(frame, chunk)
        if hit.height:
            found.append(hit)
            frame = frame.filter(~pl.col("id").is_in(hit.get_column("id").implode()))
    return pl.concat(found).sort("id")


def _matched_in_chunk(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """`matched_events` over a run of patterns: one alternation of them finds the first that
    matches in one pass (with every branch anchored at both ends, the leftmost-first branch
    that matches is the first pattern that matches)."""
    left = frame.filter(pl.col("norm").str.contains(_any_of(tuple(p for _, p in phrases.events))))
    if left.height == 0:
        return pl.DataFrame(schema=_MATCH_SCHEMA)
    pattern, names = _combined(phrases.events)
    groups = left.select("id", pl.col("norm").str.extract_groups(pattern).alias("g")).unnest("g")
    markers = [pl.col(f"m_{i}").is_not_null() for i in range(len(names))]
    groups = groups.with_columns(pl.concat_list(markers).list.arg_max().alias("_which"))
    which = pl.col("_which")
    columns = [f"{n}_{i}" for i, ns in enumerate(names) for n in ns]
    # Only the matching branch's groups take part; the pattern alone matches only when all
    # of them did.
    taking_part = (
        pl.sum_horizontal(pl.col(c).is_not_null() for c in columns) if columns else pl.lit(0)
    )
    branches = list(range(len(names)))

    def first(*wanted: str) -> pl.Expr:
        found = [pl.col(c) for c in columns if c.rsplit("_", 1)[0] in wanted]
        return pl.coalesce(found) if found else pl.lit(None, pl.String)

    several = [
        locale if "subjects" in ns else None
        for ns, locale in zip(names, phrases.event_locales, strict=True)
    ]
    matched = groups.select(
        pl.col("id").cast(pl.UInt32),
        which.replace_strict(
            branches, [event for event, _ in phrases.events], return_dtype=pl.String
        ).alias("event"),
        first("actor").str.strip_chars().alias("actor"),
        first("subjects", "subject").alias("subject"),
        which.replace_strict(branches, several, return_dtype=pl.String).alias("several"),
        (
            taking_part
            == which.replace_strict(branches, [len(ns) for ns in names], return_dtype=pl.UInt32)
        ).alias("_complete"),
    )
    done = matched.filter(pl.col("_complete")).drop("_complete")
    rest = matched.filter(~pl.col("_complete")).get_column("id")
    if rest.len() == 0:
        return done
    again = _matched_one_by_one(frame.filter(pl.col("id").is_in(rest.implode())), phrases)
    return pl.concat([done, again]).sort("id")


def _matched_one_by_one(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """`matched_events` pattern by pattern (for the rows the combined pattern cannot settle)."""
    left = frame.filter(pl.col("norm").str.contains(_any_of(tuple(p for _, p in phrases.events))))
    found = [pl.DataFrame(schema=_MATCH_SCHEMA)]
    for (event, pattern), locale in zip(phrases.events, phrases.event_locales, strict=True):
        if left.height == 0:
            break
        if _NAMED.search(pattern):
            groups = left.select("id", pl.col("norm").str.extract_groups(pattern).alias("g"))
            hit = groups.unnest("g").filter(pl.all_horizontal(pl.exclude("id").is_not_null()))
        else:
            hit = left.filter(pl.col("norm").str.contains(pattern)).select("id")
        if hit.height == 0:
            continue
        columns = set(hit.columns)

        def field(name: str, cols: set[str] = columns) -> pl.Expr:
            return pl.col(name) if name in cols else pl.lit(None, pl.String)

        found.append(
            hit.select(
                pl.col("id").cast(pl.UInt32),
                pl.lit(event).alias("event"),
                field("actor").str.strip_chars().alias("actor"),
                pl.coalesce(field("subjects"), field("subject")).alias("subject"),
                pl.lit(locale if "subjects" in columns else None, pl.String).alias("several"),
            )
        )
        left = left.filter(~pl.col("id").is_in(hit.get_column("id").implode()))
    return pl.concat(found)


@dataclass(frozen=True)
class Classified:
    """The entries that need the phrase tables, as messages and events, and what the
    file-wide "voice" rule needs.

    iOS attributes system lines to the group (or the actor) and marks them with U+200E. A
    marked line no phrase knows is a system line when its author speaks only in marked lines,
    at least one of them a known system phrase, anywhere in the file; `pending` holds those
    lines until the whole file has been seen.
    """

    messages: pl.DataFrame  # ts, author, text, kind, line
    events: pl.DataFrame  # ts, event, actor, subject, line
    pending: pl.DataFrame  # line, author
    unmarked_authors: pl.Series  # authors of unmarked attributed lines
    event_authors: pl.Series  # authors of marked lines a phrase recognised


@dataclass(frozen=True)
class Plain:
    """One block's entries as messages, of which the plain user messages are settled here
    and the rest (`odd`, at rows `odd_at`) are filled in by `classify` at the end of the file.
    """

    messages: pl.DataFrame  # ts, author, text, kind, line
    odd: pl.DataFrame  # ts, line, rest, more: entries left for `classify`
    odd_at: pl.Series  # their rows in `messages`

    def filled(self, mine: pl.DataFrame) -> pl.DataFrame:
        """The messages with the odd rows set to `mine` (their author, text and kind from
        `classify`, in row order). Scattering into a column copies no text."""
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
    media: str
    media_end: str  # matches wherever `media` does, and is cheap: see `_is_media`
    deleted: str


def _may_span_author(pattern: str) -> bool:
    """Whether `pattern` could match a text holding ": " (an author's entry, "Name: text"):
    only through a literal colon or a wildcard (`.`, a negated class, `\\S` …). Names
    (`_NAME`) never hold ": ". The others can only match entries without an author, which
    are sent to the phrase tables anyway."""
    bare = pattern.replace(_NAME, "")
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
    media = _any_of(phrases.media)
    return _PlainPatterns(
        events=sieve_of(events, _any_of(events), name=PLACEHOLDERS["{actor}"]),
        notice=_any_of(tuple(p for ev, p in phrases.events if ev == "encryption_notice")),
        media=media,
        media_end=f"(?:{media.replace('^(?:', '(?:')})$",
        deleted=_any_of(phrases.deleted),
    )


def _with_more(first: pl.Expr) -> pl.Expr:
    return pl.concat_str(first, pl.col("more"), separator="\n", ignore_nulls=True)


def plain_messages(entries: pl.DataFrame, phrases: Phrases) -> Plain:
    """Entries (ts, line, rest, more) → the plain user messages and the entries left over.

    Most entries are plain user messages: an author, no mark, nothing to normalise, no phrase
    that could match. Those are settled with a few cheap scans over the raw text; the rest
    (system lines, marked or odd text) is left for `classify`, once per file: the phrase
    tables cost much per call (each pattern is compiled again) and little per entry.
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
    ).fill_null(True)
    split = split.with_columns(odd.alias("_odd"))
    # `classify` fills in the odd rows; their text is left out meanwhile, so that a file full
    # of them does not hold it twice.
    messages = split.select(
        "ts",
        "author",
        pl.when(pl.col("_odd")).then(None).otherwise(_with_more(msg)).alias("text"),
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
    odd = p.events.matches(rest) | msg.str.contains(p.notice)
    return (
        odd.fill_null(False),
        _is_media(msg, p).fill_null(False),
        msg.str.contains(p.deleted).fill_null(False),
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


def classify(entries: pl.DataFrame, phrases: Phrases, chat_name: str | None) -> Classified:
    """The entries `plain_messages` left over (ts, line, rest, more), from the whole file,
    → messages, events and the voice inputs, through the phrase tables."""
    odd = _classified_odd(entries, phrases, chat_name)
    attributed = pl.col("has_author") & pl.col("w_event").is_null()
    return Classified(
        messages=odd.select("ts", "author", "text", "kind", "line"),
        events=events_of(odd, phrases),
        pending=odd.filter(pl.col("_pending")).select("line", pl.col("_author").alias("author")),
        # A media or deleted placeholder is a person's message even when iOS marks it.
        unmarked_authors=odd.filter(
            attributed & (~pl.col("_marked") | pl.col("_placeholder"))
        ).get_column("_author"),
        event_authors=odd.filter(attributed & pl.col("_marked") & pl.col("a_event").is_not_null())
        .get_column("_author")
        .unique(),
    )


def _classified_odd(entries: pl.DataFrame, phrases: Phrases, chat_name: str | None) -> pl.DataFrame:
    """Entries that need the phrase tables → `_classify_odd`'s frame.

    An entry whose text is only a name and a colon is that person's empty message: iOS writes
    `Carlos:`, Android `Carlos: ` (no system line ends with a colon)."""
    rest = pl.col("rest")
    bare = rest.str.ends_with(":") & ~rest.str.contains(": ", literal=True)
    parts = pl.when(bare).then(rest + " ").otherwise(rest).str.splitn(": ", 2)
    e = entries.with_columns(
        (rest.str.contains(": ", literal=True) | bare).fill_null(False).alias("has_author"),
        parts.struct.field("field_0").alias("_author"),
        parts.struct.field("field_1").alias("_msg"),
    ).with_columns(pl.col("_msg").str.starts_with(LRM).fill_null(False).alias("_marked"))
    return _classify_odd(e, phrases, chat_name)


def _classify_odd(e: pl.DataFrame, phrases: Phrases, chat_name: str | None) -> pl.DataFrame:
    """System lines, marked lines and text that needs normalising, through the phrases."""
    lead = f"^[{LRM}\u200f]+"
    e = e.with_row_index("id").with_columns(
        normalized(pl.col("rest")).alias("_norm_rest"),
        normalized(pl.col("_msg")).alias("_norm_msg"),
    )
    whole = matched_events(e.select("id", pl.col("_norm_rest").alias("norm")), phrases)
    e = e.join(whole.rename(lambda c: c if c == "id" else f"w_{c}"), on="id", how="left")
    tail = e.filter(pl.col("has_author") & pl.col("w_event").is_null())
    after = matched_events(tail.select("id", pl.col("_norm_msg").alias("norm")), phrases)
    e = e.join(after.rename(lambda c: c if c == "id" else f"a_{c}"), on="id", how="left")
    voiced = pl.col("_author") == chat_name if chat_name else pl.lit(False)
    media, deleted = _any_of(phrases.media), _any_of(phrases.deleted)
    is_deleted = pl.col("_norm_msg").str.contains(deleted).fill_null(False)
    is_media = pl.col("_norm_msg").str.contains(media).fill_null(False)
    # iOS marks a person's media and deleted placeholders too ("‎sticker omitted"): those are
    # messages of their author, whatever a phrase or the voice rule would say.
    e = e.with_columns((is_deleted | is_media).alias("_placeholder"))
    placeholder = pl.col("_placeholder")
    attributed = pl.col("has_author") & pl.col("w_event").is_null()
    attributed_system = (
        attributed
        & ~placeholder
        & (
            (pl.col("_marked") & (pl.col("a_event").is_not_null() | voiced))
            | (pl.col("a_event") == "encryption_notice")
        )
    )
    pending = attributed & pl.col("_marked") & pl.col("a_event").is_null() & ~voiced & ~placeholder
    authorless = ~pl.col("has_author") | pl.col("w_event").is_not_null()
    is_system = (authorless | attributed_system).fill_null(False)
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
        "ts",
        pl.when(is_system).then(None).otherwise(pl.col("_author")).alias("author"),
        _with_more(first).alias("text"),
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
    return (
        system.select(
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
    )
