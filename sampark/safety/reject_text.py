"""Reasons stored by earlier versions, shown without the row-1 cells they quoted (pure).

Before row 1 was withheld, a file without a recognisable header was refused with "found: " and
its row 1, which for an alerts sheet saved without its header was a person's name, mobile, IP
address and post. Databases loaded then still hold those reasons; they are shown cut here.

>>> withheld_row_1("no recognisable header (found: Asha, 98765 12345); expected units: Unit ID")
'no recognisable header in row 1 (not shown); expected units: Unit ID'
>>> withheld_row_1("file rejected: a alerts sheet needs the columns Outcome (परिणाम); found: Asha")
'file rejected: a alerts sheet needs the columns Outcome (परिणाम); row 1 not shown'
>>> withheld_row_1("unknown unit BR-X")
'unknown unit BR-X'
"""

from __future__ import annotations

import re

import polars as pl

from sampark.rowwise import through

# Greedy to the last "); expected": a quoted cell may itself hold "); ".
_UNKNOWN_KIND = re.compile(r"no recognisable header \(found: .*\); expected", re.DOTALL)
_MISSING_COLUMNS = re.compile(r"( sheet needs the columns .*?); found: .*$", re.DOTALL)


def withheld_row_1(reason: str) -> str:
    """`reason` with the row-1 cells an earlier version quoted taken out."""
    reason = _UNKNOWN_KIND.sub("no recognisable header in row 1 (not shown); expected", reason)
    return _MISSING_COLUMNS.sub(r"\1; row 1 not shown", reason)


def withheld_row_1_in(values: pl.Series) -> pl.Series:
    """Vectorised `withheld_row_1`; only reasons with "found: " are looked at one by one."""
    old = values.str.contains("found: ", literal=True).fill_null(False)
    if not old.any():
        return values
    cut = through(values.filter(old), withheld_row_1, pl.String)  # see sampark.rowwise
    return values.scatter(old.arg_true(), cut)
