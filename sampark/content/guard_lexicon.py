"""The content guard's lexicons: data/content/guard_*.yaml, one file per language, merged.

Each entry is a regular expression; the loader bounds it by non-word characters itself and
accepts both spellings of nukta letters. Placeholders:

- `<Name>` 1-3 capitalised Latin words; `<name>` 1-3 Latin words in any case (Hinglish);
- `<HiName>` 1-2 Devanagari words and `<HiWord>` one, none of them a `name_stopword`;
- `<word>` any one word, `<num>` digits (Latin or Devanagari), `<yy>` 1-2 digits (an age),
  `<suffix>` Devanagari letters.

Three lists are not patterns of their own: `name_stopword` (words a name never is:
postpositions, verbs, "withheld"), `official_title` (a rank or post: a name right after or
before one is an official's) and `accused_marker` (a word that gives the name after it as the
accused's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from sampark.settings import PROJECT_ROOT

LEXICON_DIR = PROJECT_ROOT / "data" / "content"

# Letters, digits and the Devanagari block minus its danda and digits: what a word is made of.
# Python's \w misses Devanagari vowel signs (they are marks, not letters), so words are spelt
# out here instead of relying on \w or \b.
HI = "\u0900-\u0963\u0971-\u097f"
WORD_CHAR = f"[\\w{HI}]"
DIGIT = "[0-9\u0966-\u096f]"
_PLACEHOLDERS = {
    "<word>": f"{WORD_CHAR}+",
    "<num>": f"{DIGIT}+",
    "<yy>": f"{DIGIT}{{1,2}}(?!{DIGIT})",
    "<suffix>": f"[{HI}]*",
}
_PRECOMPOSED_NUKTA = {unicodedata.normalize("NFD", chr(c)): chr(c) for c in range(0x958, 0x960)}
_NOT_PATTERNS = ("name_stopword", "official_title", "accused_marker")
_HONORIFIC = r"(?:(?i:shri|sri|smt|mr|mrs|ms)\.?\s+|श्री\s+|श्रीमती\s+)?"
# Words that may stand between "accused" and the name: "the accused, one Ramesh".
_FILLER = r"(?:(?:one|named|the|a|man|youth|person|व्यक्ति|युवक)\s+)?"


class LexiconError(ValueError):
    """A lexicon entry that is not a valid regular expression."""


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, list[re.Pattern[str]]]
    # A rank or post ending just before a name (an honorific may stand between).
    official_before: re.Pattern[str]
    # A rank or post starting just after a name ("Priya Kumari, SI").
    official_after: re.Pattern[str]
    # "accused" (or its kin) ending just before a name.
    accused_before: re.Pattern[str]
    # Words a name never is, Latin and Devanagari.
    stopwords: re.Pattern[str]

    def spans(self, key: str, text: str) -> list[re.Match[str]]:
        return [m for p in self.patterns.get(key, []) for m in p.finditer(text)]

    def has(self, key: str, text: str) -> bool:
        return any(p.search(text) for p in self.patterns.get(key, []))


def either_nukta(pattern: str) -> str:
    """Accept both spellings of a nukta letter (one code point, or letter + nukta)."""
    text = unicodedata.normalize("NFC", pattern)  # NFC spells nukta letters as two code points
    for decomposed, single in _PRECOMPOSED_NUKTA.items():
        text = text.replace(decomposed, f"(?:{decomposed}|{single})")
    return text


def _expand(pattern: str, stopwords: str) -> str:
    hi_word = f"(?!(?:{stopwords})(?!{WORD_CHAR}))[{HI}]+"
    not_stop = f"(?!(?i:{stopwords})(?!{WORD_CHAR}))"
    latin_title, latin_any = f"{not_stop}[A-Z][a-z]+", f"{not_stop}[A-Za-z][a-z]+"
    out = pattern.replace("<HiName>", f"{hi_word}(?:\\s+{hi_word})?").replace("<HiWord>", hi_word)
    out = out.replace("<Name>", f"{latin_title}(?:[^\\S\\n]+{latin_title}){{0,2}}")
    out = out.replace("<name>", f"{latin_any}(?:[^\\S\\n]+{latin_any}){{0,2}}")
    for key, value in _PLACEHOLDERS.items():
        out = out.replace(key, value)
    return either_nukta(out)


def _compile(path: Path, key: str, entry: str) -> re.Pattern[str]:
    """One entry, bounded by non-word characters (each entry apart: they reuse group names)."""
    try:
        return re.compile(f"(?<!{WORD_CHAR})(?:{entry})(?!{WORD_CHAR})")
    except re.error as exc:
        raise LexiconError(f"{path}: list {key!r}, entry {entry!r}: {exc}") from exc


def _entries(directory: Path) -> list[tuple[Path, str, str]]:
    entries: list[tuple[Path, str, str]] = []
    for path in sorted(directory.glob("guard_*.yaml")):
        for key, values in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            entries.extend((path, str(key), str(v)) for v in values)
    return entries


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Every guard_*.yaml in `directory`, merged list by list."""
    entries = _entries(directory)
    stopwords = "|".join(e for _, key, e in entries if key == "name_stopword") or "(?!)"

    def joined(list_key: str) -> str:
        found = [f"(?:{_expand(e, stopwords)})" for _, key, e in entries if key == list_key]
        return "|".join(found) or "(?!)"

    titles, accused = joined("official_title"), joined("accused_marker")
    patterns: dict[str, list[re.Pattern[str]]] = {}
    for path, key, entry in entries:
        if key not in _NOT_PATTERNS:
            patterns.setdefault(key, []).append(_compile(path, key, _expand(entry, stopwords)))
    return Lexicon(
        patterns=patterns,
        official_before=re.compile(
            f"(?<!{WORD_CHAR})(?:{titles})\\.?\\s*[,:-]?\\s*{_HONORIFIC}$", re.IGNORECASE
        ),
        official_after=re.compile(
            f"^\\s*(?:,\\s*|\\(\\s*|-\\s*)?(?:{titles})(?!{WORD_CHAR})", re.IGNORECASE
        ),
        accused_before=re.compile(
            f"(?<!{WORD_CHAR})(?:{accused})\\s*[,:-]?\\s*{_FILLER}{_HONORIFIC}$", re.IGNORECASE
        ),
        stopwords=re.compile(f"(?:{either_nukta(stopwords)})", re.IGNORECASE),
    )
