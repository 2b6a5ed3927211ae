"""A window's plain messages whose author, text and kind columns stay C arrays until the odd
rows are classified.
"""

from __future__ import annotations

import ctypes

import polars as pl

from etl.sources.whatsapp.native.arrow import (
    held_views,
    str_column,
)
from etl.sources.whatsapp.native.library import (
    I64,
    OK,
    NativeFailed,
    OutC,
    library_if_built,
    required_library,
)

_FILLED = ("author", "text", "kind")


class HeldPlain:
    """`Plain` of one window whose author, text and kind columns stay C arrays until
    `classified_exports` has read the odd rows: `filled` writes those rows into the arrays and only
    then hands them to polars (scattering into polars columns costs ~30 MB of peak RSS on
    the 100 MB bench: three new columns per block, and the allocator keeps the churn)."""

    def __init__(self, out: OutC, shared: int, entries: pl.DataFrame, odd: pl.Series) -> None:
        self.n = int(out.n)
        self.ts, self.line = entries.get_column("ts"), entries.get_column("line")
        self.odd = entries.filter(odd).select("ts", "line", "rest", "more")
        self.odd_at = odd.arg_true()
        self.views = [held_views(out.author), held_views(out.text), held_views(out.kind)]
        self.size = int(out.copy_len)
        required_library().wa_shared_retain(shared)
        self.shared: int | None = shared

    def filled(self, mine: pl.DataFrame) -> pl.DataFrame:
        """The messages (ts, author, text, kind, line) with the odd rows set to `mine`."""
        lib, k = required_library(), self.odd_at.len()
        extra: tuple[int | None, int] = (None, 0)
        try:
            if k:
                extra = self._fill(mine, k)
            data = (self.shared, None, self.size)
            columns = [
                str_column(views, self.n, data, extra).alias(c)
                for c, views in zip(_FILLED, self.views, strict=True)
            ]
        finally:
            if extra[0]:
                lib.wa_shared_release(extra[0])
            self._release()
        return pl.DataFrame([self.ts.alias("ts"), *columns, self.line.alias("line")])

    def _fill(self, mine: pl.DataFrame, k: int) -> tuple[int | None, int]:
        """Write `mine` into the odd rows; the new strings' buffer (shared owner, size)."""
        lib = required_library()
        encoded = [
            None if value is None else value.encode("utf-8")
            for c in _FILLED
            for value in mine.get_column(c).to_list()
        ]
        blob = b"".join(e for e in encoded if e is not None)
        offsets = (I64 * (len(encoded) + 1))()
        for i, e in enumerate(encoded):
            offsets[i + 1] = offsets[i] + (len(e) if e is not None else 0)
        isnull = (ctypes.c_uint8 * len(encoded))(*(e is None for e in encoded))
        rows = (I64 * k)(*self.odd_at.to_list())
        copy = lib.wa_shared_copy(blob, len(blob))
        if not copy:
            raise NativeFailed("out of memory")
        for j, views in enumerate(self.views):
            code = lib.wa_views_fill(
                ctypes.byref(views),
                rows,
                k,
                blob,
                ctypes.byref(offsets, 8 * j * k),
                ctypes.byref(isnull, j * k),
                1,
            )
            if code != OK:
                lib.wa_shared_release(copy)
                raise NativeFailed(f"fill failed with code {code}")
        return copy, len(blob)

    def _release(self) -> None:
        lib = library_if_built()
        if lib is None:
            return
        for views in getattr(self, "views", []):
            lib.wa_free(views.views), lib.wa_free(views.valid)
            views.views = views.valid = None
        if getattr(self, "shared", None):
            lib.wa_shared_release(self.shared)
            self.shared = None

    def __del__(self) -> None:
        self._release()
