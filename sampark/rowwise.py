"""A Python function over a column, one value at a time, in the calling thread.

Why not polars' `map_elements`: inside an expression polars runs the function on its own
worker threads, each taking Python's GIL for every value. The dashboard runs one script thread
per officer, all calling polars at once; a worker waiting for the GIL while the GIL's holder
waits for the workers stops the whole server (seen under load at state scale: every script
thread parked, the server answering nothing). A plain loop here needs no polars worker, so no
polars worker ever waits for the GIL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl


def through(
    series: pl.Series,
    fn: Callable[[Any], Any],
    dtype: pl.DataType | type[pl.DataType],
    *,
    skip_nulls: bool = True,
) -> pl.Series:
    """`fn` of each value of `series` (nulls stay null unless `skip_nulls` is False), same name.

    >>> through(pl.Series("n", [1, None, 3]), lambda x: x * 10, pl.Int64).to_list()
    [10, None, 30]
    """
    values = [None if v is None and skip_nulls else fn(v) for v in series.to_list()]
    return pl.Series(series.name, values, dtype=dtype)
