"""The legal and personal-data guard for stories the social media cell may post.

`check(text)` returns findings with code-point spans into `text` as given (Devanagari included):

- block: an identifier (a name, a relation, a village, ward or locality, a school or class, a
  family detail) in a text tied to a sexual offence (BNS ss.64-71, POCSO; BNS s.72 and Nipun
  Saxena 2018) or to a child in conflict with law, a child victim or witness (JJ Act s.74,
  POCSO s.23); an FIR number or copy in a sexual-offence text; and always a mobile number or
  an Aadhaar-like number (an office's landline and the helplines are wanted, never blocked);
- warn: words implying the guilt of accused persons before a conviction (Supreme Court, Sep
  2023), and names of private persons where no protected person is at stake — or of an adult
  named as the accused in a protected story, for a reviewer to see that it is no relative.

Names are found three ways: after a marker ("का नाम", "named", "नामक", an honorific), in
apposition or with an age ("the victim, Sunita (19)", "Rohit Yadav, 16, of Ward 4"), and bare,
by a list of Indian given names and surnames (`person_names`). A name right after or before a
rank or post (SP, थानाध्यक्ष, "…, SHO") is an official's and never flagged. Hindi, English and
Roman-script Hindi (Hinglish) each have a lexicon in data/content/guard_*.yaml, merged.

A story that only mentions POCSO or child marriage in an awareness drive (no arrest, case,
rescue or complaint) protects nobody, so the school or village it names is no identifier.

Limits, by design of a text heuristic: a name neither marked nor in the list is missed in
Hindi (in English a capitalised name is found after a marker or with an age); a protected story
that names neither the offence nor the child context is not caught; a reviewer still reads
every story.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sampark.content.guard_lexicon import Lexicon, LexiconError, load_lexicon
from sampark.content.guard_numbers import number_spans
from sampark.content.person_names import NameFinder, name_list_spans

__all__ = [
    "STORY_FIELDS",
    "Finding",
    "LexiconError",
    "check",
    "is_blocked",
    "load_lexicon",
    "protected_context",
    "story_findings",
    "story_protected_context",
]

Level = Literal["block", "warn"]
_IDENTIFIER_KINDS = ("relation", "place", "school", "family", "name")
# How far before a name an "accused" marker may stand to make it the accused's name.
_ACCUSED_WINDOW = 40
_AGE_AFTER = re.compile(r"^\s*(?:,\s*|\(\s*)(?:aged\s+)?([0-9\u0966-\u096f]{1,2})(?![0-9])")


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


def _finding(level: Level, code: str, start: int, end: int) -> Finding:
    return Finding(level, code, start, end, f"guard_{code}")


def _age(text: str) -> int:
    return int("".join(str(int(ch)) for ch in text))  # int() reads Devanagari digits too


def _is_child_age(match: re.Match[str]) -> bool:
    age = match.groupdict().get("age")
    return age is not None and _age(age) < 18


def _has_child_context(lex: Lexicon, text: str) -> bool:
    # A "girl aged 25" matches a child_context entry too: where an age is captured, it decides.
    return any(
        m.groupdict().get("age") is None or _is_child_age(m)
        for m in lex.spans("child_context", text)
    ) or any(_is_child_age(m) for m in lex.spans("child_age", text))


def _is_awareness_only(lex: Lexicon, text: str) -> bool:
    """An awareness drive that names no incident (arrest, case, rescue, complaint)."""
    return lex.has("awareness", text) and not lex.has("incident", text)


def _is_official(lex: Lexicon, text: str, start: int, end: int) -> bool:
    return (
        lex.official_before.search(text[max(0, start - 40) : start]) is not None
        or lex.official_after.search(text[end : end + 40]) is not None
    )


def _is_adult_accused(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """A name the story gives as the accused's, with no child marker or child age near it."""
    before = text[max(0, start - _ACCUSED_WINDOW) : start]
    if not lex.accused_before.search(before):
        return False
    if lex.has("child_context", before) or lex.has("child_age", before):
        return False
    age = _AGE_AFTER.match(text[end : end + 12])
    return age is None or _age(age.group(1)) >= 18


def _is_stopword(lex: Lexicon, text: str) -> bool:
    return all(lex.stopwords.fullmatch(word) for word in text.split())


