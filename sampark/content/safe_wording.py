"""A safe wording for a story the guard flagged: each flagged span replaced by neutral words
("रामू की बेटी" → "पीड़िता", "Ward 4" → "a locality in the district"), for a person to read,
change and accept. Nothing here saves anything; the edit form offers the result.

The words follow what the span is (a village, a school, a relation, a number, a name) and its
script (a span with Devanagari gets Hindi words); BNS s.72, POCSO s.23 and JJ s.74 forbid
what identifies the survivor or the child, not the offence, the district or the arrest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_DEVANAGARI = re.compile("[\u0900-\u097f]")
_I = re.IGNORECASE

# What a span is, read from its own words; the first that matches wins.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("village", re.compile(r"village|gaon|gaanv|गांव|गाँव|ग्राम|पंचायत|panchayat", _I)),
    (
        "school",
        re.compile(r"school|vidyalaya|vidya mandir|college|स्कूल|विद्यालय|विद्या मंदिर|कॉलेज", _I),
    ),
    ("class", re.compile(r"\bclass\b|\bstd\b|कक्षा|क्लास", _I)),
    (
        "locality",
        re.compile(r"ward|nagar|colony|mohalla|tola|वार्ड|नगर|कॉलोनी|मोहल्ल|टोला|निवासी|रहने वाल", _I),
    ),
    (
        "offspring",
        re.compile(r"daughter|\bson\b|beti|beta|बेटी|बेटा|पुत्री|पुत्र|लड़की|लड़का", _I),
    ),
    (
        "relative",
        re.compile(
            r"father|mother|uncle|aunt|brother|sister|husband|wife|cousin|"
            r"pita|chacha|पिता|माता|मां|माँ|चाचा|मामा|भाई|बहन|पति|पत्नी|देवर|ससुर",
            _I,
        ),
    ),
)

# Neutral words by (what the span is, or the finding's code) and language.
_WORDS: dict[str, dict[str, str]] = {
    "village": {"en": "a village in the district", "hi": "ज़िले के एक गांव"},
    "locality": {"en": "a locality in the district", "hi": "ज़िले के एक मोहल्ले"},
    # Any school word in a child's story still reads as the child's school to the guard.
    "school": {"en": "a local institution", "hi": "एक स्थानीय शिक्षण संस्थान"},
    "class": {"en": "a local institution", "hi": "एक स्थानीय शिक्षण संस्थान"},
    "withheld": {"en": "withheld", "hi": "गोपनीय"},
    "relative": {"en": "a family member", "hi": "एक परिजन"},
    "sexual_offence_identifier": {"en": "the survivor", "hi": "पीड़िता"},
    "child_identifier": {"en": "the child", "hi": "बच्चा"},
    "phone_number": {"en": "[number removed]", "hi": "[नंबर हटाया गया]"},
    "aadhaar_number": {"en": "[number removed]", "hi": "[नंबर हटाया गया]"},
    "fir_sexual_offence": {"en": "a case", "hi": "एक मामला"},
    "guilt_word": {"en": "accused", "hi": "आरोपी"},
    "private_name": {"en": "a person", "hi": "एक व्यक्ति"},
}
_IDENTIFIERS = ("sexual_offence_identifier", "child_identifier")
# "पीड़िता का नाम X है", "the girl, named X": the name is withheld, not replaced by a noun.
_NAME_MARKER = re.compile(r"(?:का\s+नाम|नामक|\bnamed|name\s+is|naam)\s*[:\-]?\s*$", _I)


def text_language(text: str) -> str:
    """ "hi" where Devanagari letters outnumber Latin ones, else "en"."""
    devanagari = len(_DEVANAGARI.findall(text))
    latin = sum(c.isascii() and c.isalpha() for c in text)
    return "hi" if devanagari > latin else "en"


def neutral_words(span: str, code: str, before: str = "", lang: str | None = None) -> str:
    """The neutral words for one flagged `span` of the guard's finding `code`; the span as it
    was for a code this helper does not know. `before` is the text just before the span;
    `lang` the text's language, for a span with no letters of its own (a phone number).

    >>> neutral_words("Ward 4", "child_identifier")
    'a locality in the district'
    >>> neutral_words("रामू की बेटी", "sexual_offence_identifier")
    'पीड़िता'
    """
    if _DEVANAGARI.search(span):
        lang = "hi"
    elif lang is None or any(c.isalpha() for c in span):
        lang = "en"
    key = code
    if code in _IDENTIFIERS:
        kind = next((k for k, pattern in _KINDS if pattern.search(span)), None)
        # A survivor named by whose daughter she is is the survivor; any other named
        # relation is a family member; a bare name is the survivor or the child.
        key = code if kind in (None, "offspring") else kind
        if kind is None and _NAME_MARKER.search(before):
            key = "withheld"
    words = _WORDS.get(key)
    return words[lang] if words else span


def safe_wording(text: str, findings: Iterable[Mapping[str, Any]]) -> str:
    """`text` with every flagged span (`start`, `end`, `code`, relative to `text`) replaced by
    neutral words. Two neighbouring spans given the same words, with only spaces between
    them, are replaced once ("दोषी अपराधियों" → "आरोपी")."""
    spans = sorted(
        (int(f["start"]), int(f["end"]), str(f["code"]))
        for f in findings
        if 0 <= int(f["start"]) < int(f["end"]) <= len(text)
    )
    lang = text_language(text)
    out: list[str] = []
    cursor = 0
    last_words: str | None = None
    for start, end, code in spans:
        if start < cursor:  # overlaps a span already replaced
            continue
        words = neutral_words(text[start:end], code, text[max(0, start - 20) : start], lang)
        gap = text[cursor:start]
        if last_words == words and not gap.strip():
            cursor = end
            continue
        out += [gap, words]
        cursor, last_words = end, words
    out.append(text[cursor:])
    return "".join(out)


def story_safe_wording(
    texts: Mapping[str, str | None], findings: Iterable[Mapping[str, Any]]
) -> dict[str, str]:
    """`safe_wording` of each of a story's texts with the findings of its field (as
    `guard.story_findings` tags them); only the fields that change."""
    by_field: dict[str, list[Mapping[str, Any]]] = {}
    for finding in findings:
        by_field.setdefault(str(finding.get("field")), []).append(finding)
    out = {}
    for field, mine in by_field.items():
        text = texts.get(field) or ""
        safer = safe_wording(text, mine)
        if safer != text:
            out[field] = safer
    return out
