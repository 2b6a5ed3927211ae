"""Rules shared by the sheets whose rows carry stage times (registers, alerts)."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from etl.sources.checks import Known, Rule, reason
from etl.sources.sheets.stamps import ist_now, stamps_of

TIME_HINT = "use dd-mm-yyyy hh:mm"


def load_time(known: Known) -> datetime:
    return known.now if known.now is not None else ist_now()


def typed_stamps(frame: pl.DataFrame, stages: list[tuple[str, str]]) -> pl.DataFrame:
    """Each stage column parsed into `<column>_ts` (naive IST)."""
    return frame.with_columns(
        stamps_of(frame.get_column(col)).alias(f"{col}_ts") for col, _ in stages
    )


def _shown(column: str) -> pl.Expr:
    return pl.col(column).dt.strftime("%d-%m-%Y %H:%M")


def stamp_rules(stages: list[tuple[str, str]], now: datetime) -> list[Rule]:
    """Unreadable times, times after `now`, and a stage before the stage that precedes it.

    `stages` is in workflow order as (column, label); a blank stage is skipped, so each stage
    is compared with the nearest earlier stage that has a time."""
    rules: list[Rule] = []
    for col, label in stages:
        rules.append(
            (
                pl.col(col).is_not_null() & pl.col(f"{col}_ts").is_null(),
                reason(f"{label} '{{}}' is not a time ({TIME_HINT})", pl.col(col)),
            )
        )
    for col, label in stages:
        rules.append(
            (
                pl.col(f"{col}_ts") > pl.lit(now, dtype=pl.Datetime("us")),
                reason(f"{label} {{}} is in the future", _shown(f"{col}_ts")),
            )
        )
    for i, (col, label) in enumerate(stages[1:], start=1):
        earlier = stages[:i][::-1]
        before = pl.coalesce([pl.col(f"{c}_ts") for c, _ in earlier]).dt.strftime("%d-%m-%Y %H:%M")
        before_label = pl.coalesce(
            [pl.when(pl.col(f"{c}_ts").is_not_null()).then(pl.lit(lab)) for c, lab in earlier]
        )
        rules.append(
            (
                pl.col(f"{col}_ts") < pl.coalesce([pl.col(f"{c}_ts") for c, _ in earlier]),
                reason(
                    f"stage times out of order: {label} {{}} is before {{}} {{}}",
                    _shown(f"{col}_ts"),
                    before_label,
                    before,
                ),
            )
        )
    return rules


def duplicate_rule(what: str) -> Rule:
    """A row whose entry_key an earlier line of the same file already has."""
    first = pl.col("line").min().over("entry_key")
    return (
        pl.col("line") != first,
        reason(f"duplicate {what} (same as line {{}})", first),
    )
