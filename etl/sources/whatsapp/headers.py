"""Which lines of a WhatsApp export start an entry, and when each entry was written.

A header's *shape* (brackets, separators, year position, seconds, am/pm, what follows the
time) is what must be identical in all headers of one export; a line of another shape inside a
body is pasted text, not an entry. The file's shape is the most common one. The general
pattern (`HEADER`) tells shapes apart; once the shape is known, one pattern pinned to it reads
every line, which is several times cheaper, and the numbers become a timestamp by integer
arithmetic rather than by parsing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import polars as pl

# Invisible characters a header may carry before its date, outside or just inside the iPhone
# bracket: the left-to-right mark an iPhone writes before many lines, the other Unicode
# bidirectional controls (U+061C, U+200F, U+202A-U+202E, U+2066-U+2069) that an editor or text
# copied from a right-to-left script leaves, and the byte-order mark (U+FEFF) of a second
# export pasted below the first, or written inside the bracket. Without a date and time after
# them, a line starting with these is still continuation text. The compiled core skips the
# same set (`skip_marks` in native/scan.c).
MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_MARKS_CLASS = r"[\x{061C}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FEFF}]"
_SPACE = r"[ \x{00A0}\x{202F}]"
_AM_PM = rf"(?:{_SPACE}?(?P<ap>[aApP]\.?{_SPACE}?[mM]\.?))?"
_POST = r"(?P<post>\]\s?|\s[-–]\s|:\s|\s)"

HEADER = (
    rf"^{_MARKS_CLASS}*(?P<ob>\[?){_MARKS_CLASS}*"
    r"(?P<d1>\d{1,4})(?P<ds>[./\-])\s?(?P<d2>\d{1,4})[./\-]\s?(?P<d3>\d{1,4})\.?"
    r"(?P<dt>,\s|,|\s+klo\s+|\s)"
    r"(?P<hh>\d{1,2})(?P<tsep>[:.])(?P<mi>\d{2})(?:[:.](?P<ss>\d{2}))?"
    rf"{_AM_PM}{_POST}"
    r"(?P<rest>.*)$"
)
# The same header anywhere in a line: text such as "Ramesh: 12/03/23, 10:00 am - Fake: x".
EMBEDDED = HEADER.replace("^", "", 1).replace("(?P<rest>.*)$", "")
_HEAD = "^(?P<head>" + EMBEDDED + ")"

# No header among the first lines → not a WhatsApp export (or a format we do not know).
SNIFF_LINES = 100

# Field widths per year position: a 4-digit first field is the year ("y.."), else a 4-digit
# second field ("..y" covers everything else), exactly as `_shape` tells them apart.
_DIGITS = {
    "y..": (r"\d{4}", r"\d{1,4}", r"\d{1,4}"),
    ".y.": (r"\d{1,3}", r"\d{4}", r"\d{1,4}"),
    "..y": (r"\d{1,3}", r"\d{1,3}", r"\d{1,4}"),
}
_DATE_TIME = {", ": r",\s", ",": ",", " klo ": r"\s+klo\s+", " ": r"\s"}


class UnknownExportFormat(ValueError):
    """No line in the first `SNIFF_LINES` lines looks like a WhatsApp message header."""


def _shape() -> pl.Expr:
    """What must be identical in all headers of one export (the numbers may differ)."""
    year_at = (
        pl.when(pl.col("d1").str.len_chars() == 4)
        .then(pl.lit("y.."))
        .when(pl.col("d2").str.len_chars() == 4)
        .then(pl.lit(".y."))
        .otherwise(pl.lit("..y"))
    )
    return pl.concat_str(
        pl.col("ob"),
        pl.col("ds"),
        year_at,
        pl.col("dt").str.replace_all(r"\s+", " "),
        pl.col("tsep"),
        pl.col("ss").is_not_null().cast(pl.String),
        pl.col("ap").is_not_null().cast(pl.String),
        pl.col("post").str.replace_all(r"\s", " ").str.replace("–", "-", literal=True),
        separator="|",
    )


def _paired() -> pl.Expr:
    return (pl.col("ob") == "[").eq(pl.col("post").str.starts_with("]"))


def line_shapes(raw: pl.Series) -> pl.Series:
    """Each line's header shape (general pattern), null where the line is no header."""
    parts = raw.to_frame("raw").select(pl.col("raw").str.extract_groups(_HEAD).alias("h"))
    return parts.unnest("h").select(
        pl.when(pl.col("d1").is_not_null() & _paired()).then(_shape()).alias("shape")
    )["shape"]


