"""The legal and personal-data guard for stories the social media cell may post.

`check(text)` returns findings with code-point spans into `text` as given (Devanagari included):

- block: an identifier (name, relation, village or address, school, family detail) in a text
  tied to a sexual offence (BNS ss.64-71, POCSO; BNS s.72 and Nipun Saxena 2018) or to a child
  in conflict with law, a child victim or witness (JJ Act s.74, POCSO s.23); an FIR number or
  copy in a sexual-offence text; and always a phone number or an Aadhaar-like number;
- warn: words implying the guilt of accused persons before a conviction, and names of private
  persons.

The lexicons live in data/content/guard_*.yaml (one file per language, merged), not in code.

Limits, by design of a text heuristic:
- names are found only after honorifics (Mr, Shri, श्री, श्रीमती…), relation markers (s/o,
  पुत्र…) or "named"/"नामक"; a bare name ("Ramesh was arrested") is not found, and a name
  after a rank or post (SP, थानाध्यक्ष…) is taken to be an official's and not flagged;
- an identifier is blocked only when the same text names the offence or the child context; a
  story that hides both is not caught, and a reviewer still reads every story;
- phone numbers are Indian mobiles (10 digits from 6-9, optional +91/91/0, spaces or hyphens);
  landlines and foreign numbers are not matched; Aadhaar-like is any 4-4-4 or 12-digit run
  starting 2-9.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from sampark.settings import PROJECT_ROOT

LEXICON_DIR = PROJECT_ROOT / "data" / "content"
Level = Literal["block", "warn"]

# Letters, digits and the Devanagari block minus its danda and digits: what a word is made of.
# Python's \w misses Devanagari vowel signs (they are marks, not letters), so words are spelt
# out here instead of relying on \w or \b.
_HI = "\u0900-\u0963\u0971-\u097f"
_WORD_CHAR = f"[\\w{_HI}]"
_DIGIT = "[0-9\u0966-\u096f]"
_PLACEHOLDERS = {
    "<Name>": "[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}",
    "<word>": f"{_WORD_CHAR}+",
    "<num>": f"{_DIGIT}+",
    "<suffix>": f"[{_HI}]*",
}
_NUKTA = "\u093c"
_PRECOMPOSED_NUKTA = {unicodedata.normalize("NFD", chr(c)): chr(c) for c in range(0x958, 0x960)}

_PHONE = re.compile(
    f"(?<![0-9\u0966-\u096f+])(?:(?:\\+|00)?91[\\s-]?|0)?[6-9\u096c-\u096f](?:[\\s-]?{_DIGIT}){{9}}"
    f"(?![0-9\u0966-\u096f])"
)
_AADHAAR = re.compile(
    f"(?<![0-9\u0966-\u096f])[2-9\u0968-\u096f]{_DIGIT}{{3}}[\\s-]?{_DIGIT}{{4}}[\\s-]?{_DIGIT}{{4}}"
    f"(?![0-9\u0966-\u096f])"
)
_IDENTIFIER_KINDS = ("relation", "place", "school", "family", "name")


class LexiconError(ValueError):
    """A lexicon entry that is not a valid regular expression."""


@dataclass(frozen=True)
class Finding:
    """One finding: `text[start:end]` is the offending span (code points)."""

    level: Level
    code: str
    start: int
    end: int
    message_key: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, list[re.Pattern[str]]]
    official_before: re.Pattern[str]


def _either_nukta(pattern: str) -> str:
    """Accept both spellings of a nukta letter (one code point, or letter + nukta)."""
    text = unicodedata.normalize("NFC", pattern)  # NFC spells nukta letters as two code points
    for decomposed, single in _PRECOMPOSED_NUKTA.items():
        text = text.replace(decomposed, f"(?:{decomposed}|{single})")
    return text


def _expand(pattern: str, stopwords: str) -> str:
    hi_word = f"(?!(?:{stopwords})(?!{_WORD_CHAR}))[{_HI}]+"
    out = pattern.replace("<HiName>", f"{hi_word}(?:\\s+{hi_word})?")
    for key, value in _PLACEHOLDERS.items():
        out = out.replace(key, value)
    return _either_nukta(out)


def _compile(path: Path, key: str, entry: str) -> re.Pattern[str]:
    """One entry, bounded by non-word characters (each entry apart: they reuse group names)."""
    try:
        return re.compile(f"(?<!{_WORD_CHAR})(?:{entry})(?!{_WORD_CHAR})")
    except re.error as exc:
        raise LexiconError(f"{path}: list {key!r}, entry {entry!r}: {exc}") from exc


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Every guard_*.yaml in `directory`, merged list by list."""
    entries: list[tuple[Path, str, str]] = []
    for path in sorted(directory.glob("guard_*.yaml")):
        for key, values in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            entries.extend((path, str(key), str(v)) for v in values)
    stopwords = "|".join(e for _, key, e in entries if key == "name_stopword") or "(?!)"
    officials = [
        _compile(p, k, _expand(e, stopwords)) for p, k, e in entries if k == "official_title"
    ]
    patterns: dict[str, list[re.Pattern[str]]] = {}
    for path, key, entry in entries:
        if key not in ("name_stopword", "official_title"):
            patterns.setdefault(key, []).append(_compile(path, key, _expand(entry, stopwords)))
    joined = "|".join(o.pattern for o in officials) or "(?!)"
    official_before = re.compile(f"(?:{joined})\\.?\\s*[,:]?\\s*$")
    return Lexicon(patterns=patterns, official_before=official_before)


