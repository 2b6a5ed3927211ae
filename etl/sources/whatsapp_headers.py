"""Which lines of a WhatsApp export start an entry, and when each entry was written.

Every line goes through one regular expression (polars, no Python loop). The file's dominant
header *shape* (brackets, separators, seconds, am/pm) decides which matches count: a line of
another shape inside a body is pasted text, not an entry. Day/month order is decided per file
from the evidence; a same-shape header whose time jumps far back is taken as forged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import polars as pl

# Directional marks and BOM that phones put before a header or a system text.
MARKS = "\u200e\u200f\ufeff"
_MARKS_CLASS = r"[\x{200E}\x{200F}\x{FEFF}]"
_SPACE = r"[ \x{00A0}\x{202F}]"

HEADER = (
    rf"^{_MARKS_CLASS}*(?P<ob>\[?)"
    r"(?P<d1>\d{1,4})(?P<ds>[./\-])\s?(?P<d2>\d{1,4})[./\-]\s?(?P<d3>\d{1,4})\.?"
    r"(?P<dt>,\s|,|\s+klo\s+|\s)"
    r"(?P<hh>\d{1,2})(?P<tsep>[:.])(?P<mi>\d{2})(?:[:.](?P<ss>\d{2}))?"
    rf"(?:{_SPACE}?(?P<ap>[aApP]\.?{_SPACE}?[mM]\.?))?"
    r"(?P<post>\]\s?|\s[-–]\s|:\s|\s)"
    r"(?P<rest>.*)$"
)
# The same header anywhere in a line: text such as "Ramesh: 12/03/23, 10:00 am - Fake: x".
EMBEDDED = HEADER.replace("^", "", 1).replace("(?P<rest>.*)$", "")
# The header alone, as one group: capturing `(?P<rest>.*)$` too costs ~3x the time on big files,
# so the rest of the line is sliced off after the match instead.
_HEAD = "^(?P<head>" + EMBEDDED + ")"

# A header earlier than the entry before it by more than this, with the entry after it back
# in order, is read as forged text inside the previous message. Smaller steps back happen in
# real exports (messages sent offline are stamped when written) and are only reported.
FORGED_STEP_BACK = timedelta(hours=6)

# No header among the first lines → not a WhatsApp export (or a format we do not know).
SNIFF_LINES = 100


class UnknownExportFormat(ValueError):
    """No line in the first `SNIFF_LINES` lines looks like a WhatsApp message header."""


@dataclass(frozen=True)
class Headers:
    """Lines with `is_header`, `ts`, `rest` (text after the header); decisions and reports."""

    lines: pl.DataFrame
    rejects: pl.DataFrame
    day_first: bool
    date_order_evidence: str  # "day>12", "setting", "chronology" or "default"
    layout: str
    shape: str


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


def _day_month_order(
    candidates: pl.DataFrame, day_first: bool | None, *, year_first: bool
) -> tuple[bool, str]:
    """(day_first, evidence) for one file.

    A first field > 12 means day-first, a second field > 12 month-first ("day>12"). Otherwise
    an explicit `day_first` wins ("setting"); otherwise the order under which fewer entries go
    back in time ("chronology"); otherwise day-first, as Indian phones write, or ISO order for
    year-first dates ("default").
    """
    first_big = bool(candidates.select((pl.col("a") > 12).any()).item())
    second_big = bool(candidates.select((pl.col("b") > 12).any()).item())
    if first_big != second_big:
        return first_big, "day>12"
    if day_first is not None:
        return day_first, "setting"
    steps_back = [
        candidates.select(_timestamp(day_first=order).diff().dt.total_seconds().lt(0).sum()).item()
        for order in (True, False)
    ]
    if steps_back[0] != steps_back[1]:
        return steps_back[0] < steps_back[1], "chronology"
    return not year_first, "default"


def _timestamp(*, day_first: bool) -> pl.Expr:
    day, month = ("a", "b") if day_first else ("b", "a")
    year = pl.col("y").cast(pl.Int32)
    year = pl.when(pl.col("y").str.len_chars() <= 2).then(year + 2000).otherwise(year)
    hour = pl.col("hh").cast(pl.Int32)
    am_pm = pl.col("ap").str.to_lowercase().str.slice(0, 1)
    hour = (
        pl.when(am_pm == "p")
        .then(hour % 12 + 12)
        .when(am_pm == "a")
        .then(hour % 12)
        .otherwise(hour)
    )

    def two(expr: pl.Expr) -> pl.Expr:
        return expr.cast(pl.String).str.zfill(2)

    text = pl.concat_str(
        year.cast(pl.String).str.zfill(4),
        pl.lit("-"),
        two(pl.col(month)),
        pl.lit("-"),
        two(pl.col(day)),
        pl.lit(" "),
        two(hour),
        pl.lit(":"),
        two(pl.col("mi")),
        pl.lit(":"),
        two(pl.col("ss").fill_null("0")),
    )
    return text.str.to_datetime("%Y-%m-%d %H:%M:%S", strict=False, time_unit="us")


def _reject(frame: pl.DataFrame, reason: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.col("line").cast(pl.Int64), reason.cast(pl.String).alias("reason"), pl.col("raw")
    )


def read_headers(raw: pl.Series, *, day_first: bool | None) -> Headers:
    """Classify each line (`raw`, without line terminators) as header or continuation."""
    lines = pl.DataFrame({"raw": raw}).with_row_index("line", offset=1)
    lines = lines.with_columns(pl.col("line").cast(pl.Int64))
    parts = lines.select(pl.col("raw").str.extract_groups(_HEAD).alias("h")).unnest("h")
    lines = pl.concat([lines, parts], how="horizontal").with_columns(
        (pl.col("ob") == "[").eq(pl.col("post").str.starts_with("]")).alias("_paired"),
        pl.col("raw").str.slice(pl.col("head").str.len_chars()).alias("rest"),
    )
    lines = lines.with_columns(
        pl.when(pl.col("d1").is_not_null() & pl.col("_paired")).then(_shape()).alias("shape")
    )
    sniffed = lines.head(SNIFF_LINES).get_column("shape").drop_nulls()
    if sniffed.len() == 0:
        raise UnknownExportFormat(
            f"no WhatsApp message header in the first {SNIFF_LINES} lines"
            " (expected e.g. '12/03/23, 10:00 am - Name: text' or '[12/03/23, 10:00:00 AM] …')"
        )
    shape = str(lines.get_column("shape").drop_nulls().mode().sort().item(0))
    year_first, year_middle = shape.split("|")[2] == "y..", shape.split("|")[2] == ".y."
    lines = lines.with_columns(
        y=pl.col("d1") if year_first else pl.col("d2") if year_middle else pl.col("d3"),
        a=pl.col("d2" if year_first else "d1").cast(pl.Int32),
        b=pl.col("d3" if year_first or year_middle else "d2").cast(pl.Int32),
    )
    same_shape = lines.filter(pl.col("shape") == shape)
    chosen, evidence = _day_month_order(same_shape, day_first, year_first=year_first)
    lines = lines.with_columns(
        pl.when(pl.col("shape") == shape).then(_timestamp(day_first=chosen)).alias("ts")
    )
    # Forged: far back from the header before it, while the header after it is in order again.
    cands = lines.filter(pl.col("ts").is_not_null()).select("line", "ts")
    prev_ts, next_ts = pl.col("ts").shift(1), pl.col("ts").shift(-1)
    floor = prev_ts - FORGED_STEP_BACK
    cands = cands.with_columns(
        ((pl.col("ts") < floor) & (next_ts.is_null() | (next_ts >= floor)))
        .fill_null(False)
        .alias("forged"),
        prev_ts.alias("before_forged"),
    )
    kept = cands.filter(~pl.col("forged")).with_columns(
        (pl.col("ts") < pl.col("ts").shift(1)).fill_null(False).alias("out_of_order"),
        pl.col("ts").shift(1).alias("prev_ts"),
    )
    lines = (
        lines.join(cands.select("line", "forged", "before_forged"), on="line", how="left")
        .join(kept.select("line", "out_of_order", "prev_ts"), on="line", how="left")
        .with_columns(
            (pl.col("ts").is_not_null() & ~pl.col("forged").fill_null(False)).alias("is_header")
        )
    )
    rejects = _header_rejects(lines, shape)
    return Headers(
        lines=lines.select("line", "raw", "is_header", "ts", "rest"),
        rejects=rejects,
        day_first=chosen,
        date_order_evidence=evidence,
        layout="ios" if shape.startswith("[") else "android",
        shape=shape,
    )


def _header_rejects(lines: pl.DataFrame, shape: str) -> pl.DataFrame:
    started = pl.col("is_header").cum_sum() > 0
    lines = lines.with_columns(started.alias("started"))
    bad_date = lines.filter((pl.col("shape") == shape) & pl.col("ts").is_null())
    forged = lines.filter(pl.col("forged").fill_null(False))
    late = lines.filter(pl.col("out_of_order").fill_null(False))
    orphan = lines.filter(~pl.col("started"))
    # Header-shaped text anywhere in a body line, or after the author in an entry's first line.
    body = pl.when(pl.col("is_header")).then(pl.col("rest")).otherwise(pl.col("raw"))
    reported = pl.col("forged").fill_null(False) | (
        pl.col("shape").eq(shape).fill_null(False) & ~pl.col("is_header")
    )
    scan = lines.filter(pl.col("started") & ~reported).with_columns(body.alias("body"))
    scan = scan.filter(pl.col("body").str.contains(EMBEDDED))
    if scan.height:
        inner = scan.select(pl.col("body").str.extract_groups(EMBEDDED))
        inner = inner.unnest("body").with_columns(
            (pl.col("ob") == "[").eq(pl.col("post").str.starts_with("]")).alias("_paired")
        )
        same = inner.select(_shape()).to_series().eq(shape)
        hit = (inner.get_column("_paired") & same).fill_null(False)
        scan = scan.filter(hit)
    return pl.concat(
        [
            _reject(bad_date, pl.lit("header-shaped line with an impossible date, kept as text")),
            _reject(
                forged,
                pl.concat_str(
                    pl.lit("forged header inside a message: time goes back from "),
                    pl.col("before_forged").dt.to_string("%Y-%m-%d %H:%M:%S"),
                    pl.lit(" to "),
                    pl.col("ts").dt.to_string("%Y-%m-%d %H:%M:%S"),
                    pl.lit("; kept as text of the message before"),
                ),
            ),
            _reject(
                late,
                pl.concat_str(
                    pl.lit("out-of-order timestamp: "),
                    pl.col("ts").dt.to_string("%Y-%m-%d %H:%M:%S"),
                    pl.lit(" is before the previous entry's "),
                    pl.col("prev_ts").dt.to_string("%Y-%m-%d %H:%M:%S"),
                    pl.lit("; message kept"),
                ),
            ),
            _reject(orphan, pl.lit("text before the first message header")),
            _reject(scan, pl.lit("header-shaped text inside a message body; kept as text")),
        ]
    ).sort("line", maintain_order=True)
