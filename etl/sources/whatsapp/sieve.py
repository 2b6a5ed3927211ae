"""A cheap fixed-string test in front of the phrase regexes.

Almost every entry of an export is a plain user message, and the phrase tables (hundreds of
patterns over 18 phone languages) are only needed on the few that could be a system line or
a placeholder. Each pattern is read once for the words a text it matches must end with
("…was deleted") or else hold ("{actor} added {subjects}" needs " added "); those words are
looked for first, and only the texts holding them are matched with the patterns. A text the
patterns match always passes, so the result is exactly the patterns' own: both engines call
the same test and stay equal.

>>> s = sieve_of(("^(?:(?P<a>.+?) added (?P<b>.+))$", "^(?:This message was deleted)$"))
>>> s.ending, s.words
('(?:This message was deleted)$', ' added ')
>>> s.matches(pl.Series(["Amit added Ravi", "hello", None, "This message was deleted"])).to_list()
[True, False, None, True]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any

import polars as pl

# The regex parser `re` itself uses (Python 3.11+): the phrases are written in the syntax
# Python and the Rust regex engine share. Private modules, typed as Any: typeshed knows them in
# some mypy runs and not in others.
_sre: Any = import_module("re._constants")
_sre_parse: Any = import_module("re._parser")

Words = frozenset[str]
# An ending shorter than this ("." of "…changed.") lets too many messages through; the
# pattern's words are looked for instead.
_SHORTEST = 4
_META = re.compile(r"[\\.^$|?*+()\[\]{}]")
_MISSING = object()
_REPEATS = tuple(
    getattr(_sre, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre, name)
)


@dataclass(frozen=True)
class Sieve:
    """`pattern` (an alternation) behind cheap tests that every text it matches passes:
    `ending`, the words such a text ends with; `beginning`, those it begins with (for the
    branches without a sure ending); `words`, words it holds somewhere (for the others);
    `bare`, the branches with none of these, tried as they are. Each a regex, or None."""

    pattern: str
    ending: str | None
    beginning: str | None
    words: str | None
    bare: str | None

    def matches(self, text: pl.Series) -> pl.Series:
        """`text.str.contains(pattern)`, with the pattern run only on the texts that pass a
        test (null where `text` is null, as `str.contains` gives)."""
        tests = [t for t in (self.ending, self.beginning, self.words, self.bare) if t is not None]
        maybe = text.str.contains(tests[0] if tests else r"[^\s\S]")
        for test in tests[1:]:
            maybe = maybe | text.str.contains(test)
        at = maybe.fill_null(False).arg_true()
        if at.len() == 0:
            return maybe
        return maybe.scatter(at, text.gather(at).str.contains(self.pattern))


def sieve_of(
    patterns: tuple[str, ...], joined: str | None = None, *, name: str | None = None
) -> Sieve:
    """The sieve of the alternation of `patterns` (`joined`: that alternation, when the
    caller has built it already; the patterns' own `|`-join otherwise). `name`: a group the
    patterns may begin with that matches a name and never ": "; a text such a pattern
    matches begins with a name and then the words after it, which is found before the
    author's ": " of a plain message.

    A test for how a text ends is the cheapest: the regex engine matches a pattern anchored
    only at the end backwards from it and gives up after a few bytes, where a whole-text
    pattern whose branches start with a wildcard reads every text to its end."""
    endings: set[str] = set()
    beginnings: set[str] = set()
    named: set[str] = set()
    words: set[str] = set()
    bare: list[str] = []
    for pattern in patterns:
        if (ending := required_ending(pattern)) is not None:
            endings |= ending
        elif (beginning := required_beginning(pattern)) is not None:
            beginnings |= beginning
        elif name and (after := _after_name(pattern, name)) is not None:
            named |= after
        elif (found := required_words(pattern)) is not None:
            words |= found
        else:
            bare.append(pattern)
    return Sieve(
        pattern=joined if joined is not None else "|".join(patterns) or r"[^\s\S]",
        ending=f"(?:{_alternation(endings)})$" if endings else None,
        beginning="|".join(
            [f"^(?:{_alternation(beginnings)})"] * bool(beginnings)
            + [f"^{name}(?:{_alternation(named)})"] * bool(named)
        )
        or None,
        words=_alternation(words) if words else None,
        bare="|".join(bare) if bare else None,
    )


def sure_words(pattern: str, name: str | None = None) -> Words | None:
    """Words of which every text `pattern` matches holds one somewhere (the ending, the
    beginning, the words after `name`, or words inside, as the sieve tries them); None when
    the pattern has none."""
    for found in (required_ending(pattern), required_beginning(pattern)):
        if found is not None:
            return found
    if name and (after := _after_name(pattern, name)) is not None:
        return after
    return required_words(pattern)


def _after_name(pattern: str, name: str) -> Words | None:
    """The words a pattern `^(?:<name>…)$` has right after the name."""
    lead = f"^(?:{name}"
    if not pattern.startswith(lead):
        return None
    return required_beginning("^(?:" + pattern.removeprefix(lead))


def _alternation(words: set[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(_META.sub(r"\\\g<0>", w) for w in ordered)


def required_ending(pattern: str) -> Words | None:
    """Words of which every text `pattern` matches ends with one; None when the pattern is
    not anchored at the end (`$`) or ends in a wildcard."""
    return _at_edge(pattern, -1)


def required_beginning(pattern: str) -> Words | None:
    """Words of which every text `pattern` matches begins with one; None when the pattern
    is not anchored at the start (`^`) or begins with a wildcard."""
    return _at_edge(pattern, 0)


@dataclass(frozen=True)
class _Edges:
    """What one pattern gives the sieve: the words every text it matches ends with, begins
    with, and holds somewhere (None: none sure)."""

    ending: Words | None
    beginning: Words | None
    words: Words | None


@lru_cache(maxsize=8192)
def _edges(pattern: str) -> _Edges:
    """`pattern` read once by Python's own parser for its edges and its words; every locale's
    table is read when a process first reads a chat. Only the words are kept, not the parse:
    the parse trees of ~1,000 patterns, all kept, were enough new objects to set off a full
    garbage collection of everything the process had imported (tens of milliseconds, on
    the first block of the first chat, which the main thread waits for)."""
    try:
        parsed = _sre_parse.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return _Edges(None, None, None)
    if _flags(parsed) & re.IGNORECASE:
        return _Edges(None, None, None)
    items = list(parsed)
    return _Edges(
        ending=_edge_words(items, -1),
        beginning=_edge_words(items, 0),
        words=_best(_in_sequence(items)),
    )


def _at_edge(pattern: str, edge: int) -> Words | None:
    found = _edges(pattern)
    return found.ending if edge else found.beginning


def _edge_words(items: list[tuple[Any, Any]], edge: int) -> Words | None:
    """The words at one edge of a parsed pattern anchored there (`^`, `$`)."""
    anchor = (_sre.AT, _sre.AT_END if edge else _sre.AT_BEGINNING)
    if not items or items[edge] != anchor:
        return None
    found = _edge_of(items[:-1] if edge else items[1:], edge)
    return found if found and min(len(w.encode()) for w in found) >= _SHORTEST else None


def _edge_of(items: list[tuple[Any, Any]], edge: int) -> Words | None:
    """The literal words a sequence of items ends (`edge` -1) or begins (0) with."""
    run: list[str] = []
    for op, av in reversed(items) if edge else items:
        if op is not _sre.LITERAL:
            break
        run.append(chr(av))
    if run:
        word = "".join(reversed(run) if edge else run)
        left = items[: -len(run)] if edge else items[len(run) :]
        # A short run ("V" of "[Vv]oice") goes on into what comes next, when that is sure.
        more = _edge_of(left, edge) if left and len(word.encode()) < _SHORTEST else None
        if more:
            return frozenset(m + word if edge else word + m for m in more)
        return frozenset([word])
    if not items:
        return None
    op, av = items[edge]
    rest = items[:-1] if edge else items[1:]
    if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _edge_of([*rest, *av[3]] if edge else [*av[3], *rest], edge)
    if op in _REPEATS and av[0] == 0 and av[1] == 1:  # optional: with it, or without
        with_it = _edge_of([*rest, *av[2]] if edge else [*av[2], *rest], edge)
        without = _edge_of(rest, edge)
        return with_it | without if with_it and without else None
    if op is _sre.IN and 0 < len(av) <= 4 and all(o is _sre.LITERAL for o, _ in av):
        sides = [[(o, c)] for o, c in av]  # "[Vv]oice": "Voice" or "voice"
    elif op is _sre.BRANCH:
        sides = av[1]
    else:
        return None
    if sides:
        union: set[str] = set()
        for side in sides:
            found = _edge_of([*rest, *side] if edge else [*side, *rest], edge)
            if not found:
                return None
            union |= found
        return frozenset(union)
    return None


def required_words(pattern: str) -> Words | None:
    """Words of which every text `pattern` matches holds at least one; None when none are
    found (a pattern of wildcards only, case-insensitive, or syntax Python's parser does not
    read). The longest sure words are kept: a short one would let through many messages."""
    return _edges(pattern).words


def _flags(parsed: Any) -> int:
    state = getattr(parsed, "state", None) or getattr(parsed, "pattern", None)
    return int(getattr(state, "flags", 0))


def _score(words: Words) -> tuple[int, int]:
    return (min(len(w.encode()) for w in words), -len(words))


def _best(options: list[Words]) -> Words | None:
    return max(options, key=_score) if options else None


def _in_sequence(items: list[tuple[Any, Any]]) -> list[Words]:
    """The word sets a sequence of regex items cannot match without: each run of literal
    characters, and each item's own best set (a group, a repeat at least once, a branch
    whose every side has words)."""
    options: list[Words] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()
        inner = _in_item(op, av) if op is not None else None
        if inner:
            options.append(inner)
    return options


def _in_item(op: Any, av: Any) -> Words | None:
    """The best word set of one item that is not a literal (None: it has none)."""
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        # Words in a case-insensitive group are not sure; those around it still are.
        return None if add_flags & re.IGNORECASE else _best(_in_sequence(list(sub)))
    if op in _REPEATS:
        low, _high, sub = av
        return _best(_in_sequence(list(sub))) if low >= 1 else None
    if op is _sre.BRANCH:
        union: set[str] = set()
        for side in av[1]:
            best = _best(_in_sequence(list(side)))
            if best is None:
                return None
            union |= best
        return frozenset(union)
    if op is getattr(_sre, "ATOMIC_GROUP", _MISSING):
        return _best(_in_sequence(list(av)))
    return None