def _name_spans(lex: Lexicon, text: str, names: NameFinder) -> list[tuple[int, int, bool]]:
    """(start, end, marked) of private persons' names: `marked` when a marker, an apposition
    or an age announces it, not only the name list."""
    marked = [
        (m.span("n") if "n" in m.groupdict() else m.span()) + (True,)
        for m in lex.spans("identifier_name", text)
    ]
    listed = [(s, e, False) for s, e in names(text)]
    # One name found twice (by the list and by a marker) is one name, marked if either says so.
    merged: list[tuple[int, int, bool]] = []
    for s, e, is_marked in sorted(marked + listed):
        if merged and s < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], e), last[2] or is_marked)
        else:
            merged.append((s, e, is_marked))
    return [
        (s, e, is_marked)
        for s, e, is_marked in merged
        if e > s and not _is_official(lex, text, s, e) and not _is_stopword(lex, text[s:e])
    ]


def _merged(found: list[Finding]) -> list[Finding]:
    """Overlapping findings of one level and code as one span, ordered by position."""
    out: list[Finding] = []
    for f in sorted(set(found), key=lambda f: (f.level, f.code, f.start, f.end)):
        last = out[-1] if out else None
        if last and (last.level, last.code) == (f.level, f.code) and f.start < last.end:
            out[-1] = _finding(f.level, f.code, last.start, max(last.end, f.end))
        else:
            out.append(f)
    return sorted(out, key=lambda f: (f.start, f.end, f.level, f.code))


def check(
    text: str, lexicon: Lexicon | None = None, *, names: NameFinder | None = None
) -> list[Finding]:
    """Every finding in `text`, ordered by position. `names` finds bare names (the name list
    by default).

    >>> [(f.level, f.code, f.start, f.end) for f in check("Call 98765 43210")]
    [('block', 'phone_number', 5, 16)]
    """
    lex = lexicon or load_lexicon()
    finder = names or name_list_spans
    aadhaar, phones = number_spans(text)
    found = [_finding("block", "aadhaar_number", s, e) for s, e in aadhaar]
    found += [_finding("block", "phone_number", s, e) for s, e in phones]
    sexual = lex.has("sexual_offence", text)
    child = _has_child_context(lex, text)
    protected = (sexual or child) and not _is_awareness_only(lex, text)
    code = "sexual_offence_identifier" if sexual else "child_identifier"
    for kind in _IDENTIFIER_KINDS[:-1]:
        if protected:
            found += [
                _finding("block", code, m.start(), m.end())
                for m in lex.spans(f"identifier_{kind}", text)
            ]
    for start, end, marked in _name_spans(lex, text, finder):
        if protected and not _is_adult_accused(lex, text, start, end):
            found.append(_finding("block", code, start, end))
        elif marked or protected:
            found.append(_finding("warn", "private_name", start, end))
    if sexual:
        found += [
            _finding("block", "fir_sexual_offence", m.start(), m.end())
            for m in lex.spans("fir_reference", text)
        ]
    if not lex.has("conviction", text):
        found += [
            _finding("warn", "guilt_word", m.start(), m.end())
            for m in lex.spans("guilt_word", text)
        ]
        if lex.has("incident", text):
            found += [
                _finding("warn", "guilt_word", m.start(), m.end())
                for m in lex.spans("guilt_label", text)
            ]
    return _merged(found)


def is_blocked(findings: list[Finding]) -> bool:
    return any(f.level == "block" for f in findings)


def protected_context(text: str, lexicon: Lexicon | None = None) -> str | None:
    """ "sexual_offence" or "child" when `text` ties the story to one, else None. An awareness
    drive counts too: a photo of children at a POCSO talk still shows children.

    >>> protected_context("नाबालिग बरामद"), protected_context("Theft solved")
    ('child', None)
    """
    lex = lexicon or load_lexicon()
    if lex.has("sexual_offence", text):
        return "sexual_offence"
    return "child" if _has_child_context(lex, text) else None


STORY_FIELDS = ("title", "body", "title_hi", "body_hi")


def story_protected_context(texts: dict[str, str | None]) -> str | None:
    """`protected_context` over a story's four texts as one."""
    return protected_context("\n".join(texts.get(name) or "" for name in STORY_FIELDS))


def story_findings(
    texts: dict[str, str | None], *, names: NameFinder | None = None
) -> list[dict[str, Any]]:
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
    for finding in check(joined, names=names):
        for name, lo, hi in bounds:
            if lo <= finding.start < hi:
                row = finding.to_dict()
                row.update(field=name, start=finding.start - lo, end=min(finding.end, hi) - lo)
                out.append(row)
    return out
