"""What normalising does to each character, from Python's Unicode database.

One definition serves both paths: the pure-Python normaliser (`normalise.py`) asks
`char_kind` and `folded` per character, and the compiled path reads the same answers from
`native/unicode_tables.h`, which `c_header()` writes (a test checks the committed header is
this module's output, so a Python with a newer Unicode database shows up as a failing test).

Kinds, applied per grapheme cluster (a base character and the marks that follow it):
- KEEP: letters and numbers (categories L*, N*) start a cluster that is kept;
- MARK: combining marks (Mn, Mc: Devanagari matras, virama, nukta, anusvara) belong to the
  cluster before them: kept after a kept base, removed after a removed one, so a matra is never
  cut from its consonant nor left dangling after a removed emoji or space;
- EXTEND: removed, without ending the cluster: variation selectors, enclosing marks (the keycap
  in 1️⃣), ZWJ/ZWNJ (inside emoji sequences and Devanagari half forms alike), emoji skin tones,
  tag characters;
- DROP: everything else starts a cluster that is removed: punctuation (the danda too),
  symbols and emoji, spaces, controls, unassigned code points.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

FOLDER_HEADER = Path(__file__).resolve().parent / "native" / "unicode_tables.h"
"""The committed header (`python -m sampark.fingerprints.chars > …` writes it)."""

KEEP, MARK, EXTEND, DROP = 0, 1, 2, 3
# Flags beside the kind, in the same table byte.
NFC_QC_NOT_YES = 4
"""NFC's quick check is not "yes" for this character: NFC replaces it, or it may compose with
the character before it. A message holding one is put in NFC before normalising."""
HAS_FOLD = 8
"""`folded` maps this character to another one (lower case, or an ASCII digit)."""
HAS_CCC = 16
"""A combining mark with a canonical combining class (virama, nukta, accents): NFC reorders
two of them that stand in the wrong order, so the compiled path checks their order."""

_EXTEND_RANGES = (
    (0xFE00, 0xFE0F),  # variation selectors (emoji presentation)
    (0xE0100, 0xE01EF),  # variation selectors supplement
    (0x200C, 0x200D),  # ZWNJ, ZWJ
    (0x1F3FB, 0x1F3FF),  # emoji skin tones
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
)
_HANGUL_JOINING = ((0x1161, 0x1175), (0x11A8, 0x11C2))  # medial vowels, final consonants


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def char_kind(ch: str) -> int:
    """KEEP, MARK, EXTEND or DROP for one character (see the module's docstring).

    >>> [char_kind(c) for c in "क" "ि" "\u200d" "।" "🙏" "7"]
    [0, 1, 2, 3, 3, 0]
    """
    code = ord(ch)
    if _in(code, _EXTEND_RANGES):
        return EXTEND
    category = unicodedata.category(ch)
    if category[0] in "LN":
        return KEEP
    if category in ("Mn", "Mc"):
        return MARK
    if category == "Me":
        return EXTEND
    return DROP


def folded(ch: str) -> str:
    """The one character `ch` becomes: a decimal digit of any script its ASCII digit, a
    letter its lower case when that is one character (simple case folding), else itself.

    >>> folded("A"), folded("७"), folded("ब"), folded("İ")
    ('a', '7', 'ब', 'İ')
    """
    if unicodedata.category(ch) == "Nd":
        return chr(ord("0") + unicodedata.digit(ch))
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


@lru_cache(maxsize=1)
def _composes_after() -> frozenset[int]:
    """Characters NFC may join to the character before them (the second of a canonical pair
    whose composite NFC keeps), plus Hangul's joining vowels and final consonants."""
    seconds = set()
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [chr(int(part, 16)) for part in decomposition.split()]
        if len(parts) == 2 and unicodedata.normalize("NFC", "".join(parts)) == chr(code):
            seconds.add(ord(parts[1]))
    for low, high in _HANGUL_JOINING:
        seconds.update(range(low, high + 1))
    return frozenset(seconds)


def nfc_quick_check_is_yes(ch: str) -> bool:
    """Unicode's NFC_Quick_Check is "yes": NFC never replaces `ch` nor joins it to the
    character before it (it may still reorder it among marks: see HAS_CCC).

    >>> nfc_quick_check_is_yes("क"), nfc_quick_check_is_yes("\u094d")
    (True, True)
    >>> nfc_quick_check_is_yes("\u093c"), nfc_quick_check_is_yes("\u0958")
    (False, False)
    """
    return unicodedata.is_normalized("NFC", ch) and ord(ch) not in _composes_after()


def table_byte(ch: str) -> int:
    """The kind with the NFC_QC_NOT_YES, HAS_FOLD and HAS_CCC flags, as the compiled path reads
    it."""
    byte = char_kind(ch)
    if not nfc_quick_check_is_yes(ch):
        byte |= NFC_QC_NOT_YES
    if folded(ch) != ch:
        byte |= HAS_FOLD
    if unicodedata.combining(ch):
        byte |= HAS_CCC
    return byte


def c_header() -> str:
    """`native/unicode_tables.h`: the table byte of every code point in two stages (blocks of
    256 code points, identical blocks stored once), the sorted fold pairs and the sorted
    combining classes."""
    blocks: dict[bytes, int] = {}
    stage1: list[int] = []
    folds: list[tuple[int, int]] = []
    classes: list[tuple[int, int]] = []
    for start in range(0, sys.maxunicode + 1, 256):
        row = bytearray(256)
        for offset in range(256):
            code = start + offset
            ch = chr(code)
            if 0xD800 <= code <= 0xDFFF:  # surrogates never occur in valid UTF-8
                row[offset] = DROP
                continue
            row[offset] = table_byte(ch)
            if row[offset] & HAS_FOLD:
                folds.append((code, ord(folded(ch))))
            if row[offset] & HAS_CCC:
                classes.append((code, unicodedata.combining(ch)))
        stage1.append(blocks.setdefault(bytes(row), len(blocks)))
    lines = [
        "/* Written by sampark.fingerprints.chars.c_header() from Python's Unicode database"
        f" {unicodedata.unidata_version}; do not edit. */",
        f'#define FP_UNICODE_VERSION "{unicodedata.unidata_version}"',
        f"static const unsigned short fp_stage1[{len(stage1)}] = {{",
    ]
    lines += _rows([str(index) for index in stage1], 16)
    lines.append("};")
    lines.append(f"static const unsigned char fp_stage2[{len(blocks) * 256}] = {{")
    for block in blocks:
        lines += _rows([str(value) for value in block], 32)
    lines.append("};")
    lines.append(f"#define FP_FOLDS {len(folds)}")
    lines.append(f"static const unsigned int fp_fold_from[{len(folds)}] = {{")
    lines += _rows([str(code) for code, _ in folds], 12)
    lines.append("};")
    lines.append(f"static const unsigned int fp_fold_to[{len(folds)}] = {{")
    lines += _rows([str(code) for _, code in folds], 12)
    lines.append("};")
    lines.append(f"#define FP_CLASSES {len(classes)}")
    lines.append(f"static const unsigned int fp_class_of[{len(classes)}] = {{")
    lines += _rows([str(code) for code, _ in classes], 12)
    lines.append("};")
    lines.append(f"static const unsigned char fp_class[{len(classes)}] = {{")
    lines += _rows([str(value) for _, value in classes], 24)
    lines.append("};")
    return "\n".join(lines) + "\n"


def _rows(values: list[str], width: int) -> list[str]:
    return [
        "    " + ",".join(values[start : start + width]) + ","
        for start in range(0, len(values), width)
    ]


if __name__ == "__main__":
    sys.stdout.write(c_header())
