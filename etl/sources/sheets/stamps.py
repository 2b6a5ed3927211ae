"""Times written in registers and alerts: dd-mm-yyyy hh:mm, ISO, or Excel serials — all IST.

Every time is stored as a naive datetime in Indian Standard Time (UTC+05:30, no daylight
saving): that is how offices write them, how the dashboard shows them, and the database columns
carry no zone. An ISO time with an explicit offset (`…+05:30`, `…Z`) is converted to IST first.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import polars as pl

from sampark.clock import now_ist

IST = timedelta(hours=5, minutes=30)

_EXCEL_EPOCH = datetime(1899, 12, 30)


def ist_now() -> datetime:
    """The current time in IST, naive (the form every stored time takes)."""
    return now_ist()


def parsed_stamp(column: str) -> pl.Expr:
    """A naive IST datetime from dd-mm-yyyy hh:mm, ISO (with or without offset) or an Excel
    serial such as 46085.4375; null when the cell holds none of these.

    >>> pl.DataFrame({"t": ["08-01-2026 10:15", "2026-01-08T04:45:00Z", "46030.4270833"]}).select(
    ...     parsed_stamp("t").dt.strftime("%d-%m %H:%M")).to_series().to_list()
    ['08-01 10:15', '08-01 10:15', '08-01 10:15']
    """
    text = pl.col(column).str.strip_chars().str.replace_all(r"\s+", " ")
    # One shape for all: dd-mm-yyyy (any of - / .) becomes yyyy-mm-dd, "T" a space, the
    # fraction and zone are cut off, and seconds are added; a handful of string passes
    # instead of one parse attempt per accepted format.
    iso = text.str.replace(r"^(\d{2})[-/.](\d{2})[-/.](\d{4})", "$3-$2-$1").str.replace("T", " ")
    zone = iso.str.extract(r"\d(Z|[+-]\d\d:?\d\d)$", 1)
    base = iso.str.replace(r"(\.\d+)?(Z|[+-]\d\d:?\d\d)?$", "")
    base = pl.when(base.str.len_chars() == 16).then(base + ":00").otherwise(base)
    naive = base.str.to_datetime("%Y-%m-%d %H:%M:%S", strict=False, time_unit="us")
    sign = pl.when(zone.str.starts_with("-")).then(-1).otherwise(1)
    digits = zone.str.replace_all(r"[^0-9]", "")
    offset = sign * (
        digits.str.slice(0, 2).cast(pl.Int64, strict=False) * 60
        + digits.str.slice(2, 2).cast(pl.Int64, strict=False)
    )
    offset = pl.when(zone == "Z").then(0).otherwise(offset)
    candidates = [
        pl.when(zone.is_null()).then(naive).otherwise(naive - pl.duration(minutes=offset) + IST)
    ]
    serial = text.str.extract(r"^(\d{5}(?:\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    # Excel keeps times as fractions of a day; rounding to the second undoes float noise.
    seconds = (serial * 86400).round(0).cast(pl.Int64, strict=False)
    candidates.append(
        pl.when(serial.is_between(20000, 80000))
        .then(pl.lit(_EXCEL_EPOCH, dtype=pl.Datetime("us")) + pl.duration(seconds=seconds))
        .otherwise(None)
    )
    return pl.coalesce(candidates)


# The two shapes almost every register cell is written in (ASCII digits only): such a cell is
# read with one format, and only the others take `parsed_stamp`'s passes, about ten regex
# passes a column (the stage times of a state's 2M register rows cost ~20 s CPU that way).
_PLAIN_SHAPES = (
    (r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", "%Y-%m-%d %H:%M"),
    (r"^[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}$", "%d-%m-%Y %H:%M"),
)


def stamps_of(text: pl.Series) -> pl.Series:
    """`parsed_stamp` of a whole column, the same values, the plain shapes read directly.

    >>> cells = pl.Series(["2026-01-08 10:15", "08-01-2026 10:15", " 08/01/2026 10:15 ", None])
    >>> stamps_of(cells).dt.strftime("%d-%m %H:%M").to_list()
    ['08-01 10:15', '08-01 10:15', '08-01 10:15', None]
    """
    t = pl.col("t")
    frame = text.to_frame("t")
    plain = frame.select(
        pl.coalesce(
            pl.when(t.str.contains(shape)).then(
                t.str.to_datetime(form, strict=False, time_unit="us")
            )
            for shape, form in _PLAIN_SHAPES
        )
    ).to_series()
    rest = (plain.is_null() & text.is_not_null()).arg_true()
    if rest.len():
        others = frame[rest].select(parsed_stamp("t")).to_series()
        plain = plain.scatter(rest, others)
    return plain.alias(text.name)


def entry_keys(frame: pl.DataFrame, fields: list[str]) -> pl.Series:
    """sha256 (hex) of each row's identifying fields joined by a separator.

    A cryptographic digest is the stored contract (stable across versions and databases);
    polars has no sha256 expression, so this is the one step that runs per row in Python."""
    joined = frame.select(
        pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in fields], separator="\x1f")
    ).to_series()
    # The UTF-8 bytes straight from polars: no str object to encode per row (half the time).
    sha256 = hashlib.sha256
    return pl.Series(
        "entry_key",
        [sha256(v).hexdigest() for v in joined.cast(pl.Binary).to_list()],
        dtype=pl.String,
    )
