"""The compiled core of the WhatsApp parser (`native/whatsapp_scan.c`), loaded with ctypes.

`scripts/setup.sh` compiles the C file into `build/native/` (never committed), named by the
sha256 of its source, so a library built from other source is never loaded. When it is
missing or fails to load, `available()` is False and `parse_export` reads with polars alone;
both give the same frames. The C code splits lines and reads headers, settles windows of
lines and cuts entries; the columns it writes (Arrow string views into one compact copy of
each window's strings, so that a block's bytes are freed once it is settled) reach polars
without a copy through the Arrow PyCapsule interface, which needs no pyarrow. What needs a
regex (the phrase tables, a header-shaped line inside a body, a header with a digit only
Unicode knows) stays with polars.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from etl.sources.whatsapp.headers import BlockDates, Shape
from etl.sources.whatsapp.phrases import Phrases
from etl.sources.whatsapp.plain import phrase_flags
from etl.sources.whatsapp.stream import REJECT_SCHEMA, embedded_rejects, reject_reasons

SOURCE = Path(__file__).resolve().parent / "scan.c"
BUILD_DIR = Path(__file__).resolve().parents[4] / "build" / "native"
ABI = 3
log = logging.getLogger(__name__)

# Line flags (see the C file).
SHAPE, UNSURE, HEADLIKE, FFFD = 1, 2, 4, 8
OK, DIRTY, NOMEM, TOO_BIG = 0, 1, 2, 3
_I64 = ctypes.c_int64
_P = ctypes.c_void_p
# Column types of `wa_export`.
INT64, TIMESTAMP_US, UINT8, INT32, STRING_VIEW = range(5)
# PyCapsule keeps a pointer to its name: these bytes live as long as the module.
_SCHEMA_NAME, _ARRAY_NAME, _STREAM_NAME = b"arrow_schema", b"arrow_array", b"arrow_array_stream"
_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.argtypes = [_P, ctypes.c_char_p, _P]
_capsule_new.restype = ctypes.py_object
_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_capsule_pointer.restype = _P


class NativeFailed(RuntimeError):
    """The compiled core cannot read this file (out of memory, or a string too large for an
    Arrow string view); the caller reads it again with polars."""


class _ShapeC(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_int32)
        for name in ("ob", "ds", "year_at", "dt", "tsep", "seconds", "has_ap", "post")
    ]


class _StateC(ctypes.Structure):
    _fields_ = [
        ("prev_kept", _I64),
        ("has_prev_kept", ctypes.c_int32),
        ("started", ctypes.c_int32),
    ]


class _ViewsC(ctypes.Structure):
    _fields_ = [("views", _P), ("valid", _P), ("nulls", _I64)]


class _SegC(ctypes.Structure):
    _fields_ = [("scan", _P), ("first", _I64)]


class _OutC(ctypes.Structure):
    _fields_ = [
        ("cut_seg", ctypes.c_int32),
        ("settled", ctypes.c_int32),
        ("cut_line", _I64),
        ("state", _StateC),
        ("n", _I64),
        ("ts", _P),
        ("line", _P),
        ("odd", _P),
        ("author", _ViewsC),
        ("text", _ViewsC),
        ("kind", _ViewsC),
        ("rest", _ViewsC),
        ("more", _ViewsC),
        ("n_rej", _I64),
        ("rej_line", _P),
        ("rej_code", _P),
        ("rej_ts", _P),
        ("rej_other", _P),
        ("rej_raw", _ViewsC),
        ("n_body", _I64),
        ("body_line", _P),
        ("body_raw", _ViewsC),
        ("body_text", _ViewsC),
        ("copy", _P),
        ("copy_len", _I64),
    ]


def library_path() -> Path:
    """Where setup.sh puts the library built from the current source (or, for a build with
    sanitizers, `$SAMPARK_WHATSAPP_LIB`)."""
    if os.environ.get("SAMPARK_WHATSAPP_LIB"):
        return Path(os.environ["SAMPARK_WHATSAPP_LIB"])
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    return BUILD_DIR / f"whatsapp_scan-{digest}.so"


@lru_cache(maxsize=1)
def _library() -> ctypes.CDLL | None:
    if os.environ.get("SAMPARK_WHATSAPP_ENGINE") == "polars":
        return None
    path = library_path()
    if not path.exists():
        log.info("no compiled chat parser at %s; reading chats with polars", path)
        return None
    try:
        lib = ctypes.CDLL(str(path))
        if lib.wa_abi() != ABI:
            raise OSError(f"ABI {lib.wa_abi()}, expected {ABI}")
    except OSError as err:
        log.warning("compiled chat parser %s not usable (%s); reading chats with polars", path, err)
        return None
    lib.wa_scan.argtypes = [_P, _I64, _I64, ctypes.POINTER(_ShapeC), ctypes.c_int32, _P]
    lib.wa_scan_free.argtypes = [_P]
    lib.wa_scan_fix.argtypes = [_P, _I64, ctypes.POINTER(_ShapeC), ctypes.c_int32, _P, _I64]
    lib.wa_scan_lines.argtypes = [_P]
    lib.wa_scan_lines.restype = _I64
    lib.wa_scan_count.argtypes = [_P, ctypes.c_uint8]
    lib.wa_scan_count.restype = _I64
    lib.wa_scan_select.argtypes = [_P, ctypes.c_uint8, _P, _P, _P, _I64]
    lib.wa_scan_select.restype = _I64
    lib.wa_block_dates.argtypes = [_P, ctypes.c_int32, _P]
    lib.wa_scan_views.argtypes = [_P, _P, _P]
    lib.wa_scan_mark.argtypes = [_P, _P, ctypes.c_int32]
    lib.wa_settle.argtypes = [_P, ctypes.c_int32, ctypes.c_int32, _P, ctypes.c_int32, _P]
    lib.wa_out_free.argtypes = [_P]
    lib.wa_free.argtypes = [_P]
    lib.wa_shared_new.argtypes = [_P]
    lib.wa_shared_new.restype = _P
    lib.wa_shared_release.argtypes = [_P]
    lib.wa_shared_retain.argtypes = [_P]
    lib.wa_shared_copy.argtypes = [_P, _I64]
    lib.wa_shared_copy.restype = _P
    lib.wa_views_fill.argtypes = [_P, _P, _I64, _P, _P, _P, ctypes.c_int32]
    lib.wa_export.argtypes = [ctypes.c_int32, _I64, _P, _P, _I64, _P, _P, _I64, _P, _I64, _P, _P]
    lib.wa_schema_new.restype = _P
    lib.wa_array_new.restype = _P
    lib.wa_set_capsule_api.argtypes = [_P]
    lib.wa_set_capsule_api(ctypes.cast(_capsule_pointer, _P))
    lib.wa_scan_mark_stream.argtypes = [_P, _P, ctypes.c_int32]
    return lib


def available() -> bool:
    """Whether the compiled core is built for this source and loads."""
    return _library() is not None


def _lib() -> ctypes.CDLL:
    lib = _library()
    if lib is None:
        raise NativeFailed("the compiled chat parser is not available")
    return lib


def _shape_c(shape: Shape) -> _ShapeC:
    ob, ds, year_at, dt, tsep, seconds, ap, post = shape.text.split("|")
    return _ShapeC(
        ob=int(ob == "["),
        ds=ord(ds),
        year_at=("y..", ".y.", "..y").index(year_at),
        dt=(", ", ",", " klo ", " ").index(dt),
        tsep=ord(tsep),
        seconds=int(seconds == "true"),
        has_ap=int(ap == "true"),
        post=("]", "] ", " - ", ": ", " ").index(post),
    )


# A string column's data buffer: (its shared owner, None, size) or (None, borrowed bytes, size).
_Data = tuple[int | None, bytes | None, int]


class _Capsules:
    """An Arrow column made in C, in the form `pl.Series` imports (the PyCapsule interface)."""

    def __init__(self, schema: object, array: object) -> None:
        self.capsules = (schema, array)

    def __arrow_c_array__(self, requested_schema: object = None) -> tuple[object, object]:
        return self.capsules


def _column(
    kind: int,
    n: int,
    values: int | None,
    valid: int | None = None,
    nulls: int = 0,
    data: _Data = (None, None, 0),
    extra: tuple[int | None, int] = (None, 0),
) -> pl.Series:
    """A column over C arrays that it takes (`values`, `valid`; freed when polars drops the
    column). `data` is a string column's data buffer: (its shared owner, `wa_shared_new`,
    None, size) or (None, the bytes it borrows, which must outlive the column, size);
    `extra` a second one (shared owner, size)."""
    lib = _lib()
    schema, array = lib.wa_schema_new(), lib.wa_array_new()
    if not schema or not array:
        lib.wa_free(schema), lib.wa_free(array), lib.wa_free(values), lib.wa_free(valid)
        raise NativeFailed("out of memory")
    shared, pointer, size = data
    code = lib.wa_export(
        kind, n, values, valid, nulls, shared, pointer, size, *extra, schema, array
    )
    capsules = _Capsules(
        _capsule_new(schema, _SCHEMA_NAME, ctypes.cast(lib.wa_capsule_schema_free, _P)),
        _capsule_new(array, _ARRAY_NAME, ctypes.cast(lib.wa_capsule_array_free, _P)),
    )
    if code != OK:
        raise NativeFailed(f"export failed with code {code}")
    return pl.Series(capsules)


def _taken(holder: ctypes.Structure, name: str) -> int | None:
    """The C array `holder.name`, now the caller's to free (or to hand to `_column`)."""
    pointer = getattr(holder, name)
    setattr(holder, name, None)
    return pointer  # type: ignore[no-any-return]