def shape_counts(raw: pl.Series) -> pl.DataFrame:
    """How many lines have each header shape (general pattern): shape, n."""
    return line_shapes(raw).drop_nulls().value_counts(name="n")


def most_common_shape(counts: pl.DataFrame) -> str | None:
    """The shape with most lines, ties broken by the smaller shape text; None if none."""
    counts = counts.group_by("shape").agg(pl.col("n").sum())
    if counts.height == 0:
        return None
    return str(counts.sort(["n", "shape"], descending=[True, False]).item(0, "shape"))


@dataclass(frozen=True)
class Shape:
    """One export's header shape and the pattern that reads exactly its headers."""

    text: str

    @property
    def _parts(self) -> list[str]:
        return self.text.split("|")

    @property
    def year_first(self) -> bool:
        return self._parts[2] == "y.."

    @property
    def layout(self) -> str:
        return "ios" if self.text.startswith("[") else "android"

    def pattern(self, *, anchored: bool = True) -> str:
        """The general pattern with the parts a shape fixes written out.

        Fixing brackets, separators, field widths and seconds changes no match: at each of
        those points the text alone decides which branch the general pattern takes. Am/pm and
        what follows the time are left as in the general pattern (an optional am/pm can be
        taken or skipped) and checked afterwards by `is_shape`.
        """
        ob, ds, year_at, dt, tsep, seconds, _, _ = self._parts
        d1, d2, d3 = _DIGITS[year_at]
        return (
            ("^" if anchored else "")
            + rf"(?P<head>{_MARKS_CLASS}*"
            + (rf"\[{_MARKS_CLASS}*" if ob else "")
            + rf"(?P<d1>{d1}){re.escape(ds)}\s?(?P<d2>{d2})[./\-]\s?(?P<d3>{d3})\.?"
            + _DATE_TIME[dt]
            + rf"(?P<hh>\d{{1,2}}){re.escape(tsep)}(?P<mi>\d{{2}})"
            + (r"[:.](?P<ss>\d{2})" if seconds == "true" else "")
            + f"{_AM_PM}{_POST})"
        )

    def is_shape(self) -> pl.Expr:
        """After `pattern()`: the am/pm and the text after the time are this shape's."""
        has_ap, post = self._parts[6] == "true", self._parts[7]
        p = pl.col("post")
        same_post = {
            "]": p == "]",
            "] ": p.str.starts_with("]") & (p.str.len_chars() == 2),
            " - ": p.str.len_chars() == 3,
            ": ": p.str.starts_with(":"),
            " ": (p.str.len_chars() == 1) & (p != "]"),
        }[post]
        return (pl.col("ap").is_not_null() == has_ap) & same_post

    def fields(self, raw: pl.Expr) -> list[pl.Expr]:
        """`is_shape`, the date and time numbers, and `rest` (the text after the header)."""
        year_first, year_middle = self._parts[2] == "y..", self._parts[2] == ".y."
        y = "d1" if year_first else "d2" if year_middle else "d3"
        is_shape = (pl.col("head").is_not_null() & self.is_shape()).fill_null(False)

        def number(name: str) -> pl.Expr:
            return pl.when(is_shape).then(pl.col(name).cast(pl.Int64, strict=False))

        year = number(y)
        year = pl.when(pl.col(y).str.len_chars() <= 2).then(year + 2000).otherwise(year)
        hour = number("hh")
        # am/pm starts with its letter (see `_AM_PM`); comparing prefixes is cheaper than
        # cutting and lower-casing it.
        ap = pl.col("ap")
        hour = (
            pl.when(ap.str.starts_with("p") | ap.str.starts_with("P"))
            .then(hour % 12 + 12)
            .when(ap.is_not_null())
            .then(hour % 12)
            .otherwise(hour)
        )
        return [
            is_shape.alias("is_shape"),
            year.alias("year"),
            number("d2" if year_first else "d1").alias("a"),
            number("d3" if year_first or year_middle else "d2").alias("b"),
            hour.alias("hour"),
            number("mi").alias("mi"),
            (
                pl.when(is_shape).then(pl.col("ss").fill_null("0").cast(pl.Int64, strict=False))
                if self._parts[5] == "true"
                else pl.when(is_shape).then(pl.lit(0, pl.Int64))
            ).alias("ss"),
            # Cut by bytes: slicing by characters counts them from the start of every line.
            pl.when(is_shape)
            .then(raw.cast(pl.Binary).bin.slice(pl.col("head").str.len_bytes()).cast(pl.String))
            .alias("rest"),
        ]


