"""Hindi and English strings, and numbers written the way each reader expects."""

from __future__ import annotations

from sampark.i18n.strings import STRINGS

LANGUAGES = ("en", "hi")


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (English when a Hindi string is missing), filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def indian_grouping(n: int) -> str:
    """Digits grouped in lakhs and crores: 2,45,000.

    >>> indian_grouping(245000), indian_grouping(12345678), indian_grouping(-999)
    ('2,45,000', '1,23,45,678', '-999')
    """
    sign, digits = ("-", str(-n)) if n < 0 else ("", str(n))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return sign + ",".join([head, *pairs, tail])


def number(n: int | None, lang: str) -> str:
    """An integer for display: Indian grouping in Hindi, thousands grouping in English."""
    if n is None:
        return "—"
    return indian_grouping(int(n)) if lang == "hi" else f"{int(n):,}"


def percent(x: float | None, lang: str) -> str:
    """A share as a percentage with one decimal; a dash when there is nothing to divide."""
    del lang  # the same digits read well in both
    return "—" if x is None else f"{100 * x:.1f}%"


def signed(x: float, places: int = 1) -> str:
    """A difference with its sign, to `places` decimals; one that rounds to nothing reads
    "0.0", never "-0.0" (Streamlit would draw a red arrow down for it).

    >>> signed(1.94), signed(-0.04), signed(-0.26), signed(0.0)
    ('+1.9', '0.0', '-0.3', '0.0')
    """
    text = f"{x:+.{places}f}"
    return text[1:] if float(text) == 0 else text
