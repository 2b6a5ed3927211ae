"""Indian phone numbers: normalise to +91 E.164, and mask for display."""

from __future__ import annotations

import re

import phonenumbers
import polars as pl

# Ten-digit Indian mobiles, optionally prefixed by 0, 91 or 091 once punctuation is gone: the
# shape of nearly every number in an office's sheet, handled without a per-value Python call.
_MOBILE = r"^(?:0|91|091|0091)?([6-9]\d{9})$"


def normalise_phone(raw: str | None) -> str | None:
    """`+91XXXXXXXXXX` for a valid Indian number written any usual way, else None.

    >>> normalise_phone("098765-43210")
    '+919876543210'
    >>> normalise_phone("12345") is None
    True
    """
    if raw is None or not str(raw).strip():
        return None
    text = str(raw).strip()
    if text.endswith(".0"):  # a number that passed through a spreadsheet as a float
        text = text[:-2]
    try:
        number = phonenumbers.parse(text, "IN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 91 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_phones(values: pl.Series) -> pl.Series:
    """Vectorised `normalise_phone`: the common shapes by regex, the rest by phonenumbers."""
    text = values.cast(pl.String).str.strip_chars().str.replace(r"\.0$", "")
    digits = text.str.replace_all(r"\D", "")
    fast = ("+91" + digits.str.extract(_MOBILE, 1)).alias("fast")
    frame = pl.DataFrame({"text": text, "fast": fast})
    # Only text with a phone's worth of digits can be one: names skip the per-value parse.
    slow_inputs = frame.filter(
        pl.col("fast").is_null() & (pl.col("text").str.count_matches(r"\d") >= 8)
    )
    unique = slow_inputs.get_column("text").unique().to_list()
    lookup = pl.DataFrame(
        {"text": unique, "slow": [normalise_phone(v) for v in unique]},
        schema={"text": pl.String, "slow": pl.String},
    )
    joined = frame.join(lookup, on="text", how="left", maintain_order="left")
    return joined.select(pl.coalesce("fast", "slow")).to_series().alias(values.name)


def mask_phone(phone: str | None) -> str:
    """`+91 98•••••210`: enough to tell two numbers apart, not enough to call.

    >>> mask_phone("+919876543210")
    '+91 98•••••210'
    """
    if not phone:
        return ""
    if phone.startswith("+91") and len(phone) == 13:
        return f"+91 {phone[3:5]}•••••{phone[-3:]}"
    return "•" * max(len(phone) - 3, 0) + phone[-3:]


# A number as people type one into a cell: digits with single spaces or dashes between them,
# perhaps a '+' in front. Eight digits or more is a phone, or enough of one to find its owner.
# A run that ends at ':' gives back its last digits, so "08-01-2026 10:15" yields the date
# alone, which is then left as it is; a run inside a longer one is never taken.
_NUMBER_IN_TEXT = re.compile(r"(?<![\d+])\+?\d(?:[ \-]?\d){7,}(?![\d:])")
_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2}")


def _masked_number(found: re.Match[str]) -> str:
    text = found.group(0)
    if _DATE.fullmatch(text):
        return text
    phone = normalise_phone(text)
    return mask_phone(phone if phone else re.sub(r"\D", "", text))


def mask_phones_in_text(text: str) -> str:
    """`text` (a reject's reason or cells) with every phone number in it masked, written as it
    was typed or not; dates, times and ids stay readable.

    >>> mask_phones_in_text("G9 | Ram | 98765 43210 | trader")
    'G9 | Ram | +91 98•••••210 | trader'
    >>> mask_phones_in_text("mobile '98765 4321' is not valid; received 08-01-2026 10:15")
    "mobile '••••••321' is not valid; received 08-01-2026 10:15"
    """
    return _NUMBER_IN_TEXT.sub(_masked_number, text)


def mask_phones_in_texts(values: pl.Series) -> pl.Series:
    """Vectorised `mask_phones_in_text`: only distinct texts with eight digits or more are
    looked at one by one."""
    text = values.cast(pl.String)
    candidates = text.filter(text.str.count_matches(r"\d") >= 8).unique().to_list()
    lookup = pl.DataFrame(
        {"text": candidates, "masked": [mask_phones_in_text(v) for v in candidates]},
        schema={"text": pl.String, "masked": pl.String},
    )
    joined = pl.DataFrame({"text": text}).join(lookup, on="text", how="left", maintain_order="left")
    return joined.select(pl.coalesce("masked", "text")).to_series().alias(values.name)
