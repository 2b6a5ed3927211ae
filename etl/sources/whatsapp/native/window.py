"""Windows of lines settled by the C code into entries and rejects, across blocks."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import polars as pl

from etl.sources.whatsapp.headers import Shape
from etl.sources.whatsapp.native.arrow import (
    StringData,
    int_column,
    str_column,
)
from etl.sources.whatsapp.native.held import HeldPlain
from etl.sources.whatsapp.native.library import (
    INT32,
    OK,
    TIMESTAMP_US,
    UINT8,
    NativeFailed,
    OutC,
    SegC,
    StateC,
    required_library,
)
from etl.sources.whatsapp.native.scanned import Scan
from etl.sources.whatsapp.stream import REJECT_SCHEMA, embedded_rejects, reject_reasons


@dataclass
class Settled:
    """One settled window: its messages, the entries left for the phrase tables, and its
    rejects (line, reason, raw)."""

    plain: HeldPlain
    rejects: pl.DataFrame


@dataclass
class Window:
    """The lines not yet settled (the tail of earlier blocks) and what the next window needs
    from before them (`Cursor` in the polars path)."""

    shape: Shape
    pending: list[tuple[Scan, int]] = field(default_factory=list)
    state: StateC = field(default_factory=StateC)

    def settled(self, scan: Scan, *, day_first: bool, eof: bool) -> Settled | None:
        """Add a block and settle what can be; None when nothing can be yet."""
        lib = required_library()
        self.pending.append((scan, 0))
        segs = (SegC * len(self.pending))(*[SegC(s.handle, first) for s, first in self.pending])
        out_p = ctypes.POINTER(OutC)()
        code = lib.wa_settle(
            segs,
            len(self.pending),
            day_first,
            ctypes.byref(self.state),
            eof,
            ctypes.byref(out_p),
        )
        if code != OK:
            raise NativeFailed(f"settle failed with code {code}")
        out = out_p.contents
        try:
            if not out.settled:
                return None
            self.state = StateC.from_buffer_copy(out.state)
            if out.cut_seg >= 0:
                self.pending = [
                    (self.pending[out.cut_seg][0], int(out.cut_line)),
                    *self.pending[out.cut_seg + 1 :],
                ]
            else:
                self.pending = []
            # Every string longer than a view holds inline is in `copy`, which all the
            # columns share: the blocks settled here are no longer needed.
            shared = lib.wa_shared_new(out.copy)
            if not shared:
                raise NativeFailed("out of memory")
            out.copy = None
            try:
                data = (shared, None, int(out.copy_len))
                return Settled(self._plain(out, data), self._rejects(out, data))
            finally:
                lib.wa_shared_release(shared)
        finally:
            lib.wa_out_free(out_p)

    def _plain(self, out: OutC, data: StringData) -> HeldPlain:
        """`plain_messages`, its author/text/kind columns held in C until filled."""
        n = int(out.n)
        odd = int_column(out, "odd", n, UINT8) != 0
        entries = pl.DataFrame(
            [
                int_column(out, "ts", n, TIMESTAMP_US).alias("ts"),
                int_column(out, "line", n).alias("line"),
                str_column(out.rest, n, data).alias("rest"),
                str_column(out.more, n, data).alias("more"),
            ]
        )
        assert data[0] is not None
        return HeldPlain(out, data[0], entries, odd)

    def _rejects(self, out: OutC, data: StringData) -> pl.DataFrame:
        found = []
        n = int(out.n_rej)
        if n:
            found.append(
                reject_reasons(
                    pl.DataFrame(
                        [
                            int_column(out, "rej_line", n).alias("line"),
                            int_column(out, "rej_code", n, INT32).alias("code"),
                            int_column(out, "rej_ts", n, TIMESTAMP_US).alias("ts"),
                            int_column(out, "rej_other", n, TIMESTAMP_US).alias("other"),
                            str_column(out.rej_raw, n, data).alias("raw"),
                        ]
                    )
                )
            )
        n = int(out.n_body)
        if n:
            body = pl.DataFrame(
                [
                    int_column(out, "body_line", n).alias("line"),
                    str_column(out.body_raw, n, data).alias("raw"),
                    str_column(out.body_text, n, data).alias("body"),
                ]
            )
            found.append(embedded_rejects(body, self.shape))
        if not found:
            return pl.DataFrame(schema=REJECT_SCHEMA)
        return pl.concat(found).sort("line", maintain_order=True)
