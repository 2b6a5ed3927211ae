"""Phrase patterns matched in Python (`python_regex`) give what polars gives: the same phrase,
actor and subject for every line, the same verified-or-not answer, the same words found."""

from __future__ import annotations

import random
import re
from importlib import import_module
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

from etl.sources.whatsapp import matching, unverified
from etl.sources.whatsapp.matching import _words_of, matched_events
from etl.sources.whatsapp.phrases import Phrases, any_of, load_phrases
from etl.sources.whatsapp.python_regex import (
    MOST,
    WordFinder,
    _trie_pattern,
    any_matches,
    each_any_matches,
    python_reads,
    python_regex,
)
from etl.sources.whatsapp.unverified import unverified_matches

_sre: Any = import_module("re._constants")
_sre_parse: Any = import_module("re._parser")


@pytest.mark.parametrize(
    ("pattern", "shared"),
    [
        (r"^(?:(?P<actor>(?:[^:]|:[^ ])+?) added (?P<subjects>.+?)\.?)$", True),
        ("[]a]|[^]a]|[a-z]", True),
        (r"a\.b\(c\)", True),
        (r"call[.,\u202F] [0-9]+[ \u00A0]min", True),  # four hex digits: one code point in both
        (r"a\u{202F}", False),  # Rust's braces, which Python does not read
        (r"\d+ others", False),  # Unicode digits: the engines' tables differ
        (r"a\sb", False),
        (r"\<word", False),  # a word boundary in Rust, a "<" in Python
        ("[a&&b]", False),  # Rust's class intersection
        ("[a--b]", False),
        ("[[:alpha:]]", False),
        ("(?i)added", False),
        ("(?=a)b", False),
        ("(a|)*", False),  # a repeat of what can match nothing
        ("a{2}", False),
    ],
)
def test_python_reads_only_the_syntax_both_engines_share(pattern: str, shared: bool) -> None:
    assert (python_regex(pattern) is not None) is shared
    assert python_reads(pattern) is shared


def _example(items: list[tuple[Any, Any]], rng: random.Random) -> str:
    """A text the parsed pattern matches (one of them, chosen by `rng`)."""
    out: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(chr(av))
        elif op is _sre.NOT_LITERAL:
            out.append("b" if av == ord("a") else "a")
        elif op is _sre.ANY:
            out.append(rng.choice("xé "))
        elif op is _sre.IN:
            if av and av[0][0] is _sre.NEGATE:
                banned = {c for o, c in av if o is _sre.LITERAL}
                out.append(next(c for c in "aRमz" if ord(c) not in banned))
            else:
                o, c = rng.choice(av)
                out.append(chr(c if o is _sre.LITERAL else c[0]))
        elif op is _sre.BRANCH:
            out.append(_example(list(rng.choice(av[1])), rng))
        elif op is _sre.SUBPATTERN:
            out.append(_example(list(av[3]), rng))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, high, sub = av
            count = low + rng.randint(0, min(high - low, 3))
            out.extend(_example(list(sub), rng) for _ in range(count))
    return "".join(out)


def _texts(phrases: Phrases) -> list[str]:
    rng = random.Random(7)
    patterns = [p for _, p in phrases.events] + [*phrases.media, *phrases.deleted]
    texts = [
        _example(list(_sre_parse.parse(p)), rng)
        for p in patterns
        for _ in range(2)
        if python_regex(p) is not None
    ]
    # Lines that are almost a phrase: cut short, or with more after it.
    texts += [t[: len(t) // 2] for t in texts[::7]] + [t + " ok" for t in texts[::11]]
    return [*texts, "hello", "Amit: Amit left", "  ", "Ravi added", "ok sir noted"]


def test_phrases_match_in_python_as_in_polars(monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = load_phrases()
    texts, matched = _texts(phrases), 0
    for start in range(0, len(texts), MOST):
        part = texts[start : start + MOST]
        frame = pl.DataFrame({"norm": part}).with_row_index("id")
        in_python = matching._matched_in_python(frame, phrases)
        assert in_python is not None
        with monkeypatch.context() as m:
            m.setattr(matching, "_matched_in_python", lambda frame, phrases: None)
            by_polars = matched_events(frame, phrases)
        assert_frame_equal(in_python, by_polars)
        matched += by_polars.height
    assert matched > len(texts) // 2


def test_verified_phrases_match_in_python_as_in_polars() -> None:
    phrases = load_phrases()
    text = pl.Series("norm", [*_texts(phrases)[:MOST], None])
    for patterns in (phrases.verified_media, phrases.verified_deleted):
        expected = text.str.contains(any_of(patterns))
        assert_series_equal(any_matches(text, patterns), expected)
    events = sorted({e for e, _ in phrases.verified_events})
    wanted = [
        tuple(p for e, p in phrases.verified_events if e == events[i % len(events)])
        for i in range(text.len())
    ]
    expected = pl.Series(
        "norm",
        [
            None if t is None else re.search(any_of(w), t) is not None
            for t, w in zip(text.to_list(), wanted, strict=True)
        ],
        pl.Boolean,
    )
    assert_series_equal(each_any_matches(text, wanted), expected)


def test_a_long_text_is_matched_by_polars() -> None:
    text = pl.Series(["x" * 10_000 + " left", "Amit left"])
    patterns = (r"^(?:(?:[^:]|:[^ ])+? left)$",)
    assert any_matches(text, patterns).to_list() == [True, True]


def test_word_finder_finds_every_word_polars_finds_overlapping_ones_too() -> None:
    words, _ = _words_of(load_phrases())
    texts = [*_texts(load_phrases()), "added added", " removed  removed "]
    held = pl.Series(texts).str.extract_many(list(words), overlapping=True).to_list()
    finder = WordFinder(words)
    assert [finder.held(t) for t in texts] == [set(h) for h in held]


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["ab", "abc", "abd", "x"], "(?:ab(?:c|d)?|x)"),
        (["ab", "abc"], "ab(?:c)?"),
        (["a.b"], r"a\.b"),
        ([], r"[^\s\S]"),
    ],
)
def test_the_words_trie_is_one_branch_per_letter_where_words_part(
    words: list[str], pattern: str
) -> None:
    assert _trie_pattern(words) == pattern


def test_an_alternation_python_cannot_read_is_left_to_polars() -> None:
    text = pl.Series("norm", ["Amit left", "Amit joined", None])
    patterns = (r"^(?:\w+ left)$", "^(?:(?P<actor>.+?) joined)$")
    assert any_matches(text, patterns).to_list() == [True, True, None]


def test_unverified_lines_are_the_same_found_in_python_or_by_polars(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phrases = load_phrases()
    texts = _texts(phrases)[:MOST]
    messages = pl.DataFrame(
        {
            "line": range(len(texts)),
            "kind": ["media", "deleted", "system"] * (len(texts) // 3)
            + ["media"] * (len(texts) % 3),
            "text": texts,
        },
        schema_overrides={"line": pl.Int64},
    )
    events = messages.filter(pl.col("kind") == "system").select(
        "line", pl.lit("added").alias("event")
    )
    in_python = unverified_matches(messages, events, phrases)
    monkeypatch.setattr(unverified, "MOST", 7)  # Python, a few lines at a time
    in_slices = unverified_matches(messages, events, phrases)
    monkeypatch.setattr(unverified, "PYTHON_LINES", 0)
    by_polars = unverified_matches(messages, events, phrases)
    assert 0 < in_python.height < len(texts)
    assert_frame_equal(in_python, by_polars)
    assert_frame_equal(in_slices, by_polars)
