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

`library` loads the compiled library, `scanned` scans a block, `window` settles windows of
lines across blocks, `held` keeps a window's columns in C until its odd rows are classified, and
`arrow` hands C arrays to polars. This module names what the parser uses of them.
"""

from __future__ import annotations

from etl.sources.whatsapp.native.held import HeldPlain
from etl.sources.whatsapp.native.library import (
    FFFD,
    HEADLIKE,
    SHAPE,
    UNSURE,
    NativeFailed,
    available,
    library_path,
)
from etl.sources.whatsapp.native.scanned import Scan, scanned
from etl.sources.whatsapp.native.window import Settled, Window

__all__ = [
    "FFFD",
    "HEADLIKE",
    "SHAPE",
    "UNSURE",
    "HeldPlain",
    "NativeFailed",
    "Scan",
    "Settled",
    "Window",
    "available",
    "library_path",
    "scanned",
]
