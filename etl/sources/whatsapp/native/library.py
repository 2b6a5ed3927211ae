"""The compiled core's library: where setup.sh builds it, loading it with ctypes, and the C
structures and codes it shares with Python (see `scan.c`).
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

from etl.sources.whatsapp.headers import Shape

SOURCE = Path(__file__).resolve().parent / "scan.c"
BUILD_DIR = Path(__file__).resolve().parents[4] / "build" / "native"
ABI = 3
log = logging.getLogger(__name__)

# Line flags (see the C file).
SHAPE, UNSURE, HEADLIKE, FFFD = 1, 2, 4, 8
OK, DIRTY, NOMEM, TOO_BIG = 0, 1, 2, 3
I64 = ctypes.c_int64
VOID_P = ctypes.c_void_p
# Column types of `wa_export`.
INT64, TIMESTAMP_US, UINT8, INT32, STRING_VIEW = range(5)
# PyCapsule keeps a pointer to its name: these bytes live as long as the module.
SCHEMA_NAME, ARRAY_NAME, STREAM_NAME = b"arrow_schema", b"arrow_array", b"arrow_array_stream"
capsule_new = ctypes.pythonapi.PyCapsule_New
capsule_new.argtypes = [VOID_P, ctypes.c_char_p, VOID_P]
capsule_new.restype = ctypes.py_object
capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
capsule_pointer.restype = VOID_P


class NativeFailed(RuntimeError):
    """The compiled core cannot read this file (out of memory, or a string too large for an
    Arrow string view); the caller reads it again with polars."""


class ShapeC(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_int32)
        for name in ("ob", "ds", "year_at", "dt", "tsep", "seconds", "has_ap", "post")
    ]


class StateC(ctypes.Structure):
    _fields_ = [
        ("prev_kept", I64),
        ("has_prev_kept", ctypes.c_int32),
        ("started", ctypes.c_int32),
    ]


class ViewsC(ctypes.Structure):
    _fields_ = [("views", VOID_P), ("valid", VOID_P), ("nulls", I64)]


class SegC(ctypes.Structure):
    _fields_ = [("scan", VOID_P), ("first", I64)]


class OutC(ctypes.Structure):
    _fields_ = [
        ("cut_seg", ctypes.c_int32),
        ("settled", ctypes.c_int32),
        ("cut_line", I64),
        ("state", StateC),
        ("n", I64),
        ("ts", VOID_P),
        ("line", VOID_P),
        ("odd", VOID_P),
        ("author", ViewsC),
        ("text", ViewsC),
        ("kind", ViewsC),
        ("rest", ViewsC),
        ("more", ViewsC),
        ("n_rej", I64),
        ("rej_line", VOID_P),
        ("rej_code", VOID_P),
        ("rej_ts", VOID_P),
        ("rej_other", VOID_P),
        ("rej_raw", ViewsC),
        ("n_body", I64),
        ("body_line", VOID_P),
        ("body_raw", ViewsC),
        ("body_text", ViewsC),
        ("copy", VOID_P),
        ("copy_len", I64),
    ]


def library_path() -> Path:
    """Where setup.sh puts the library built from the current source (or, for a build with
    sanitizers, `$SAMPARK_WHATSAPP_LIB`)."""
    if os.environ.get("SAMPARK_WHATSAPP_LIB"):
        return Path(os.environ["SAMPARK_WHATSAPP_LIB"])
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    return BUILD_DIR / f"whatsapp_scan-{digest}.so"


@lru_cache(maxsize=1)
def library_if_built() -> ctypes.CDLL | None:
    """The compiled library, loaded once; None when it is not built for this source, does not
    load, or `SAMPARK_WHATSAPP_ENGINE=polars` asks for polars."""
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
    _declare_signatures(lib)
    return lib


def _declare_signatures(lib: ctypes.CDLL) -> None:
    """The argument and result types of the C functions, and the capsule API they call."""
    lib.wa_scan.argtypes = [VOID_P, I64, I64, ctypes.POINTER(ShapeC), ctypes.c_int32, VOID_P]
    lib.wa_scan_free.argtypes = [VOID_P]
    lib.wa_scan_fix.argtypes = [VOID_P, I64, ctypes.POINTER(ShapeC), ctypes.c_int32, VOID_P, I64]
    lib.wa_scan_lines.argtypes = [VOID_P]
    lib.wa_scan_lines.restype = I64
    lib.wa_scan_count.argtypes = [VOID_P, ctypes.c_uint8]
    lib.wa_scan_count.restype = I64
    lib.wa_scan_select.argtypes = [VOID_P, ctypes.c_uint8, VOID_P, VOID_P, VOID_P, I64]
    lib.wa_scan_select.restype = I64
    lib.wa_block_dates.argtypes = [VOID_P, ctypes.c_int32, VOID_P]
    lib.wa_scan_views.argtypes = [VOID_P, VOID_P, VOID_P]
    lib.wa_scan_mark.argtypes = [VOID_P, VOID_P, ctypes.c_int32]
    lib.wa_settle.argtypes = [
        VOID_P,
        ctypes.c_int32,
        ctypes.c_int32,
        VOID_P,
        ctypes.c_int32,
        VOID_P,
    ]
    lib.wa_out_free.argtypes = [VOID_P]
    lib.wa_free.argtypes = [VOID_P]
    lib.wa_shared_new.argtypes = [VOID_P]
    lib.wa_shared_new.restype = VOID_P
    lib.wa_shared_release.argtypes = [VOID_P]
    lib.wa_shared_retain.argtypes = [VOID_P]
    lib.wa_shared_copy.argtypes = [VOID_P, I64]
    lib.wa_shared_copy.restype = VOID_P
    lib.wa_views_fill.argtypes = [VOID_P, VOID_P, I64, VOID_P, VOID_P, VOID_P, ctypes.c_int32]
    lib.wa_export.argtypes = [
        ctypes.c_int32,
        I64,
        VOID_P,
        VOID_P,
        I64,
        VOID_P,
        VOID_P,
        I64,
        VOID_P,
        I64,
        VOID_P,
        VOID_P,
    ]
    lib.wa_schema_new.restype = VOID_P
    lib.wa_array_new.restype = VOID_P
    lib.wa_set_capsule_api.argtypes = [VOID_P]
    lib.wa_set_capsule_api(ctypes.cast(capsule_pointer, VOID_P))
    lib.wa_scan_mark_stream.argtypes = [VOID_P, VOID_P, ctypes.c_int32]


def available() -> bool:
    """Whether the compiled core is built for this source and loads."""
    return library_if_built() is not None


def required_library() -> ctypes.CDLL:
    lib = library_if_built()
    if lib is None:
        raise NativeFailed("the compiled chat parser is not available")
    return lib


def shape_c(shape: Shape) -> ShapeC:
    ob, ds, year_at, dt, tsep, seconds, ap, post = shape.text.split("|")
    return ShapeC(
        ob=int(ob == "["),
        ds=ord(ds),
        year_at=("y..", ".y.", "..y").index(year_at),
        dt=(", ", ",", " klo ", " ").index(dt),
        tsep=ord(tsep),
        seconds=int(seconds == "true"),
        has_ap=int(ap == "true"),
        post=("]", "] ", " - ", ": ", " ").index(post),
    )