def _spans(lexicon: Lexicon, key: str, text: str) -> list[re.Match[str]]:
    return [m for p in lexicon.patterns.get(key, []) for m in p.finditer(text)]


def _is_child_age(match: re.Match[str]) -> bool:
    age = match.groupdict().get("age")
    return age is not None and int(age) < 18


def _has_child_context(lexicon: Lexicon, text: str) -> bool:
    # A "girl aged 25" matches a child_context entry too: where an age is captured, it decides.
    return any(
        m.groupdict().get("age") is None or _is_child_age(m)
        for m in _spans(lexicon, "child_context", text)
    ) or any(_is_child_age(m) for m in _spans(lexicon, "child_age", text))


def _is_official(lexicon: Lexicon, text: str, start: int) -> bool:
    return lexicon.official_before.search(text[max(0, start - 40) : start]) is not None


def _numbers(text: str) -> list[Finding]:
    aadhaar = [(m.start(), m.end()) for m in _AADHAAR.finditer(text)]
    found = [Finding("block", "aadhaar_number", s, e, "guard_aadhaar_number") for s, e in aadhaar]
    for m in _PHONE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in aadhaar):
            found.append(Finding("block", "phone_number", m.start(), m.end(), "guard_phone_number"))
    return found


def check(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Every finding in `text`, ordered by position.

    >>> [(f.level, f.code, f.start, f.end) for f in check("Call 98765 43210")]
    [('block', 'phone_number', 5, 16)]
    """
    lex = lexicon or load_lexicon()
    found = _numbers(text)
    sexual = bool(_spans(lex, "sexual_offence", text))
    child = _has_child_context(lex, text)
    protected_code = "sexual_offence_identifier" if sexual else "child_identifier"
    for kind in _IDENTIFIER_KINDS:
        for m in _spans(lex, f"identifier_{kind}", text):
            if kind == "name" and _is_official(lex, text, m.start()):
                continue
            if sexual or child:
                found.append(
                    Finding("block", protected_code, m.start(), m.end(), f"guard_{protected_code}")
                )
            elif kind == "name":
                found.append(
                    Finding("warn", "private_name", m.start(), m.end(), "guard_private_name")
                )
    if sexual:
        found.extend(
            Finding("block", "fir_sexual_offence", m.start(), m.end(), "guard_fir_sexual_offence")
            for m in _spans(lex, "fir_reference", text)
        )
    if not _spans(lex, "conviction", text):
        found.extend(
            Finding("warn", "guilt_word", m.start(), m.end(), "guard_guilt_word")
            for m in _spans(lex, "guilt_word", text)
        )
    return sorted(set(found), key=lambda f: (f.start, f.end, f.level, f.code))


def is_blocked(findings: list[Finding]) -> bool:
    return any(f.level == "block" for f in findings)


STORY_FIELDS = ("title", "body", "title_hi", "body_hi")


def story_findings(texts: dict[str, str | None]) -> list[dict[str, Any]]:
    """Findings over a story's four texts checked as one (an offence named in the Hindi body
    makes a village in the English title an identifier), each tagged with its field and with
    its span relative to that field."""
    parts = [(name, texts.get(name) or "") for name in STORY_FIELDS]
    joined = "\n".join(text for _, text in parts)
    bounds: list[tuple[str, int, int]] = []
    offset = 0
    for name, text in parts:
        bounds.append((name, offset, offset + len(text)))
        offset += len(text) + 1
    out: list[dict[str, Any]] = []
    for finding in check(joined):
        for name, lo, hi in bounds:
            if lo <= finding.start < hi:
                row = finding.to_dict()
                row.update(field=name, start=finding.start - lo, end=min(finding.end, hi) - lo)
                out.append(row)
    return out
