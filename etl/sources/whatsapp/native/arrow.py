"""C arrays handed to polars as Arrow columns, without a copy, through the Arrow PyCapsule
interface (which needs no pyarrow).
"""

from __future__ import annotations

import ctypes

import polars as pl

from etl.sources.whatsapp.native.library import (
    ARRAY_NAME,
    INT64,
    OK,
    SCHEMA_NAME,
    STRING_VIEW,
    VOID_P,
    NativeFailed,
    ViewsC,
    capsule_new,
    required_library,
)

# A string column's data buffer: (its shared owner, None, size) or (None, borrowed bytes, size).
StringData = tuple[int | None, bytes | None, int]


class _Capsules:
    """An Arrow column made in C, in the form `pl.Series` imports (the PyCapsule interface)."""

    def __init__(self, schema: object, array: object) -> None:
        self.capsules = (schema, array)

    def __arrow_c_array__(self, requested_schema: object = None) -> tuple[object, object]:
        return self.capsules


def arrow_column(
    kind: int,
    n: int,
    values: int | None,
    valid: int | None = None,
    nulls: int = 0,
    data: StringData = (None, None, 0),
    extra: tuple[int | None, int] = (None, 0),
) -> pl.Series:
    """A column over C arrays that it takes (`values`, `valid`; freed when polars drops the
    column). `data` is a string column's data buffer: (its shared owner, `wa_shared_new`,
    None, size) or (None, the bytes it borrows, which must outlive the column, size);
    `extra` a second one (shared owner, size)."""
    lib = required_library()
    schema, array = lib.wa_schema_new(), lib.wa_array_new()
    if not schema or not array:
        lib.wa_free(schema), lib.wa_free(array), lib.wa_free(values), lib.wa_free(valid)
        raise NativeFailed("out of memory")
    shared, pointer, size = data
    code = lib.wa_export(
        kind, n, values, valid, nulls, shared, pointer, size, *extra, schema, array
    )
    capsules = _Capsules(
        capsule_new(schema, SCHEMA_NAME, ctypes.cast(lib.wa_capsule_schema_free, VOID_P)),
        capsule_new(array, ARRAY_NAME, ctypes.cast(lib.wa_capsule_array_free, VOID_P)),
    )
    if code != OK:
        raise NativeFailed(f"export failed with code {code}")
    return pl.Series(capsules)


def _taken(holder: ctypes.Structure, name: str) -> int | None:
    """The C array `holder.name`, now the caller's to free (or to hand to `arrow_column`)."""
    pointer = getattr(holder, name)
    setattr(holder, name, None)
    return pointer  # type: ignore[no-any-return]


def int_column(holder: ctypes.Structure, name: str, n: int, kind: int = INT64) -> pl.Series:
    return arrow_column(kind, n, _taken(holder, name))


def str_column(
    views: ViewsC, n: int, data: StringData, extra: tuple[int | None, int] = (None, 0)
) -> pl.Series:
    nulls = int(views.nulls)
    body, valid = _taken(views, "views"), _taken(views, "valid")
    if not nulls:
        required_library().wa_free(valid)
        valid = None
    return arrow_column(STRING_VIEW, n, body, valid, nulls, data, extra)


def held_views(views: ViewsC) -> ViewsC:
    """The C arrays of `views`, moved into a new holder."""
    held = ViewsC(views.views, views.valid, views.nulls)
    views.views = views.valid = None
    return held
