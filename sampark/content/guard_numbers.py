"""Phone and Aadhaar numbers in a story: a private person's mobile or Aadhaar is always blocked;
an office's landline and the public helplines are wanted in a police post and never blocked.

- A mobile is 10 digits from 6-9, with an optional +91 / 91 / 0 before it, spaces or hyphens
  anywhere between digits.
- A landline is written with its STD code apart: 0 + 2-4 digits, then 6-8 digits, the two
  groups split by a space, a hyphen or brackets (0612-2201977, 0612 2201977, (0612) 2201977,
  +91-612-2201977, 0612-220-1977). A mobile written as 0 + 4 digits + 6 digits (09876-543210)
  reads as a landline: mobiles are written 5-5 or whole. Patna's code (0612) starts like a
  mobile: the grouping tells them apart.
- Helplines (100, 112, 1090, 1091, 1098, 181, 1930, 14567, 1800 toll-free…) are too short or
  start with 1, so they never read as a mobile.
- Aadhaar-like is any 4-4-4 or 12-digit run starting 2-9.
"""

from __future__ import annotations

import re

from sampark.content.guard_lexicon import DIGIT

_NOT_BEFORE = "(?<![0-9\u0966-\u096f+])"
_NOT_AFTER = "(?![0-9\u0966-\u096f])"
_PHONE = re.compile(
    f"{_NOT_BEFORE}(?:(?:\\+|00)?91[\\s-]?|0)?[6-9\u096c-\u096f](?:[\\s-]?{DIGIT}){{9}}{_NOT_AFTER}"
)
_LANDLINE = re.compile(
    f"{_NOT_BEFORE}(?:(?:\\+|00)?91[\\s-]?\\(?0?|\\(0|0)"
    f"(?P<code>[1-9\u0967-\u096f]{DIGIT}{{1,3}})(?:\\)\\s*|[\\s-]+)"
    f"(?P<number>{DIGIT}{{2,8}}(?:[\\s-]{DIGIT}{{2,6}})?){_NOT_AFTER}"
)
_AADHAAR = re.compile(
    f"{_NOT_BEFORE}[2-9\u0968-\u096f]{DIGIT}{{3}}[\\s-]?{DIGIT}{{4}}[\\s-]?{DIGIT}{{4}}{_NOT_AFTER}"
)


def landline_spans(text: str) -> list[tuple[int, int]]:
    """Landlines written with their STD code apart (0 + code + number: 11 digits, or 12 with
    91 before).

    >>> landline_spans("Control room: 0612-2201977, (0612) 2201977")
    [(14, 26), (28, 42)]
    """
    return [
        (m.start(), m.end())
        for m in _LANDLINE.finditer(text)
        if len(m.group("code")) + sum(c.isdigit() for c in m.group("number")) == 10
    ]


def number_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(Aadhaar-like spans, mobile spans); a landline is neither.

    >>> number_spans("Call 98765 43210 or 0612-2201977; 112 and 1098 are free.")
    ([], [(5, 16)])
    """
    aadhaar = [(m.start(), m.end()) for m in _AADHAAR.finditer(text)]
    landlines = landline_spans(text)

    def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        return any(s < span[1] and span[0] < e for s, e in others)

    phones = [
        (m.start(), m.end())
        for m in _PHONE.finditer(text)
        if not overlaps((m.start(), m.end()), aadhaar + landlines)
    ]
    return aadhaar, phones
