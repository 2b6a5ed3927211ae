"""An export read in blocks of lines, so memory stays bounded however large the file is.

Blocks end at a line break. Each block's lines are joined to the lines carried over from the
block before (the *window*). A window is settled up to its last header — the entry that
header starts may go on in the next block — and the rest is carried into the next window,
with the few values the next window needs from before (`Cursor`).
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import IO

import polars as pl

from etl.sources.whatsapp.calendars import gregorian_stamp_blocks
from etl.sources.whatsapp.digits import ascii_stamp_blocks
from etl.sources.whatsapp.headers import EMBEDDED, Shape, _paired, _shape
from etl.sources.whatsapp.resaved import as_written_blocks

# 2 MB: as fast as 4 MB, and the blocks in flight, and the holes freed ones leave in the C
# heap, are half as big (peak RSS on a 100 MB export ~300 MB -> ~287 MB; bench/README.md).
BLOCK_BYTES = 2 * 1024 * 1024
SMALL_BYTES = 256 * 1024
REJECT_SCHEMA = {"line": pl.Int64, "reason": pl.String, "raw": pl.String}


class OverCap(ValueError):
    """The text unpacks past the byte cap it was read with."""


def _reads(stream: IO[bytes], view: memoryview, cap: int | None) -> Iterator[int]:
    """Fill `view` from the stream, again and again: how many bytes each read put there."""
    total = 0
    while n := stream.readinto(view):  # type: ignore[attr-defined]
        total += n
        if cap is not None and total > cap:
            raise OverCap(f"past {cap} bytes")
        yield n


def utf8_blocks(stream: IO[bytes], size: int, cap: int | None = None) -> Iterator[bytes]:
    """UTF-8 text in blocks that end after a line break (the last may not).

    A UTF-8 BOM is dropped; a file starting with a UTF-16 BOM is converted from UTF-16.
    Invalid UTF-8 is left for `lines_of` to find. Every read goes into one buffer and each
    block is one new bytes object: a read, a join and a cut per block would leave holes of
    a block's size in the C heap that the blocks kept for the window cannot always reuse.
    """
    buffer = bytearray(max(size, 1))
    view = memoryview(buffer)
    reads = _reads(stream, view, cap)
    n = next(reads, 0)
    if bytes(view[:2]) in (b"\xff\xfe", b"\xfe\xff"):
        pieces = itertools.chain([bytes(view[:n])], (bytes(view[:k]) for k in reads))
        yield from _utf16_blocks(pieces)
        return
    skip = len(codecs.BOM_UTF8) if bytes(view[:3]) == codecs.BOM_UTF8 else 0
    rest = b""
    while n:
        cut = buffer.rfind(b"\n", skip, n) + 1
        if cut:
            yield b"".join((rest, view[skip:cut]))
            rest = bytes(view[cut:n])
        else:
            rest = b"".join((rest, view[skip:n]))
        skip, n = 0, next(reads, 0)
    if rest:
        yield rest


def export_blocks(stream: IO[bytes], size: int, cap: int | None = None) -> Iterator[bytes]:
    """`utf8_blocks` of an export, mended as both engines read it: a Windows-1252 re-save
    undone (`resaved`), stamps in a phone language's own digits or am/pm in ASCII (`digits`),
    then of another calendar or with the time first made Gregorian, date first (`calendars`)."""
    return gregorian_stamp_blocks(
        ascii_stamp_blocks(as_written_blocks(utf8_blocks(stream, size, cap)))
    )


def _utf16_blocks(pieces: Iterator[bytes]) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
    buffer = b""
    for piece in pieces:
        buffer += decoder.decode(piece).encode()
        cut = buffer.rfind(b"\n") + 1
        if cut:
            yield buffer[:cut]
            buffer = buffer[cut:]
    buffer += decoder.decode(b"", True).encode()
    if buffer:
        yield buffer


def lines_of(data: bytes, first_line: int) -> tuple[pl.DataFrame, bool]:
    """(line, raw) without terminators (LF, CRLF), and whether `data` was valid UTF-8.

    Undecodable bytes become U+FFFD, as a whole-file decode with errors="replace" would.
    """
    clean = True
    if len(data) < SMALL_BYTES:  # polars' line reader has a fixed cost that a small chat feels
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            clean, text = False, data.decode("utf-8", errors="replace")
        split = text.split("\n") if text else []
        if text.endswith("\n"):
            split.pop()
        raw = pl.Series("raw", split, dtype=pl.String)
        frame = (raw.str.strip_suffix("\r") if "\r" in text else raw).to_frame()
    else:
        try:
            frame = pl.read_lines(data, name="raw")
        except pl.exceptions.ComputeError:
            clean = False
            frame = pl.read_lines(data.decode("utf-8", errors="replace").encode(), name="raw")
    frame = frame.with_row_index("line", offset=first_line)
    return frame.with_columns(pl.col("line").cast(pl.Int64)), clean


@dataclass(frozen=True)
class Cursor:
    """What a window needs from the lines before it."""

    carry: pl.DataFrame | None = None  # unsettled lines, with their header fields
    prev_kept: datetime | None = None  # the last header before `carry`
    started: bool = False  # a header has been settled


def _dt(value: datetime | None) -> pl.Expr:
    return pl.lit(value, dtype=pl.Datetime("us"))


def settle(window: pl.DataFrame, cur: Cursor, *, eof: bool) -> tuple[pl.DataFrame, Cursor]:
    """The window's settled lines with is_header, out_of_order …, and the next cursor.

    Every line that starts with a header of the file's shape and a possible date starts an
    entry. WhatsApp stamps some lines later than the ones around them (system lines, messages
    sent offline), so a time going back is reported (out of order), never taken as text typed
    inside the message before: only where a header sits tells that (`embedded_rejects`).
    """
    ts = pl.col("ts")
    lines = window.with_columns(ts.is_not_null().alias("is_header"))
    kept_before = (
        pl.when(pl.col("is_header")).then(ts).shift(1, fill_value=_dt(cur.prev_kept)).forward_fill()
    )
    lines = lines.with_columns(
        (pl.col("is_header") & (ts < kept_before)).fill_null(False).alias("out_of_order"),
        kept_before.alias("prev_ts"),
        (pl.lit(cur.started) | (pl.col("is_header").cum_sum() > 0)).alias("started"),
    )
    if eof:
        return lines, Cursor(started=True)
    number = ts.is_not_null().cum_sum()
    cut = lines.select(
        pl.col("line").filter(pl.col("is_header") & (number >= 2)).max().alias("line")
    ).item()
    if cut is None:  # nothing settled yet: the whole window waits for more lines
        return lines.clear(), replace(cur, carry=window.drop("ts"))
    at = lines.filter(pl.col("line") == cut).row(0, named=True)
    done = lines.filter(pl.col("line") < cut)
    return done, Cursor(
        carry=window.filter(pl.col("line") >= cut).drop("ts"),
        prev_kept=at["prev_ts"],
        started=True,
    )


def entries_of(lines: pl.DataFrame) -> pl.DataFrame:
    """One row per entry: ts, line, rest, and its continuation lines joined with "\\n"."""
    lines = lines.with_columns(pl.col("is_header").cum_sum().alias("id"))
    heads = lines.filter(pl.col("is_header")).select("id", "ts", "line", "rest")
    more = lines.filter(~pl.col("is_header") & (pl.col("id") > 0)).select("id", "raw")
    # Most multi-line messages have one continuation line, which needs no joining (joining
    # strings per group is the costly part).
    alone = (pl.col("id") != pl.col("id").shift(1)) & (pl.col("id") != pl.col("id").shift(-1))
    more = more.with_columns(alone.fill_null(True).alias("alone"))
    joined = (
        more.filter(~pl.col("alone"))
        .group_by("id", maintain_order=True)
        .agg(pl.col("raw").str.join("\n").alias("more"))
    )
    more = pl.concat(
        [more.filter(pl.col("alone")).select("id", pl.col("raw").alias("more")), joined]
    )
    return heads.join(more.sort("id"), on="id", how="left", maintain_order="left").drop("id")


def _reject(frame: pl.DataFrame, reason: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.col("line").cast(pl.Int64), reason.cast(pl.String).alias("reason"), pl.col("raw")
    )


def _stamp(column: str) -> pl.Expr:
    return pl.col(column).dt.to_string("%Y-%m-%d %H:%M:%S")


_BAD_DATE = "header-shaped line with an impossible date, kept as text"
_ORPHAN = "text before the first message header"
_EMBEDDED = "header-shaped text inside a message body; kept as text"


def _late_reason(ts: str, before: str) -> pl.Expr:
    return pl.concat_str(
        pl.lit("out-of-order timestamp: "),
        _stamp(ts),
        pl.lit(" is before the previous entry's "),
        _stamp(before),
        pl.lit("; message kept"),
    )


def header_rejects(lines: pl.DataFrame, shape: Shape) -> pl.DataFrame:
    """Settled lines → impossible dates, headers going back in time, text before the first
    header, and header-shaped text inside a body."""
    bad_date = lines.filter(pl.col("is_shape") & pl.col("ts").is_null())
    late = lines.filter(pl.col("out_of_order"))
    orphan = lines.filter(~pl.col("started"))
    body = pl.when(pl.col("is_header")).then(pl.col("rest")).otherwise(pl.col("raw"))
    reported = pl.col("is_shape") & ~pl.col("is_header")
    scan = lines.filter(pl.col("started") & ~reported).select("line", "raw", body.alias("body"))
    return pl.concat(
        [
            _reject(bad_date, pl.lit(_BAD_DATE)),
            _reject(late, _late_reason("ts", "prev_ts")),
            _reject(orphan, pl.lit(_ORPHAN)),
            embedded_rejects(scan, shape),
        ]
    ).sort("line", maintain_order=True)


def embedded_rejects(lines: pl.DataFrame, shape: Shape) -> pl.DataFrame:
    """Lines (line, raw, body) whose body holds header-shaped text of the file's shape."""
    # The shape's own pattern finds every line whose first header-like text can be of the
    # file's shape (and a few more); the general pattern then decides, as it always did.
    scan = lines.filter(pl.col("body").str.contains(shape.pattern(anchored=False)))
    if scan.height:
        inner = scan.select(pl.col("body").str.extract_groups(EMBEDDED)).unnest("body")
        same = inner.select((_paired() & (_shape() == shape.text)).fill_null(False))
        scan = scan.filter(same.to_series())
    return _reject(scan, pl.lit(_EMBEDDED))


def reject_reasons(found: pl.DataFrame) -> pl.DataFrame:
    """The compiled core's rejects (line, code, ts, other, raw; codes 0 impossible date,
    2 late, 3 before the first header) with the reasons `header_rejects` gives."""
    code = pl.col("code")
    reason = (
        pl.when(code == 0)
        .then(pl.lit(_BAD_DATE))
        .when(code == 2)
        .then(_late_reason("ts", "other"))
        .otherwise(pl.lit(_ORPHAN))
    )
    return _reject(found, reason)
