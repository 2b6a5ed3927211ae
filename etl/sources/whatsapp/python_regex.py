"""Phrase patterns matched with Python's `re` on a few short texts, with the same result as
polars.

polars keeps compiled regexes per thread, but sets up the Rust engine's matching state afresh
on every call: for the phrase tables' alternations (hundreds of patterns) that is milliseconds
a call, and an export's handful of system lines, media placeholders and odd entries made
dozens of such calls. A pattern compiled once per process by Python's `re` matches a short
text in microseconds.

The two engines read the phrase tables' syntax the same way: literals, `.`, classes of
literals and ranges, groups, alternation, greedy and lazy repeats, `^`, and `$` on a text that
does not end in a line break (Python's `$` also matches before a final "\\n"). Both pick the
leftmost-first match with backtracking priority, so the groups are the same too. A pattern
with anything else (`\\d` and `\\s` are Unicode classes whose tables differ between the two,
flags, lookaround, Rust's class operators) is not compiled here: `python_regex` gives None and
the caller lets polars match it. A long text is left to polars as well: its engine runs in
linear time, and a backtracking one need not on a crafted message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import import_module
from typing import Any

import polars as pl

from etl.sources.whatsapp.phrases import any_of

# The regex parser `re` itself uses (see `sieve`).
_sre: Any = import_module("re._constants")
_sre_parse: Any = import_module("re._parser")

# Texts matched in Python at most this long (characters): the phrase patterns' lazy names
# backtrack over a text, and a system line or placeholder is far shorter (the state inbox's
# longest: 173).
LONGEST = 500
# More texts than this are matched by polars in one call: its fixed cost per call is then
# small beside the work per text.
MOST = 500

# Outside a class, an escape is read the same only for these (Rust reads `\<` as a word
# boundary, a letter as a class or an assertion); inside one, `[`, `&&`, `--` and `~~` are
# Rust's nested classes and set operations, and Python's literals.
_ESCAPED = set(".^$|?*+()[]{}\\-#&~")
_HEX = set("0123456789abcdefABCDEF")
_ALLOWED = {
    _sre.LITERAL,
    _sre.NOT_LITERAL,
    _sre.ANY,
    _sre.IN,
    _sre.BRANCH,
    _sre.SUBPATTERN,
    _sre.MAX_REPEAT,
    _sre.MIN_REPEAT,
    _sre.AT,
}
_IN_ALLOWED = {_sre.LITERAL, _sre.RANGE, _sre.NEGATE}
_AT_ALLOWED = {_sre.AT_BEGINNING, _sre.AT_END}


@lru_cache(maxsize=8192)
def python_regex(pattern: str) -> re.Pattern[str] | None:
    """`pattern` compiled by Python, when both engines read it the same way (module doc);
    None otherwise."""
    return re.compile(pattern) if python_reads(pattern) else None


@lru_cache(maxsize=8192)
def python_reads(pattern: str) -> bool:
    """Whether Python reads `pattern` the way polars does (module doc), found by parsing it
    without compiling: a process's first chat asks this of every verified phrase, and only
    their alternations are compiled."""
    if not _plain_syntax(pattern):
        return False
    try:
        parsed = _sre_parse.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return False
    state = getattr(parsed, "state", None)
    return not int(getattr(state, "flags", 0)) & ~re.UNICODE and _items_shared(list(parsed))


def _plain_syntax(pattern: str) -> bool:
    """No escape but of punctuation both read as itself, no `{` (a repeat count, read alike but
    not worth the check), and no `[`, `&&`, `--`, `~~` inside a class."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            step = _escape_length(pattern, i)
            if step is None:
                return False
            i += step
        elif c == "{":
            return False
        elif c == "[":
            end = _class_end(pattern, i)
            if end is None:
                return False
            i = end + 1
        else:
            i += 1
    return True


def _escape_length(pattern: str, i: int) -> int | None:
    """How long the escape at `i` is, when both engines read it as one character: punctuation
    as itself, or `\\u` and exactly four hex digits as that code point (not `\\u{…}`, which
    Python does not read); None otherwise."""
    after = pattern[i + 1 : i + 2]
    if after and after in _ESCAPED:
        return 2
    code = pattern[i + 2 : i + 6]
    if after == "u" and len(code) == 4 and all(c in _HEX for c in code):
        return 6
    return None


def _class_end(pattern: str, i: int) -> int | None:
    """Where the class opened at `i` ends (its `]`); None when it holds syntax the engines
    read differently. A `]` first in a class (`[]…]`, `[^]…]`) is a literal in both."""
    j, n = i + 1, len(pattern)
    j += pattern.startswith("^", j)
    j += pattern.startswith("]", j)
    while j < n:
        c = pattern[j]
        if c == "\\":
            step = _escape_length(pattern, j)
            if step is None:
                return None
            j += step
            continue
        if c == "]":
            return j
        if c == "[" or (c in "&-~" and pattern.startswith(c, j + 1)):
            return None
        j += 1
    return None