def _int_column(holder: ctypes.Structure, name: str, n: int, kind: int = INT64) -> pl.Series:
    return _column(kind, n, _taken(holder, name))


def _str_column(
    views: _ViewsC, n: int, data: _Data, extra: tuple[int | None, int] = (None, 0)
) -> pl.Series:
    nulls = int(views.nulls)
    body, valid = _taken(views, "views"), _taken(views, "valid")
    if not nulls:
        _lib().wa_free(valid)
        valid = None
    return _column(STRING_VIEW, n, body, valid, nulls, data, extra)


def _held(views: _ViewsC) -> _ViewsC:
    """The C arrays of `views`, moved into a new holder."""
    held = _ViewsC(views.views, views.valid, views.nulls)
    views.views = views.valid = None
    return held


_FILLED = ("author", "text", "kind")


class HeldPlain:
    """`Plain` of one window whose author, text and kind columns stay C arrays until
    `classify` has read the odd rows: `filled` writes those rows into the arrays and only
    then hands them to polars (scattering into polars columns costs ~30 MB of peak RSS on
    the 100 MB bench: three new columns per block, and the allocator keeps the churn)."""

    def __init__(self, out: _OutC, shared: int, entries: pl.DataFrame, odd: pl.Series) -> None:
        self.n = int(out.n)
        self.ts, self.line = entries.get_column("ts"), entries.get_column("line")
        self.odd = entries.filter(odd).select("ts", "line", "rest", "more")
        self.odd_at = odd.arg_true()
        self.views = [_held(out.author), _held(out.text), _held(out.kind)]
        self.size = int(out.copy_len)
        _lib().wa_shared_retain(shared)
        self.shared: int | None = shared

    def filled(self, mine: pl.DataFrame) -> pl.DataFrame:
        """The messages (ts, author, text, kind, line) with the odd rows set to `mine`."""
        lib, k = _lib(), self.odd_at.len()
        extra: tuple[int | None, int] = (None, 0)
        try:
            if k:
                extra = self._fill(mine, k)
            data = (self.shared, None, self.size)
            columns = [
                _str_column(views, self.n, data, extra).alias(c)
                for c, views in zip(_FILLED, self.views, strict=True)
            ]
        finally:
            if extra[0]:
                lib.wa_shared_release(extra[0])
            self._release()
        return pl.DataFrame([self.ts.alias("ts"), *columns, self.line.alias("line")])

    def _fill(self, mine: pl.DataFrame, k: int) -> tuple[int | None, int]:
        """Write `mine` into the odd rows; the new strings' buffer (shared owner, size)."""
        lib = _lib()
        encoded = [
            None if value is None else value.encode("utf-8")
            for c in _FILLED
            for value in mine.get_column(c).to_list()
        ]
        blob = b"".join(e for e in encoded if e is not None)
        offsets = (_I64 * (len(encoded) + 1))()
        for i, e in enumerate(encoded):
            offsets[i + 1] = offsets[i] + (len(e) if e is not None else 0)
        isnull = (ctypes.c_uint8 * len(encoded))(*(e is None for e in encoded))
        rows = (_I64 * k)(*self.odd_at.to_list())
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
        lib = _library()
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


