"""Times written in registers and alerts: dd-mm-yyyy hh:mm, ISO, or Excel serials — all IST.

Every time is stored as a naive datetime in Indian Standard Time (UTC+05:30, no daylight
saving): that is how offices write them, how the dashboard shows them, and the database columns
carry no zone. An ISO time with an explicit offset (`…+05:30`, `…Z`) is converted to IST first.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import polars as pl

IST = timedelta(hours=5, minutes=30)

_EXCEL_EPOCH = datetime(1899, 12, 30)

_NAIVE_FORMATS = (
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
)


def ist_now() -> datetime:
    """The current time in IST, naive (the form every stored time takes)."""
    return datetime.now(UTC).replace(tzinfo=None) + IST


def parsed_stamp(column: str) -> pl.Expr:
    """A naive IST datetime from dd-mm-yyyy hh:mm, ISO (with or without offset) or an Excel
    serial such as 46085.4375; null when the cell holds none of these.

    >>> pl.DataFrame({"t": ["08-01-2026 10:15", "2026-01-08T04:45:00Z", "46030.4270833"]}).select(
    ...     parsed_stamp("t").dt.strftime("%d-%m %H:%M")).to_series().to_list()
    ['08-01 10:15', '08-01 10:15', '08-01 10:15']
    """
    text = pl.col(column).str.strip_chars().str.replace_all(r"\s+", " ")
    candidates = [text.str.to_datetime(fmt, strict=False, time_unit="us") for fmt in _NAIVE_FORMATS]
    zoned = text.str.replace(r"Z$", "+00:00").str.replace(r"([+-]\d\d):(\d\d)$", "$1$2")
    candidates.append(
        zoned.str.to_datetime("%Y-%m-%dT%H:%M:%S%z", strict=False, time_unit="us")
        .dt.convert_time_zone("UTC")
        .dt.replace_time_zone(None)
        + IST
    )
    serial = text.str.extract(r"^(\d{5}(?:\.\d+)?)$", 1).cast(pl.Float64, strict=False)
    # Excel keeps times as fractions of a day; rounding to the second undoes float noise.
    seconds = (serial * 86400).round(0).cast(pl.Int64, strict=False)
    candidates.append(
        pl.when(serial.is_between(20000, 80000))
        .then(pl.lit(_EXCEL_EPOCH, dtype=pl.Datetime("us")) + pl.duration(seconds=seconds))
        .otherwise(None)
    )
    return pl.coalesce(candidates)


def entry_keys(frame: pl.DataFrame, fields: list[str]) -> pl.Series:
    """sha256 (hex) of each row's identifying fields joined by a separator.

    A cryptographic digest is the stored contract (stable across versions and databases);
    polars has no sha256 expression, so this is the one step that runs per row in Python."""
    joined = frame.select(
        pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in fields], separator="\x1f")
    ).to_series()
    return pl.Series(
        "entry_key",
        [hashlib.sha256(v.encode("utf-8")).hexdigest() for v in joined.to_list()],
        dtype=pl.String,
    )
