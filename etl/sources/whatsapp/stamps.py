"""A header's date-and-time stamp rewritten before either engine reads it, when an export's
first lines ask for it.

The stamp menders (`digits`: a script's own digits and am/pm; `calendars`: another calendar,
or the time first) differ only in how they rewrite a stamp. What they share is here: where a
line's stamp stands, what a rewritten stamp must be (else the line is left as written: a body
line that merely opens with a number), and the test that most header-like lines of the first
lines are stamps to rewrite (most, not one: a line stamped otherwise than the export's
headers is text pasted into a message).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from etl.sources.whatsapp.headers import MARKS
from etl.sources.whatsapp.sniffed import mended_when

# `MARKS` in UTF-8, for the tests that read the first lines as bytes.
MARK_BYTES = rb"(?:\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf|\xd8\x9c)"
# A digit of a script that counts in its own, in UTF-8: Arabic-Indic, Extended Arabic-Indic,
# then Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
# Sinhala (U+0966…U+0DEF, every other 128), Thai.
NATIVE_DIGIT_BYTES = (
    rb"(?:\xd9[\xa0-\xa9]|\xdb[\xb0-\xb9]"
    rb"|\xe0[\xa5\xa7\xa9\xab\xad\xaf\xb1\xb3\xb5\xb7][\xa6-\xaf]|\xe0\xb9[\x90-\x99])"
)
# A line opening as a header might (marks, a bracket, then a digit of any script above).
_HEADER_LIKE = re.compile(
    b"^" + MARK_BYTES + rb"*\[?" + MARK_BYTES + rb"*(?:[0-9]|" + NATIVE_DIGIT_BYTES + b")",
    re.MULTILINE,
)
# A line's stamp: after marks and an optional bracket, up to the bracket's end or " - ".
_STAMP = re.compile(
    rf"^(?P<lead>[{MARKS}]*\[?)(?P<stamp>[^\]\n]{{6,60}}?)(?P<end>\]|\s[-–]\s)",
    re.MULTILINE,
)
# What a rewritten stamp must be: a date and a time, seconds and am/pm optional.
_WHOLE_STAMP = re.compile(
    r"[0-9]{1,4}[./-] ?[0-9]{1,4}[./-] ?[0-9]{1,4}\.?(?:, ?|[ \u00a0\u202f])"
    r"[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?(?:[ \u00a0\u202f]?[AP]M)?"
)


def stamps_rewritten(block: bytes, rewrite: Callable[[str], str]) -> bytes:
    """`block` with each line's stamp as `rewrite` gives it, where that differs from the
    stamp as written and is a whole date and time; every other line as written."""

    def replaced(match: re.Match[str]) -> str:
        written = match["stamp"]
        stamp = rewrite(written)
        if stamp == written or not _WHOLE_STAMP.fullmatch(stamp):
            return match[0]
        return f"{match['lead']}{stamp}{match['end']}"

    text = block.decode("utf-8", errors="surrogateescape")
    return _STAMP.sub(replaced, text).encode("utf-8", errors="surrogateescape")


def stamp_mended_blocks(
    blocks: Iterator[bytes], odd: re.Pattern[bytes], rewrite: Callable[[str], str]
) -> Iterator[bytes]:
    """The blocks of an export, with `stamps_rewritten` by `rewrite` when most header-like
    lines of its first lines open with a stamp `odd` (a MULTILINE pattern on the bytes)
    finds (`sniffed.mended_when`)."""

    def wanted(head: bytes) -> bool:
        found = len(odd.findall(head))
        return found > 0 and 2 * found > len(_HEADER_LIKE.findall(head))

    return mended_when(blocks, wanted, lambda block: stamps_rewritten(block, rewrite))
