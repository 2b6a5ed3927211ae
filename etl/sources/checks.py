"""Splitting a sheet's rows into valid rows and rejects with a reason each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

Rule = tuple[pl.Expr, pl.Expr]
"""(the row is bad when this is true, the reason as a string expression)."""


@dataclass(frozen=True)
class Known:
    """What the database already holds that a sheet's rows may refer to."""

    unit_ids: frozenset[str] = field(default_factory=frozenset)
    group_ids: frozenset[str] = field(default_factory=frozenset)
    now: datetime | None = None
    """The load time in IST (naive); a time after it is in the future. None: the clock now."""
    unit_tree: pl.DataFrame | None = None
    """unit_id, kind, parent_id of the units already loaded; read for a units sheet only."""


@dataclass(frozen=True)
class Checked:
    """A sheet after checking: typed valid rows and `line`/`reason`/`raw` rejects."""

    rows: pl.DataFrame
    rejects: pl.DataFrame


REJECT_SCHEMA = {"line": pl.Int64, "reason": pl.String, "raw": pl.String}


def reason(text: str, *values: pl.Expr) -> pl.Expr:
    """A reason string; each `{}` in `text` is filled from the matching expression."""
    pieces = text.split("{}")
    parts: list[pl.Expr] = [pl.lit(pieces[0])]
    for value, piece in zip(values, pieces[1:], strict=True):
        parts += [value.cast(pl.String).fill_null(""), pl.lit(piece)]
    return pl.concat_str(parts)


def missing(column: str, label: str) -> Rule:
    return pl.col(column).is_null(), pl.lit(f"missing {label}")


def first_reason(rules: list[Rule]) -> pl.Expr:
    """The reason of the first rule a row breaks, null for a good row."""
    if not rules:
        return pl.lit(None, dtype=pl.String)
    return pl.coalesce([pl.when(condition).then(text) for condition, text in rules])


def split_rows(frame: pl.DataFrame, raw_columns: list[str], rules: list[Rule]) -> Checked:
    """Rows breaking no rule, and rejects carrying the first broken rule and the raw cells."""
    marked = frame.with_columns(first_reason(rules).alias("_reason"))
    bad = marked.filter(pl.col("_reason").is_not_null()).select(
        "line",
        pl.col("_reason").alias("reason"),
        pl.concat_str([pl.col(c).fill_null("") for c in raw_columns], separator=" | ").alias("raw"),
    )
    good = marked.filter(pl.col("_reason").is_null()).drop("_reason")
    return Checked(rows=good, rejects=bad.cast(REJECT_SCHEMA))  # type: ignore[arg-type]


def merged(first: Checked, later: Checked) -> Checked:
    """Rejects of both passes; rows of the later pass."""
    return Checked(rows=later.rows, rejects=pl.concat([first.rejects, later.rejects]))
