"""Indian personal names in a story, found by a list of given names and surnames
(data/content/person_names.yaml), in Latin and Devanagari script.

The content guard needs names that no marker announces ("सुनीता को बरामद किया गया"). The list
was chosen over a named-entity model by measurement on the guard's own set of stories (see
bench/README.md): the model read no Devanagari and blocked officials' names. A name finder is
any function from a text to (start, end) spans, so the guard can take another (a model, a
fake in tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from sampark.content.guard_lexicon import HI, LEXICON_DIR

NAME_LIST = LEXICON_DIR / "person_names.yaml"
NameFinder = Callable[[str], list[tuple[int, int]]]
# A word: Latin letters, or Devanagari letters and signs (no danda, no digits).
_WORD = re.compile(f"[A-Za-z]+|[{HI}]+")
# At most this many words make one name.
_MAX_WORDS = 4


@dataclass(frozen=True)
class NameList:
    given: frozenset[str]
    surnames: frozenset[str]


def _words(raw: object) -> set[str]:
    return {unicodedata.normalize("NFC", w) for w in str(raw or "").split()}


@lru_cache(maxsize=4)
def load_name_list(path: Path = NAME_LIST) -> NameList:
    """The list's given names and surnames, each minus the words that are never a name."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    never = _words(raw.get("not_names"))
    given = _words(raw.get("given_latin")) | _words(raw.get("given_deva"))
    surnames = _words(raw.get("surname_latin")) | _words(raw.get("surname_deva"))
    return NameList(given=frozenset(given - never), surnames=frozenset(surnames))


def _is_gap(text: str) -> bool:
    """Spaces between two words of one name: a line break ends a name (a title, then a body)."""
    return text.isspace() and "\n" not in text


def _is_latin(word: str) -> bool:
    return word.isascii()


def _in(word: str, names: frozenset[str]) -> bool:
    # Latin names count only in Title case: "Sunita", never "sunita" or "SUNITA".
    if _is_latin(word) and not (word[:1].isupper() and word[1:].islower()):
        return False
    return unicodedata.normalize("NFC", word) in names


def name_list_spans(text: str, names: NameList | None = None) -> list[tuple[int, int]]:
    """Spans of names that start with a listed given name, followed by listed surnames or
    given names in the same script.

    >>> text = "Sunita Kumari और सुनीता देवी, not sunita"
    >>> [text[s:e] for s, e in name_list_spans(text)]
    ['Sunita Kumari', 'सुनीता देवी']
    """
    listed = names or load_name_list()
    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        first = words[i]
        if not _in(first.group(), listed.given):
            i += 1
            continue
        end, j = first.end(), i + 1
        while (
            j < len(words)
            and j - i < _MAX_WORDS
            and _is_gap(text[end : words[j].start()])
            and _is_latin(words[j].group()) == _is_latin(first.group())
            and (_in(words[j].group(), listed.surnames) or _in(words[j].group(), listed.given))
        ):
            end, j = words[j].end(), j + 1
        spans.append((first.start(), end))
        i = j
    return spans
