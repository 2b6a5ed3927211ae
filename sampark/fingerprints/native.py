"""The compiled path (`native/fingerprints.c`), loaded with ctypes.

`scripts/setup.sh` compiles the C file into `build/native/` (never committed), named by the
sha256 of its source and its tables, so a library built from other source is never loaded.
When it is missing or fails to load, `available()` is False and `frames.fingerprint_frame`
runs the pure-Python reference, which gives the same fingerprints far more slowly.

The strings reach C without a copy through the Arrow PyCapsule stream polars exports (string
views); each call works on a range of rows and releases the GIL, so threads share a column.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import polars as pl

from sampark.fingerprints.normalise import MARKERS, MIN_CHARS
from sampark.fingerprints.reference import WORDS

FOLDER = Path(__file__).resolve().parent / "native"
SOURCES = (FOLDER / "fingerprints.c", FOLDER / "unicode_tables.h")
BUILD_DIR = Path(__file__).resolve().parents[2] / "build" / "native"
ABI = 1
ROW_FINGERPRINT, ROW_NEEDS_NFC, ROW_NULL = 1, 2, 4
ENGINE_ENV = "SAMPARK_FINGERPRINT_ENGINE"
log = logging.getLogger(__name__)

_P = ctypes.c_void_p
_I64 = ctypes.c_int64
_STREAM_NAME = b"arrow_array_stream"
_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_capsule_pointer.restype = _P


class NativeFailed(RuntimeError):
    """The compiled path could not fingerprint a column (out of memory, not strings)."""


def library_path() -> Path:
    """Where `scripts/setup.sh` puts the library built from today's source."""
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in SOURCES)).hexdigest()
    return BUILD_DIR / f"fingerprints-{digest[:16]}.so"


@lru_cache(maxsize=1)
def _lib() -> ctypes.CDLL | None:
    if os.environ.get(ENGINE_ENV, "").strip().lower() == "python":
        return None
    path = library_path()
    if not path.is_file():
        log.warning("fingerprints: %s not built (bash scripts/setup.sh); using Python", path.name)
        return None
    try:
        lib = ctypes.CDLL(str(path))
    except OSError as error:
        log.warning("fingerprints: %s does not load (%s); using Python", path.name, error)
        return None
    lib.fp_abi.restype = ctypes.c_int32
    if lib.fp_abi() != ABI:
        log.warning("fingerprints: %s has another ABI; using Python", path.name)
        return None
    lib.fp_unicode_version.restype = ctypes.c_char_p
    lib.fp_config_new.restype = _P
    lib.fp_config_new.argtypes = [_P, ctypes.c_uint64, _P, _P, _I64, _I64]
    lib.fp_config_free.argtypes = [_P]
    lib.fp_column_new.restype = _P
    lib.fp_column_new.argtypes = [_P, _P]
    lib.fp_column_free.argtypes = [_P]
    lib.fp_column_rows.restype = _I64
    lib.fp_column_rows.argtypes = [_P]
    lib.fp_run.restype = ctypes.c_int32
    lib.fp_run.argtypes = [_P, _P, _I64, _I64, ctypes.c_int32, _P, _P, _P, _P, _P, _P]
    return lib


def available() -> bool:
    """Whether the compiled path is built and loads (and is not turned off)."""
    return _lib() is not None


def unicode_version() -> str:
    """The Unicode version of the tables the library was built with."""
    lib = _lib()
    return lib.fp_unicode_version().decode() if lib is not None else ""


class _Config:
    """The C configuration of one (key, seed): the BLAKE2b key block is compressed once."""

    def __init__(self, key: bytes, seed: int) -> None:
        lib = _lib()
        assert lib is not None
        codes = np.array([ord(ch) for marker in MARKERS for ch in marker], dtype=np.uint32)
        ends = np.cumsum([len(marker) for marker in MARKERS]).astype(np.int64)
        self.pointer = lib.fp_config_new(
            key, seed, codes.ctypes.data, ends.ctypes.data, len(MARKERS), MIN_CHARS
        )
        if not self.pointer:
            raise NativeFailed("out of memory")
        self._free = lib.fp_config_free  # held, so freeing works at interpreter exit too

    def __del__(self) -> None:
        if getattr(self, "pointer", None):
            self._free(self.pointer)


@lru_cache(maxsize=4)
def _config(key: bytes, seed: int) -> _Config:
    return _Config(key, seed)


@dataclass
class Arrays:
    """The raw results of one column, row for row (see `frames.fingerprint_frame`)."""

    keyed: np.ndarray
    signature: np.ndarray
    shingles: np.ndarray
    numbers: np.ndarray
    flags: np.ndarray
    chars: np.ndarray

    @classmethod
    def empty(cls, rows: int) -> Arrays:
        return cls(
            keyed=np.zeros(rows, np.int64),
            signature=np.zeros((rows, WORDS), np.int64),
            shingles=np.zeros(rows, np.int32),
            numbers=np.zeros(rows, np.int64),
            flags=np.zeros(rows, np.uint8),
            chars=np.zeros(rows, np.int32),
        )


def _run(texts: pl.Series, key: bytes, seed: int, *, assume_nfc: bool, threads: int) -> Arrays:
    lib = _lib()
    assert lib is not None
    config = _config(key, seed)
    stream = texts.rechunk().__arrow_c_stream__()
    error = ctypes.c_int32(0)
    column = lib.fp_column_new(_capsule_pointer(stream, _STREAM_NAME), ctypes.byref(error))
    if not column:
        raise NativeFailed(f"column not read (code {error.value})")
    try:
        rows = lib.fp_column_rows(column)
        out = Arrays.empty(rows)
        pointers = [
            out.keyed.ctypes.data,
            out.signature.ctypes.data,
            out.shingles.ctypes.data,
            out.numbers.ctypes.data,
            out.flags.ctypes.data,
            out.chars.ctypes.data,
        ]
        # Ranges of ~64k rows spread over the threads; ctypes releases the GIL in each call.
        step = max(1, min(65_536, -(-rows // max(1, threads))))
        ranges = [(start, min(rows, start + step)) for start in range(0, rows, step)]

        def one(bounds: tuple[int, int]) -> int:
            return int(lib.fp_run(config.pointer, column, *bounds, int(assume_nfc), *pointers))

        if threads > 1 and len(ranges) > 1:
            with ThreadPoolExecutor(threads) as pool:
                codes = list(pool.map(one, ranges))
        else:
            codes = [one(bounds) for bounds in ranges]
        if any(codes):
            raise NativeFailed("out of memory")
        return out
    finally:
        lib.fp_column_free(column)


def fingerprint_arrays(texts: pl.Series, key: bytes, seed: int, *, threads: int = 2) -> Arrays:
    """Fingerprint every string of `texts`; rows holding a character NFC may change are put
    in NFC (by polars) and fingerprinted again."""
    out = _run(texts, key, seed, assume_nfc=False, threads=threads)
    again = np.flatnonzero(out.flags & ROW_NEEDS_NFC)
    if again.size:
        redo = _run(texts.gather(again).str.normalize("NFC"), key, seed, assume_nfc=True, threads=1)
        for name in ("keyed", "signature", "shingles", "numbers", "flags", "chars"):
            getattr(out, name)[again] = getattr(redo, name)
    return out