def _items_shared(items: Iterable[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op not in _ALLOWED:
            return False
        if op is _sre.IN and not all(o in _IN_ALLOWED for o, _ in av):
            return False
        if op is _sre.AT and av not in _AT_ALLOWED:
            return False
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _items_shared(sub):
                return False
        if op is _sre.BRANCH and not all(_items_shared(side) for side in av[1]):
            return False
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            _low, high, sub = av
            # A repeat of something that can match nothing: engines differ on when such a
            # loop stops and which pass its groups report.
            if high != 1 and sub.getwidth()[0] == 0:
                return False
            if not _items_shared(sub):
                return False
    return True


def fits(texts: list[str | None]) -> bool:
    """Whether `texts` are few and short enough to match in Python, and none ends with a
    line break (where the engines' `$` differ)."""
    return len(texts) <= MOST and all(
        t is None or (len(t) <= LONGEST and not t.endswith("\n")) for t in texts
    )


def any_matches(text: pl.Series, patterns: tuple[str, ...]) -> pl.Series:
    """`text.str.contains(<the alternation of patterns>)`: where any of `patterns` matches
    (null where `text` is null)."""
    return each_any_matches(text, [patterns] * text.len())


def each_any_matches(text: pl.Series, patterns: Sequence[tuple[str, ...]]) -> pl.Series:
    """Where any of its own `patterns[i]` matches each text `i` (null where the text is
    null). In Python where `fits`; the patterns Python cannot read are run by polars on the
    texts the others left, one call per distinct set."""
    texts: list[str | None] = text.to_list() if text.len() <= MOST else []
    if not texts or not fits(texts):
        none = text.is_not_null().not_().replace(True, None)  # False, null where text is
        return _polars_any(text, patterns, none)
    found: list[bool | None] = []
    left: list[tuple[str, ...]] = []
    for t, wanted in zip(texts, patterns, strict=True):
        matches, theirs = _split(wanted)
        hit = None if t is None else matches is not None and matches(t) is not None
        found.append(hit)
        left.append(theirs if hit is False else ())
    out = pl.Series(text.name, found, dtype=pl.Boolean)
    return _polars_any(text, left, out) if any(left) else out


@lru_cache(maxsize=256)
def _split(
    patterns: tuple[str, ...],
) -> tuple[Callable[[str], re.Match[str] | None] | None, tuple[str, ...]]:
    """How Python tests a text for any of `patterns` (their alternation as polars builds it,
    matched at the start only when every one begins with `^`; None when Python reads none of
    them), and the patterns left to polars."""
    ours = tuple(p for p in patterns if python_reads(p))
    theirs = tuple(p for p in patterns if not python_reads(p))
    if not ours:
        return None, patterns
    # Each alternative is read alike by both engines, so their alternation is: compiled
    # without parsing it once more for the check.
    try:
        regex = re.compile(any_of(ours))
    except (re.error, OverflowError, RecursionError):
        return None, patterns
    return (regex.match if all(p.startswith("^") for p in ours) else regex.search), theirs


def _polars_any(text: pl.Series, patterns: Sequence[tuple[str, ...]], out: pl.Series) -> pl.Series:
    """`out` with each text that has patterns set to whether polars finds one of them (one
    call for the whole column when every text has the same)."""
    rows: dict[tuple[str, ...], list[int]] = {}
    for i, wanted in enumerate(patterns):
        rows.setdefault(wanted, []).append(i)
    if len(rows) == 1 and len(patterns) == text.len():
        return text.str.contains(any_of(patterns[0])) if patterns else out
    for wanted, at in rows.items():
        if wanted:
            index = pl.Series(at, dtype=pl.UInt32)
            out = out.scatter(index, text.gather(index).str.contains(any_of(wanted)))
    return out


class WordFinder:
    """Every one of a set of words that a text holds, overlapping ones too (what polars'
    `str.extract_many(words, overlapping=True)` finds), without building an automaton per
    call: one regex of the words as a trie, tried at each position where a word can begin,
    finds the longest word there, and every shorter word beginning there is a prefix of it."""

    def __init__(self, words: Iterable[str]) -> None:
        unique = sorted(set(words))
        if any(not w for w in unique):
            raise ValueError("an empty word is held by every text")
        self._longest = re.compile(_trie_pattern(unique))
        self._starts = re.compile("[" + "".join(sorted({re.escape(w[0]) for w in unique})) + "]")
        known = set(unique)
        self._prefixes = {
            w: frozenset(w[:k] for k in range(1, len(w) + 1) if w[:k] in known) for w in unique
        }

    def held(self, text: str) -> set[str]:
        found: set[str] = set()
        match = self._longest.match
        for start in self._starts.finditer(text):
            m = match(text, start.start())
            if m is not None:
                found |= self._prefixes[m.group()]
        return found


def _trie_pattern(words: list[str]) -> str:
    """A regex matching the longest of `words` that begins where it is tried (greedy
    branches, each word's end an optional rest). A run of nodes with one child and no word
    ending is written in one step: the tables' ~1,000 words are mostly long, and a call per
    character was most of the time a process's first chat spends on its phrases."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}
    escaped = {c: re.escape(c) for c in set("".join(words))}

    def emit(node: dict[str, Any]) -> str:
        run: list[str] = []
        while len(node) == 1 and "" not in node:
            ((c, node),) = node.items()
            run.append(escaped[c])
        branches = [escaped[c] + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return "".join(run)
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            inner = "(?:" + inner + ")?" if len(branches) == 1 else inner + "?"
        return "".join(run) + inner

    return emit(trie) or r"[^\s\S]"