def timestamp(*, day_first: bool) -> pl.Expr:
    """Microsecond datetime from year/a/b/hour/mi/ss, null where the date is impossible.

    Same results as formatting "%Y-%m-%d %H:%M:%S" and parsing it leniently: second 60 runs
    into the next minute, any other out-of-range field gives null.
    """
    y, hour, mi, ss = pl.col("year"), pl.col("hour"), pl.col("mi"), pl.col("ss")
    day, month = (pl.col("a"), pl.col("b")) if day_first else (pl.col("b"), pl.col("a"))
    leap = ((y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))).cast(pl.Int64)
    month_days = (
        pl.when(month == 2).then(28 + leap).when(month.is_in([4, 6, 9, 11])).then(30).otherwise(31)
    )
    valid = (
        month.is_between(1, 12)
        & day.is_between(1, month_days)
        & (hour <= 23)
        & (mi <= 59)
        & (ss <= 60)
        & y.is_between(0, 9999)
    )
    # Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    yy = y - (month <= 2).cast(pl.Int64)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (month + pl.when(month > 2).then(-3).otherwise(9)) + 2) // 5 + day - 1
    days = era * 146_097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719_468
    seconds = days * 86_400 + hour * 3_600 + mi * 60 + ss
    return pl.when(valid).then(seconds * 1_000_000).cast(pl.Datetime("us"))


@dataclass(frozen=True)
class BlockDates:
    """What one block's same-shape headers say about day/month order (both orders tried)."""

    first_big: bool
    second_big: bool
    steps_back: tuple[int, int]  # entries going back in time, day-first / month-first
    first: tuple[datetime | None, datetime | None]
    last: tuple[datetime | None, datetime | None]


def block_dates(
    headers: pl.DataFrame, *, whole_file: bool, day_first: bool | None, count_back: bool = True
) -> BlockDates:
    """`headers`: the block's is_shape rows in line order, with the number columns.

    Steps back in time are only counted when they can matter: not when `day_first` is set,
    nor when this block is the whole file and a day > 12 already decides, nor when the
    caller says not to (`count_back`).
    """
    big = headers.select((pl.col("a") > 12).any(), (pl.col("b") > 12).any()).row(0)
    first_big, second_big = bool(big[0]), bool(big[1])
    if day_first is not None or not count_back or (whole_file and first_big != second_big):
        return BlockDates(first_big, second_big, (0, 0), (None, None), (None, None))
    stamps = [pl.col("t0"), pl.col("t1")]
    row = (
        headers.with_columns(
            timestamp(day_first=True).alias("t0"), timestamp(day_first=False).alias("t1")
        )
        .select(
            *[(t < t.shift(1)).sum().alias(f"back{i}") for i, t in enumerate(stamps)],
            *[t.first().alias(f"first{i}") for i, t in enumerate(stamps)],
            *[t.last().alias(f"last{i}") for i, t in enumerate(stamps)],
        )
        .row(0, named=True)
    )
    return BlockDates(
        first_big,
        second_big,
        (row["back0"], row["back1"]),
        (row["first0"], row["first1"]),
        (row["last0"], row["last1"]),
    )


@dataclass
class DateEvidence:
    """What the same-shape headers seen so far say about day/month order."""

    first_big: bool = False
    second_big: bool = False
    steps_back: tuple[int, int] = (0, 0)  # entries going back in time, day-first / month-first
    last: tuple[datetime | None, datetime | None] = (None, None)
    seen: bool = False

    def add(self, block: BlockDates | None) -> None:
        """Count the next block (None: it had no header of the shape)."""
        if block is None:
            return
        self.first_big |= block.first_big
        self.second_big |= block.second_big
        back = list(self.steps_back)
        for i in (0, 1):
            before, first = self.last[i], block.first[i]
            # The pair across the block boundary counts too (a null on either side: not).
            crossed = self.seen and before is not None and first is not None and first < before
            back[i] += block.steps_back[i] + int(crossed)
        self.steps_back = (back[0], back[1])
        self.last = block.last
        self.seen = True

    def order(self, day_first: bool | None, *, year_first: bool) -> tuple[bool, str]:
        """(day_first, evidence) for one file.

        A first field > 12 means day-first, a second field > 12 month-first ("day>12").
        Otherwise an explicit `day_first` wins ("setting"); otherwise the order under which
        fewer entries go back in time ("chronology"); otherwise day-first, as Indian phones
        write, or ISO order for year-first dates ("default").
        """
        if self.first_big != self.second_big:
            return self.first_big, "day>12"
        if day_first is not None:
            return day_first, "setting"
        if self.steps_back[0] != self.steps_back[1]:
            return self.steps_back[0] < self.steps_back[1], "chronology"
        return not year_first, "default"
