"""Headers written in a script's own digits, read as the ASCII headers every other step knows.

A phone whose language counts in its own digits stamps its export with them: an Arabic iPhone
writes `[١٨‏/٣‏/٢٠٢٢، ٢:٥٦:٠٠ م] Name: text` (Arabic-Indic digits, a right-to-left mark after
the day and the month, the Arabic comma, م for pm); Marathi, Bengali, Nepali or Urdu phones
may do the same with Devanagari, Bengali or Extended Arabic-Indic digits and their own am/pm.
Before either engine sees a block, each line that opens with such a stamp has the stamp
rewritten — digits to ASCII, the marks inside it dropped, the comma and am/pm words to their
English form — when, so rewritten, it is a whole date and time; the rest of the line is left as
written. An export whose first lines hold no such stamp passes unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from etl.sources.whatsapp.headers import MARKS
from etl.sources.whatsapp.stamps import (
    MARK_BYTES,
    NATIVE_DIGIT_BYTES,
    stamp_mended_blocks,
    stamps_rewritten,
)

# A line (after marks and a bracket) that opens with a stamp to rewrite, in UTF-8: a native
# digit (`stamps.NATIVE_DIGIT_BYTES`); ASCII digits among marks or before the Arabic comma
# (an Arabic iPhone with Western digits: `[‏18‏/3‏/2022، 14:56:01]`); or an ASCII date whose
# am/pm is a word of an Indic or Arabic script, after the time (Punjabi, Kannada) or before it
# (Tamil: `12/3/24, பிற்பகல் 9:05`) or a day period (`9:15 in the morning`).
_SCRIPT_WORD = rb"(?:\xe0|\xd8|\xd9|\xdb)"  # the first byte of an Indic or Arabic letter
_SPACE = rb"(?: |\xc2\xa0|\xe2\x80\xaf)"
_TIME = rb"[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?"
# CLDR's flexible day periods, which some phones write instead of am/pm ("9:15 in the
# morning", "3:07 in the afternoon"; Spanish "de la tarde"); "at night" is am or pm by the
# hour (see `_night`).
_DAY_PERIODS = {
    "in the morning": "AM",
    "in the afternoon": "PM",
    "in the evening": "PM",
    "at night": "NIGHT",
    "noon": "PM",
    "midnight": "AM",
    "de la mañana": "AM",
    "de la madrugada": "AM",
    "de la tarde": "PM",
    "de la noche": "NIGHT",
    "del mediodía": "PM",
}
_DAY_PERIOD = b"(?:" + b"|".join(re.escape(word.encode()) for word in _DAY_PERIODS) + b")"
_ODD_START = (
    MARK_BYTES + rb"*\[?(?:" + MARK_BYTES + rb"+[0-9]|" + NATIVE_DIGIT_BYTES
    + rb"|[0-9]{1,4}(?:" + MARK_BYTES + rb"|[./-][0-9]{1,4}[./-][0-9]{1,4}(?:\xd8\x8c"
    + rb"|,?" + _SPACE + rb"?" + _TIME + _SPACE + rb"?" + _SCRIPT_WORD
    + rb"|,?" + _SPACE + rb"?" + _SCRIPT_WORD + rb"[^\n]{0,40}?" + _SPACE + _TIME
    + rb"|,?" + _SPACE + rb"?" + _TIME + _SPACE + _DAY_PERIOD + rb")))"
)  # fmt: skip
_ODD = re.compile(b"^" + _ODD_START, re.MULTILINE)
# Digit blocks whose characters are translated (the scripts of `NATIVE_DIGIT_BYTES`).
_DIGIT_ZEROS = (0x0660, 0x06F0, *range(0x0966, 0x0DE7, 0x80), 0x0E50)

# Am/pm as the phones' languages write them (CLDR's day periods), longest first.
_MERIDIEM = {
    "ص": "AM",
    "م": "PM",
    "قبل دوپہر": "AM",
    "بعد دوپہر": "PM",
    "पूर्वाह्न": "AM",
    "अपराह्न": "PM",
    "म.पू.": "AM",
    "म.उ.": "PM",
    "ਪੂ.ਦੁ.": "AM",
    "ਬਾ.ਦੁ.": "PM",
    "முற்பகல்": "AM",
    "பிற்பகல்": "PM",
    "ಪೂರ್ವಾಹ್ನ": "AM",
    "ಅಪರಾಹ್ನ": "PM",
    "ก่อนเที่ยง": "AM",
    "หลังเที่ยง": "PM",
    **_DAY_PERIODS,
}
_MERIDIEM_WORDS = re.compile("|".join(map(re.escape, sorted(_MERIDIEM, key=len, reverse=True))))

# A stamp with nothing to rewrite: ASCII with the spaces phones write.
_PLAIN = re.compile(r"[\x20-\x7e\u00a0\u202f]*")
# Am/pm written before the time (Tamil), moved after it where every other step expects it.
_AM_PM_FIRST = re.compile(
    r"(?P<date>.*?(?:, ?|[ \u00a0\u202f]))(?P<ap>[AP]M)[ \u00a0\u202f](?P<time>[0-9:.]+)"
)
_NIGHT = re.compile(r"(?P<hour>[0-9]{1,2})[:.][0-9]{2}(?:[:.][0-9]{2})?[ \u00a0\u202f]?NIGHT")


@lru_cache(maxsize=1)
def _to_ascii() -> dict[int, str | None]:
    """Each native digit to its ASCII digit, each mark a header may carry (`MARKS`) to nothing,
    the Arabic comma to ','."""
    table: dict[int, str | None] = {zero + n: str(n) for zero in _DIGIT_ZEROS for n in range(10)}
    table.update({ord(mark): None for mark in MARKS})
    table[ord("،")] = ","
    return table


def _night(stamp: str) -> str:
    """ "At night" as pm from 6 to 11 and am from 12 to 5 (CLDR's English night runs 21:00 to
    06:00: "10:30 at night" is 22:30, "12:30 at night" is 00:30)."""
    found = _NIGHT.search(stamp)
    if found is None:
        return stamp
    hour = int(found["hour"])
    return stamp.replace("NIGHT", "PM" if 6 <= hour <= 11 else "AM")


def _ascii_stamp(written: str) -> str:
    """The stamp in ASCII (`stamps` keeps it as written unless that is a whole date and
    time); as written when it is ASCII already."""
    if _PLAIN.fullmatch(written) and not _MERIDIEM_WORDS.search(written):
        return written
    stamp = written.translate(_to_ascii())
    stamp = _night(_MERIDIEM_WORDS.sub(lambda m: _MERIDIEM[m[0]], stamp))
    return _AM_PM_FIRST.sub(r"\g<date>\g<time> \g<ap>", stamp)


def ascii_stamps(block: bytes) -> bytes:
    """`block` with every header stamp in native digits or among marks in ASCII."""
    return stamps_rewritten(block, _ascii_stamp)


def ascii_stamp_blocks(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """The blocks of an export, with `ascii_stamps` applied when most stamps of its first
    lines are such (`stamps.stamp_mended_blocks`)."""
    return stamp_mended_blocks(blocks, _ODD, _ascii_stamp)
