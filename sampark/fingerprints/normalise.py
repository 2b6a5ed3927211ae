"""The normalised text a fingerprint is made of, in pure Python (the reference).

NFC, then per grapheme cluster (see `chars.py`): letters and numbers kept and folded (lower
case, digits of any script as ASCII digits), their combining marks kept with them, and
everything else removed: spaces, punctuation, emoji, WhatsApp's formatting marks (`*bold*`,
`_italic_`, `~strike~`, ```` ```mono``` ````). Then the markers people put in front of a
forward ("Forwarded", "*Important*", "अति आवश्यक", …) are taken off the start, as often as they
repeat. What is left is a run of letters, digits and marks: "different spacing" and "an emoji
added" give the same text.

The compiled path (`native.py`) gives the same text; this module is what it is tested against
and what runs where it is not built.
"""

from __future__ import annotations

import unicodedata

from sampark.fingerprints.chars import DROP, EXTEND, KEEP, MARK, char_kind, folded

MIN_CHARS = 25
"""Normalised texts shorter than this (in code points) get no fingerprint: "ok sir", "जय हिन्द
सर" and "Good morning all" are said in every group every day and tell nothing about a chain."""

MARKER_PHRASES = (
    "forwarded",
    "forwarded as received",
    "forwarded many times",
    "fwd",
    "fw",
    "important",
    "very important",
    "most important",
    "imp",
    "urgent",
    "very urgent",
    "most urgent",
    "attention",
    "alert",
    "breaking news",
    "breaking",
    "must read",
    "please read",
    "important notice",
    "urgent notice",
    "अति आवश्यक",
    "अत्यंत आवश्यक",
    "आवश्यक",
    "अति महत्वपूर्ण",
    "महत्वपूर्ण",
    "महत्त्वपूर्ण",
    "अति जरूरी",
    "जरूरी",
    "ज़रूरी",
    "अर्जेंट",
    "तत्काल",
    "ध्यान दें",
    "कृपया ध्यान दें",
    "आवश्यक सूचना",
    "महत्वपूर्ण सूचना",
    "जरूरी सूचना",
    "फॉरवर्ड",
    "फॉरवर्डेड",
    "ब्रेकिंग न्यूज़",
)
"""Phrases that, at the start of a message, mark it rather than say it (in any case, with any
punctuation, emoji or formatting around them, in any order and repeated)."""


def cluster_text(text: str) -> str:
    """Letters, digits and their marks of `text` (already in NFC), folded; the rest removed.

    >>> cluster_text("*Duty* at 8:00 — ठीक है 🙏🏽!")
    'dutyat800ठीकहै'
    """
    out: list[str] = []
    keeping = False
    for ch in text:
        kind = char_kind(ch)
        if kind == KEEP:
            keeping = True
            out.append(folded(ch))
        elif kind == MARK:
            if keeping:
                out.append(folded(ch))
        elif kind == DROP:
            keeping = False
        else:
            assert kind == EXTEND
    return "".join(out)


MARKERS = tuple(
    sorted(
        {cluster_text(unicodedata.normalize("NFC", p)) for p in MARKER_PHRASES},
        key=lambda m: (-len(m), m),
    )
)
"""The marker phrases as normalised text, longest first (so "important" is tried before
"imp")."""


def without_markers(text: str) -> str:
    """`text` (normalised) without the markers at its start, however often they repeat."""
    start = 0
    while True:
        for marker in MARKERS:
            if text.startswith(marker, start):
                start += len(marker)
                break
        else:
            return text[start:]


def normalised_text(text: str) -> str:
    """What a message's fingerprint is made of (see the module's docstring).

    >>> normalised_text("*Forwarded*\\n🚨 *IMPORTANT* 🚨  Duty at  Gandhi Maidan, 8 AM")
    'dutyatgandhimaidan8am'
    >>> normalised_text("अति आवश्यक!! सभी थानाध्यक्ष ध्यान दें।")
    'सभीथानाध्यक्षध्यानदें'
    """
    return without_markers(cluster_text(unicodedata.normalize("NFC", text)))


def has_fingerprint(normalised: str) -> bool:
    """Whether a normalised text is long enough to be fingerprinted."""
    return len(normalised) >= MIN_CHARS
