"""Stamps of a phone set to another calendar, or to the time before the date, read as the
Gregorian date-then-time stamps every other step knows.

An iPhone stamps its export in the calendar its settings name: the Buddhist calendar counts
543 years ahead and marks its era (`[3/18/2565 BE, 14:56:01]`), the Japanese one counts years
of the emperor's era (`[3/18/R4, 14:56:01]`: Reiwa 4, 2022); a phone set to Vietnamese writes
the time first (`[14:56:01, 3/18/22]`). Before either engine sees a block, each line that
opens with such a stamp has its year made Gregorian and its date put first; the order of day
and month, and the rest of the line, are left as written. An export whose first lines hold no
such stamp passes unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from etl.sources.whatsapp.stamps import stamp_mended_blocks, stamps_rewritten

# The first year of each Japanese era, by the letter an iPhone writes (Meiji, Taishō, Shōwa,
# Heisei, Reiwa): year n of an era is its first year + n - 1.
_ERA_STARTS = {"M": 1868, "T": 1912, "S": 1926, "H": 1989, "R": 2019}
_BUDDHIST_OFFSET = 543

_SEP = r"[./-] ?"
_DATE = rf"[0-9]{{1,4}}{_SEP}[0-9]{{1,4}}{_SEP}[0-9]{{1,4}}\.?"
_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ \u00a0\u202f]?[AP]M)?"
# A year of the Buddhist era (CLDR's English abbreviation "BE", Thai "พ.ศ."), of a Japanese
# era, and a stamp whose time comes before its date.
_BUDDHIST_YEAR = re.compile(r"(?P<year>2[4-9][0-9]{2})[ \u00a0](?:BE|พ\.ศ\.)")
_ERA_YEAR = re.compile(r"(?<![0-9A-Za-z])(?P<era>[MTSHR])(?P<year>[0-9]{1,2})(?![0-9])")
_TIME_FIRST = re.compile(rf"^(?P<time>{_TIME}),? (?P<date>{_DATE})$")
# Read on the raw bytes of the first lines: a line opening (after marks and a bracket) with a
# stamp of either calendar or with the time first.
_ODD = re.compile(
    rb"^(?:\xe2\x80[\x8e\x8f]|\xef\xbb\xbf)*\[?(?:"
    rb"[0-9]{1,4}[./-] ?[0-9]{1,4}[./-] ?"
    rb"(?:[MTSHR][0-9]{1,2}|2[4-9][0-9]{2}(?: |\xc2\xa0)(?:BE|\xe0\xb8\x9e))"
    rb"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AP]M)?,? [0-9]{1,4}[./-])",
    re.MULTILINE,
)  # fmt: skip


def _gregorian_year(stamp: str) -> str:
    """`stamp` with a Buddhist or a Japanese era's year as the Gregorian year."""
    stamp = _BUDDHIST_YEAR.sub(lambda m: str(int(m["year"]) - _BUDDHIST_OFFSET), stamp)
    return _ERA_YEAR.sub(lambda m: str(_ERA_STARTS[m["era"]] + int(m["year"]) - 1), stamp)


def _gregorian_stamp(written: str) -> str:
    """The stamp Gregorian and date first (`stamps` keeps it as written unless that is a
    whole date and time: a body line that merely opens with a time)."""
    return _TIME_FIRST.sub(r"\g<date>, \g<time>", _gregorian_year(written))


def gregorian_stamps(block: bytes) -> bytes:
    """`block` with every header stamp of another calendar, or time first, rewritten."""
    return stamps_rewritten(block, _gregorian_stamp)


def gregorian_stamp_blocks(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """The blocks of an export, with `gregorian_stamps` applied when most stamps of its first
    lines need it (`stamps.stamp_mended_blocks`; "10:30, 5/6 pe milte hain" typed at a line's
    start stays text)."""
    return stamp_mended_blocks(blocks, _ODD, _gregorian_stamp)
