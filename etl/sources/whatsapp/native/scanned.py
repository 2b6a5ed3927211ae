"""One block scanned by the C code: its lines, headers and flags, with the few tests that need
a regex (a header with a digit only Unicode knows, the phrase tables) run in polars.
"""

from __future__ import annotations

import ctypes

import polars as pl

from etl.sources.whatsapp.headers import BlockDates, Shape
from etl.sources.whatsapp.native.arrow import (
    str_column,
)
from etl.sources.whatsapp.native.library import (
    DIRTY,
    I64,
    OK,
    SHAPE,
    STREAM_NAME,
    UNSURE,
    VOID_P,
    NativeFailed,
    ViewsC,
    capsule_pointer,
    required_library,
    shape_c,
)
from etl.sources.whatsapp.phrases import Phrases
from etl.sources.whatsapp.plain import phrase_flags


class Scan:
    """One block scanned by the C code: its lines, headers and flags (owns the C arrays)."""

    def __init__(
        self, data: bytes, first_line: int, shape: Shape, phrases: Phrases, *, want_fffd: bool
    ) -> None:
        lib = required_library()
        self.data, self.first_line, self.shape = data, first_line, shape
        self._shape = shape_c(shape)
        handle = VOID_P()
        code = lib.wa_scan(
            data, len(data), first_line, ctypes.byref(self._shape), want_fffd, ctypes.byref(handle)
        )
        if code == DIRTY:
            raise UnicodeDecodeError("utf-8", data, 0, len(data), "invalid UTF-8 in block")
        if code != OK:
            raise NativeFailed(f"scan failed with code {code}")
        self.handle: int = handle.value  # type: ignore[assignment]
        self.lines = int(lib.wa_scan_lines(self.handle))
        if lib.wa_scan_count(self.handle, UNSURE):
            self._settle_unsure()
        self._mark_phrases(phrases)

    def __del__(self) -> None:
        handle = getattr(self, "handle", None)
        if handle:
            required_library().wa_scan_free(handle)

    def count(self, mask: int) -> int:
        return int(required_library().wa_scan_count(self.handle, mask))

    def selected(self, mask: int) -> list[tuple[int, str]]:
        """(index, text) of the lines with any of the `mask` flags."""
        n = self.count(mask)
        index, start, end = (I64 * n)(), (I64 * n)(), (I64 * n)()
        required_library().wa_scan_select(self.handle, mask, index, start, end, n)
        return [(index[i], self.data[start[i] : end[i]].decode("utf-8")) for i in range(n)]

    def _settle_unsure(self) -> None:
        """Lines where a character only Unicode knows to be a digit or not sits where the
        header pattern tests for one: read with the pattern itself, as the polars path does."""
        chosen = self.selected(UNSURE)
        raw = pl.Series("raw", [text for _, text in chosen], dtype=pl.String)
        fields = (
            raw.to_frame()
            .with_columns(pl.col("raw").str.extract_groups(self.shape.pattern()).alias("h"))
            .unnest("h")
            .with_columns(self.shape.fields(pl.col("raw")))
            .select("is_shape", "year", "a", "b", "hour", "mi", "ss", "head")
        )
        numbers = (ctypes.c_int32 * 6)()
        for (k, _), row in zip(chosen, fields.iter_rows(), strict=True):
            is_shape, *values, head = row
            for i, value in enumerate(values):
                numbers[i] = -1 if value is None else value
            head_len = len(head.encode("utf-8")) if is_shape else -1
            required_library().wa_scan_fix(
                self.handle, k, ctypes.byref(self._shape), bool(is_shape), numbers, head_len
            )

    def _mark_phrases(self, phrases: Phrases) -> None:
        """The phrase-table tests of `plain_messages` that need a regex, run here on every
        header line so that the main thread gets each entry's kind from the C code."""
        if not self.count(SHAPE):
            return
        rest, msg = ViewsC(), ViewsC()
        code = required_library().wa_scan_views(self.handle, ctypes.byref(rest), ctypes.byref(msg))
        if code != OK:
            required_library().wa_free(rest.views), required_library().wa_free(rest.valid)
            required_library().wa_free(msg.views), required_library().wa_free(msg.valid)
            raise NativeFailed(f"views failed with code {code}")
        # The views borrow the block's bytes, which `self` holds past these columns' use.
        data = (None, self.data, len(self.data))
        flags = phrase_flags(
            str_column(rest, self.lines, data), str_column(msg, self.lines, data), phrases
        )
        for what, values in enumerate(flags):
            stream = values.__arrow_c_stream__()
            code = required_library().wa_scan_mark_stream(
                self.handle, capsule_pointer(stream, STREAM_NAME), what
            )
            if code != OK:
                raise NativeFailed(f"marks failed with code {code}")

    def dates(
        self, *, whole_file: bool, day_first: bool | None, count_back: bool
    ) -> BlockDates | None:
        """`block_dates` of this block's shape lines (None: it has none)."""
        if not self.count(SHAPE):
            return None
        out = (I64 * 12)()
        required_library().wa_block_dates(self.handle, 1, out)
        first_big, second_big = bool(out[0]), bool(out[1])
        if day_first is not None or not count_back or (whole_file and first_big != second_big):
            return BlockDates(first_big, second_big, (0, 0), (None, None), (None, None))
        stamps = (
            pl.Series(
                [
                    out[5] if out[4] else None,
                    out[7] if out[6] else None,
                    out[9] if out[8] else None,
                    out[11] if out[10] else None,
                ],
                dtype=pl.Int64,
            )
            .cast(pl.Datetime("us"))
            .to_list()
        )
        return BlockDates(
            first_big, second_big, (out[2], out[3]), (stamps[0], stamps[1]), (stamps[2], stamps[3])
        )


def scanned(data: bytes, first_line: int, shape: Shape, phrases: Phrases) -> tuple[Scan, bool]:
    """The block scanned, and whether it was valid UTF-8: undecodable bytes become U+FFFD
    first, as the polars path does (`Scan.data` holds the bytes scanned)."""
    try:
        return Scan(data, first_line, shape, phrases, want_fffd=True), True
    except UnicodeDecodeError:
        data = data.decode("utf-8", errors="replace").encode("utf-8")
        return Scan(data, first_line, shape, phrases, want_fffd=True), False
