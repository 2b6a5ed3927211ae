"""A table as a reader sees it on screen: figures grouped the reader's way (lakhs and crores in
Hindi), decimals to one place, and an empty cell as a dash rather than a word ("None"). The
same table goes to downloads with its own types, so a spreadsheet still adds up."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from sampark.i18n import indian_grouping
from sampark.rowwise import through

DASH = "—"


def grouped_number(x: float, lang: str, places: int = 0) -> str:
    """A figure grouped the reader's way with `places` decimals.

    >>> grouped_number(1234567, "hi"), grouped_number(1234567, "en"), grouped_number(-2.35, "hi", 1)
    ('12,34,567', '1,234,567', '-2.4')
    """
    if lang != "hi":
        return f"{x:,.{places}f}"
    text = f"{abs(x):.{places}f}"
    whole, _, decimals = text.partition(".")
    sign = "-" if x < 0 and text.strip("0.") else ""
    return sign + indian_grouping(int(whole)) + (f".{decimals}" if decimals else "")


def _writer(lang: str, places: int) -> Callable[[float], str]:
    return lambda x: grouped_number(x, lang, places)


def for_screen(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """`frame` with whole numbers as grouped text, decimals as grouped text to one place, and
    empty cells of those and of text columns as a dash.

    >>> shown = for_screen(
    ...     pl.DataFrame({"Members": [245000, None], "Hours": [17.25, None],
    ...                   "Name": ["Patna", None]}), "hi")
    >>> shown.rows()
    [('2,45,000', '17.2', 'Patna'), ('—', '—', '—')]
    """
    exprs: list[pl.Expr | pl.Series] = []
    for column, dtype in frame.schema.items():
        col = pl.col(column)
        if dtype.is_numeric():
            write = _writer(lang, 0 if dtype.is_integer() else 1)
            # Each value through Python in this thread (see sampark.rowwise: no polars
            # worker may wait for the GIL while officers' script threads call polars).
            exprs.append(through(frame.get_column(column), write, pl.String).fill_null(DASH))
        elif dtype == pl.String:
            exprs.append(col.fill_null(DASH))
        elif dtype == pl.Date:
            exprs.append(col.dt.strftime("%d-%m-%Y").fill_null(DASH))
    return frame.with_columns(exprs) if exprs else frame


def numeric_columns(frame: pl.DataFrame) -> list[str]:
    """Columns that hold numbers (shown right-aligned, as figures are)."""
    return [c for c, dtype in frame.schema.items() if dtype.is_numeric()]
