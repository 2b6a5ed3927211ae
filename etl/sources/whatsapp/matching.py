"""Which event phrase matches each text: the first pattern, in table order, that matches the
whole text, with the actor and subject it names. Matching is done with polars over the whole
column, a run of patterns at a time, and only on the entries that a combined pattern says can
match at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import polars as pl

from etl.sources.whatsapp.phrases import NAMED_GROUP, PLACEHOLDERS, Phrases, any_of
from etl.sources.whatsapp.python_regex import MOST, WordFinder, fits, python_regex
from etl.sources.whatsapp.sieve import Sieve, sieve_of, sure_words

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
def event_sieve(phrases: Phrases) -> Sieve:
    """A test every text some event phrase matches passes (see `sieve`). Exact, but its
    branches without words run the whole alternation: use it on few texts only (measured:
    in front of `matched_events` it cost 2.6 s of 3.4 s on the 10 MB bench file)."""
    every = tuple(p for _, p in phrases.events)
    return sieve_of(every, any_of(every), name=PLACEHOLDERS["{actor}"])


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


@lru_cache(maxsize=4)
def _words_of(phrases: Phrases) -> tuple[tuple[str, ...], tuple[frozenset[str] | None, ...]]:
    """Every word some event phrase needs (sorted), and each phrase's own (None: a phrase
    without sure words, tried on every text)."""
    each = tuple(sure_words(p, PLACEHOLDERS["{actor}"]) for _, p in phrases.events)
    return tuple(sorted(set().union(*(w for w in each if w is not None)))), each


def _possible(frame: pl.DataFrame, phrases: Phrases) -> tuple[pl.DataFrame, Phrases]:
    """The texts some phrase may match, and the phrases (in table order) that may match one
    of them: a phrase none of whose words any text holds matches no text, so leaving it out
    changes no first match. One pass finds every word in every text (overlapping matches, so
    a word inside a longer one is found too); an export is written in one or two phone
    languages, and the other locales' tables are not run at all."""
    words, each = _words_of(phrases)
    held = frame.get_column("norm").str.extract_many(list(words), overlapping=True)
    seen = set(held.explode().drop_nulls().to_list())
    keep = [w is None or not w.isdisjoint(seen) for w in each]
    if all(w is not None for w in each):
        frame = frame.filter(held.list.len().fill_null(0) > 0)
    return frame, replace(
        phrases,
        events=tuple(e for e, k in zip(phrases.events, keep, strict=True) if k),
        event_locales=tuple(lc for lc, k in zip(phrases.event_locales, keep, strict=True) if k),
    )


def matched_events(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame:
    """`frame` (id, norm) → (id, event, actor, subject, several) for rows a phrase matches;
    `several` names the phrase's locale when its subject is a list of people.

    The first pattern (in table order) that matches the whole text wins. The tables are
    tried one locale at a time, in table order: one alternation of all locales' patterns
    (near a thousand, each with its named groups) is too large for the regex engine's fast
    paths and costs seconds per thousand rows. Only the phrases whose words the texts hold
    are tried (`_possible`): each regex is compiled again on every call, and compiling the
    tables of 18 languages cost more than matching a chat's few system lines.
    """
    found = [pl.DataFrame(schema=_MATCH_SCHEMA)]
    if frame.height == 0:
        return found[0]
    in_python = _matched_in_python(frame, phrases)
    if in_python is not None:
        return in_python
    frame, phrases = _possible(frame, phrases)
    for table in _by_locale(phrases):
        if frame.height == 0:
            break
        hit = _matched_in(frame, table)
        if hit.height:
            found.append(hit)
            frame = frame.filter(~pl.col("id").is_in(hit.get_column("id").implode()))
    return pl.concat(found).sort("id")


@dataclass(frozen=True)
class _Ranked:
    """The phrases in the order `matched_events` tries them (locale by locale, each in table
    order), and which of them each sure word lets through."""

    events: tuple[tuple[str, str], ...]  # (event, pattern)
    several: tuple[str | None, ...]  # the locale whose separators split the subjects
    by_word: dict[str, tuple[int, ...]]  # word -> ranks of the phrases needing it
    always: tuple[int, ...]  # ranks of the phrases without sure words
    finder: WordFinder


@lru_cache(maxsize=4)
def _ranked(phrases: Phrases) -> _Ranked:
    tables = _by_locale(phrases)
    _, each = _words_of(phrases)
    words_of = dict(zip(phrases.events, each, strict=True))
    events = tuple(e for t in tables for e in t.events)
    locales = tuple(lc for t in tables for lc in t.event_locales)
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for rank, event in enumerate(events):
        words = words_of[event]
        if words is None:
            always.append(rank)
        for word in words or ():
            by_word.setdefault(word, []).append(rank)
    return _Ranked(
        events=events,
        several=tuple(
            lc if "(?P<subjects>" in p else None for (_, p), lc in zip(events, locales, strict=True)
        ),
        by_word={w: tuple(r) for w, r in by_word.items()},
        always=tuple(always),
        finder=WordFinder(by_word),
    )


def _matched_in_python(frame: pl.DataFrame, phrases: Phrases) -> pl.DataFrame | None:
    """`matched_events` with Python's `re` (`python_regex`): for each text, the phrases whose
    words it holds, in the order polars tries them, the first that matches. None when the
    texts are too many or too long, or a phrase one of them may match is one Python could
    read differently: polars matches them then."""
    if frame.height > MOST:
        return None
    texts: list[str | None] = frame.get_column("norm").to_list()
    if not fits(texts):
        return None
    ranked = _ranked(phrases)
    rows: list[tuple[int, str, str | None, str | None, str | None]] = []
    for id_, text in zip(frame.get_column("id").to_list(), texts, strict=True):
        if text is None:
            continue
        ranks = set(ranked.always)
        for word in ranked.finder.held(text):
            ranks.update(ranked.by_word[word])
        for rank in sorted(ranks):
            event, pattern = ranked.events[rank]
            regex = python_regex(pattern)
            if regex is None:
                return None
            m = regex.search(text)
            if m is None:
                continue
            named = m.groupdict()
            subject = named.get("subjects")
            rows.append(
                (
                    id_,
                    event,
                    named.get("actor"),
                    subject if subject is not None else named.get("subject"),
                    ranked.several[rank],
                )
            )
            break
    return (
        pl.DataFrame(rows, schema=_MATCH_SCHEMA, orient="row")
        .with_columns(pl.col("actor").str.strip_chars())
        .sort("id")
    )


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
    left = frame.filter(pl.col("norm").str.contains(any_of(tuple(p for _, p in phrases.events))))
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
    left = frame.filter(pl.col("norm").str.contains(any_of(tuple(p for _, p in phrases.events))))
    found = [pl.DataFrame(schema=_MATCH_SCHEMA)]
    for (event, pattern), locale in zip(phrases.events, phrases.event_locales, strict=True):
        if left.height == 0:
            break
        # Whether the pattern matches is `contains`, not "every group took part": a group in
        # one branch of an alternation ("{actor} hat|Du hast …") is empty when the other
        # branch matched, and the line is still the pattern's.
        hit = left.filter(pl.col("norm").str.contains(pattern))
        if NAMED_GROUP.search(pattern):
            groups = hit.select("id", pl.col("norm").str.extract_groups(pattern).alias("g"))
            hit = groups.unnest("g")
        else:
            hit = hit.select("id")
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
