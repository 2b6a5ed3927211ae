"""One block of an export made ready (on a worker thread), then settled into entries and
rejects (on the main thread), by either engine: polars expressions, or the compiled core
(`native/glue.py`). Both give the same frames; the compiled one is several times cheaper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import polars as pl

from etl.sources.whatsapp.headers import _HEAD, BlockDates, Shape, block_dates, timestamp
from etl.sources.whatsapp.native import glue as native
from etl.sources.whatsapp.phrases import Phrases, load_phrases
from etl.sources.whatsapp.plain import Plain, plain_messages
from etl.sources.whatsapp.stream import Cursor, entries_of, header_rejects, lines_of, settle

_FIELDS = ("line", "raw", "is_shape", "year", "a", "b", "hour", "mi", "ss", "rest")


@dataclass(frozen=True)
class Block:
    """One block's lines with their header fields and the counts kept for the whole file."""

    fields: pl.DataFrame | None  # polars: line, raw, is_shape, year, a, b, hour, mi, ss, rest
    scan: native.Scan | None  # native: the same, held by the compiled core
    clean: bool
    eof: bool
    shaped: int  # lines of the file's shape
    header_like: int  # lines the general header pattern matches (native: a few more)
    dates: BlockDates | None
    replaced: pl.DataFrame  # lines holding U+FFFD


def prepared(
    lines: pl.DataFrame,
    clean: bool,
    eof: bool,
    shape: Shape,
    day_first: bool | None,
    count_back: bool,
) -> Block:
    """The work on a block that needs nothing from other blocks (runs on a worker thread)."""
    fields = (
        lines.lazy()
        .with_columns(pl.col("raw").str.extract_groups(shape.pattern()).alias("h"))
        .unnest("h")
        .with_columns(shape.fields(pl.col("raw")))
        .select(_FIELDS)
        .collect()
    )
    shaped = fields.filter(pl.col("is_shape"))
    # A line of the shape is header-like too; only the others need the general pattern.
    other = fields.filter(~pl.col("is_shape")).get_column("raw")
    return Block(
        fields=fields,
        scan=None,
        clean=clean,
        eof=eof,
        shaped=shaped.height,
        header_like=shaped.height + int(other.str.contains(_HEAD).sum()),
        dates=(
            block_dates(
                shaped,
                whole_file=eof and lines.item(0, "line") == 1,
                day_first=day_first,
                count_back=count_back,
            )
            if shaped.height
            else None
        ),
        replaced=lines.filter(pl.col("raw").str.contains("\ufffd", literal=True)),
    )


def prepared_bytes(
    data: bytes,
    first_line: int,
    eof: bool,
    shape: Shape,
    day_first: bool | None,
    count_back: bool,
) -> Block:
    lines, clean = lines_of(data, first_line)
    return prepared(lines, clean, eof, shape, day_first, count_back)


def prepared_native(
    data: bytes,
    first_line: int,
    eof: bool,
    shape: Shape,
    day_first: bool | None,
    count_back: bool,
) -> Block:
    """`prepared_bytes` by the compiled core."""
    scan, clean = native.scanned(data, first_line, shape, load_phrases())
    shaped = scan.count(native.SHAPE)
    replaced = scan.selected(native.FFFD)
    return Block(
        fields=None,
        scan=scan,
        clean=clean,
        eof=eof,
        shaped=shaped,
        # A few more than the general pattern matches (a digit after the marks suffices):
        # this count only decides whether the file's shape is counted again line by line,
        # which then finds the same shape unless the exact count would have asked too.
        header_like=shaped + scan.count(native.HEADLIKE),
        dates=scan.dates(
            whole_file=eof and first_line == 1, day_first=day_first, count_back=count_back
        ),
        replaced=pl.DataFrame(
            {"line": [first_line + k for k, _ in replaced], "raw": [t for _, t in replaced]},
            schema={"line": pl.Int64, "raw": pl.String},
        ),
    )


def line_count(data: bytes) -> int:
    """How many lines `lines_of(data)` gives, counted without decoding."""
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


class Settler(Protocol):
    def settled(
        self, block: Block, *, day_first: bool, phrases: Phrases
    ) -> tuple[pl.DataFrame, Plain | native.HeldPlain] | None:
        """The rejects and messages of what this block lets settle (None: nothing yet)."""


@dataclass
class PolarsSettler:
    """Windows of lines in polars frames, carried over with a `Cursor`."""

    shape: Shape
    cursor: Cursor = field(default_factory=Cursor)

    def settled(
        self, block: Block, *, day_first: bool, phrases: Phrases
    ) -> tuple[pl.DataFrame, Plain] | None:
        assert block.fields is not None
        window = block.fields
        if self.cursor.carry is not None:
            window = pl.concat([self.cursor.carry, window])
        window = window.with_columns(timestamp(day_first=day_first).alias("ts"))
        done, self.cursor = settle(window, self.cursor, eof=block.eof)
        if not done.height:
            return None
        return header_rejects(done, self.shape), plain_messages(entries_of(done), phrases)


@dataclass
class NativeSettler:
    """Windows of lines held by the compiled core."""

    window: native.Window

    def settled(
        self, block: Block, *, day_first: bool, phrases: Phrases
    ) -> tuple[pl.DataFrame, Plain | native.HeldPlain] | None:
        assert block.scan is not None
        done = self.window.settled(block.scan, day_first=day_first, eof=block.eof)
        if done is None:
            return None
        return done.rejects, done.plain