class Scan:
    """One block scanned by the C code: its lines, headers and flags (owns the C arrays)."""

    def __init__(
        self, data: bytes, first_line: int, shape: Shape, phrases: Phrases, *, want_fffd: bool
    ) -> None:
        lib = _lib()
        self.data, self.first_line, self.shape = data, first_line, shape
        self._shape = _shape_c(shape)
        handle = _P()
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
            _lib().wa_scan_free(handle)

    def count(self, mask: int) -> int:
        return int(_lib().wa_scan_count(self.handle, mask))

    def selected(self, mask: int) -> list[tuple[int, str]]:
        """(index, text) of the lines with any of the `mask` flags."""
        n = self.count(mask)
        index, start, end = (_I64 * n)(), (_I64 * n)(), (_I64 * n)()
        _lib().wa_scan_select(self.handle, mask, index, start, end, n)
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
            _lib().wa_scan_fix(
                self.handle, k, ctypes.byref(self._shape), bool(is_shape), numbers, head_len
            )

    def _mark_phrases(self, phrases: Phrases) -> None:
        """The phrase-table tests of `plain_messages` that need a regex, run here on every
        header line so that the main thread gets each entry's kind from the C code."""
        if not self.count(SHAPE):
            return
        rest, msg = _ViewsC(), _ViewsC()
        code = _lib().wa_scan_views(self.handle, ctypes.byref(rest), ctypes.byref(msg))
        if code != OK:
            _lib().wa_free(rest.views), _lib().wa_free(rest.valid)
            _lib().wa_free(msg.views), _lib().wa_free(msg.valid)
            raise NativeFailed(f"views failed with code {code}")
        # The views borrow the block's bytes, which `self` holds past these columns' use.
        data = (None, self.data, len(self.data))
        flags = phrase_flags(
            _str_column(rest, self.lines, data), _str_column(msg, self.lines, data), phrases
        )
        for what, values in enumerate(flags):
            stream = values.__arrow_c_stream__()
            code = _lib().wa_scan_mark_stream(
                self.handle, _capsule_pointer(stream, _STREAM_NAME), what
            )
            if code != OK:
                raise NativeFailed(f"marks failed with code {code}")

    def dates(
        self, *, whole_file: bool, day_first: bool | None, count_back: bool
    ) -> BlockDates | None:
        """`block_dates` of this block's shape lines (None: it has none)."""
        if not self.count(SHAPE):
            return None
        out = (_I64 * 12)()
        _lib().wa_block_dates(self.handle, 1, out)
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
    state: _StateC = field(default_factory=_StateC)

    def settled(self, scan: Scan, *, day_first: bool, eof: bool) -> Settled | None:
        """Add a block and settle what can be; None when nothing can be yet."""
        lib = _lib()
        self.pending.append((scan, 0))
        segs = (_SegC * len(self.pending))(*[_SegC(s.handle, first) for s, first in self.pending])
        out_p = ctypes.POINTER(_OutC)()
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
            self.state = _StateC.from_buffer_copy(out.state)
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

    def _plain(self, out: _OutC, data: _Data) -> HeldPlain:
        """`plain_messages`, its author/text/kind columns held in C until filled."""
        n = int(out.n)
        odd = _int_column(out, "odd", n, UINT8) != 0
        entries = pl.DataFrame(
            [
                _int_column(out, "ts", n, TIMESTAMP_US).alias("ts"),
                _int_column(out, "line", n).alias("line"),
                _str_column(out.rest, n, data).alias("rest"),
                _str_column(out.more, n, data).alias("more"),
            ]
        )
        assert data[0] is not None
        return HeldPlain(out, data[0], entries, odd)

    def _rejects(self, out: _OutC, data: _Data) -> pl.DataFrame:
        found = []
        n = int(out.n_rej)
        if n:
            found.append(
                reject_reasons(
                    pl.DataFrame(
                        [
                            _int_column(out, "rej_line", n).alias("line"),
                            _int_column(out, "rej_code", n, INT32).alias("code"),
                            _int_column(out, "rej_ts", n, TIMESTAMP_US).alias("ts"),
                            _int_column(out, "rej_other", n, TIMESTAMP_US).alias("other"),
                            _str_column(out.rej_raw, n, data).alias("raw"),
                        ]
                    )
                )
            )
        n = int(out.n_body)
        if n:
            body = pl.DataFrame(
                [
                    _int_column(out, "body_line", n).alias("line"),
                    _str_column(out.body_raw, n, data).alias("raw"),
                    _str_column(out.body_text, n, data).alias("body"),
                ]
            )
            found.append(embedded_rejects(body, self.shape))
        if not found:
            return pl.DataFrame(schema=REJECT_SCHEMA)
        return pl.concat(found).sort("line", maintain_order=True)


def scanned(data: bytes, first_line: int, shape: Shape, phrases: Phrases) -> tuple[Scan, bool]:
    """The block scanned, and whether it was valid UTF-8: undecodable bytes become U+FFFD
    first, as the polars path does (`Scan.data` holds the bytes scanned)."""
    try:
        return Scan(data, first_line, shape, phrases, want_fffd=True), True
    except UnicodeDecodeError:
        data = data.decode("utf-8", errors="replace").encode("utf-8")
        return Scan(data, first_line, shape, phrases, want_fffd=True), False
