"""A table as a reader sees it on screen: whole numbers grouped the reader's way (lakhs and
crores in Hindi), shares as percentages, and an empty cell as a dash rather than a word. The
same table goes to downloads with its own types, so a spreadsheet still adds up."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from sampark.i18n import indian_grouping

DASH = "—"


def _group(lang: str) -> Callable[[int], str]:
    return indian_grouping if lang == "hi" else "{:,}".format


def share_columns(frame: pl.DataFrame) -> list[str]:
    """Float columns holding shares: every value between 0 and 1 and the name says share
    (`%`, "share", "within", "rate" in either language) — a fraction is never shown raw."""
    marks = ("%", "share", "within", "rate", "हिस्सा", "भीतर", "दर", "अनुपात")
    return [
        c
        for c, dtype in frame.schema.items()
        if dtype.is_float() and any(m in c.lower() for m in marks)
    ]


def for_screen(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """`frame` with integer columns as grouped text, share columns as percentages and nulls in
    text columns as a dash.

    >>> shown = for_screen(
    ...     pl.DataFrame({"Members": [245000, None], "Active share": [0.2764, None],
    ...                   "Name": ["Patna", None]}), "hi")
    >>> shown.rows()
    [('2,45,000', '27.6%', 'Patna'), ('—', '—', '—')]
    """
    group = _group(lang)
    shares = set(share_columns(frame))
    exprs = []
    for column, dtype in frame.schema.items():
        col = pl.col(column)
        if dtype.is_integer():
            text = col.map_elements(group, return_dtype=pl.String, skip_nulls=True)
            exprs.append(text.fill_null(DASH))
        elif column in shares:
            text = col.map_elements(
                lambda x: f"{100 * x:.1f}%", return_dtype=pl.String, skip_nulls=True
            )
            exprs.append(text.fill_null(DASH))
        elif dtype == pl.String:
            exprs.append(col.fill_null(DASH))
    return frame.with_columns(exprs) if exprs else frame


def numeric_columns(frame: pl.DataFrame) -> list[str]:
    """Columns that hold numbers (shown right-aligned, as figures are)."""
    return [c for c, dtype in frame.schema.items() if dtype.is_numeric()]
