"""People who must not be in public groups (touts, history-sheeters), with the reason."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.values import duplicate_of
from sampark.phones import normalise_phones

RAW = ["phone", "name", "reason", "unit_id"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    typed = frame.with_columns(normalise_phones(frame.get_column("phone")).alias("person_id"))
    checked = split_rows(
        typed,
        RAW,
        [
            missing("phone", "Mobile number"),
            (
                pl.col("person_id").is_null(),
                reason("mobile '{}' is not a valid Indian number", pl.col("phone")),
            ),
            missing("reason", "Reason"),
            (
                pl.col("unit_id").is_not_null() & ~pl.col("unit_id").is_in(list(known.unit_ids)),
                reason("unknown unit {}", pl.col("unit_id")),
            ),
            (
                duplicate_of(["person_id"]).is_not_null(),
                reason("duplicate of line {}", duplicate_of(["person_id"])),
            ),
        ],
    )
    rows = checked.rows.select("line", "person_id", "name", "reason", "unit_id")
    return Checked(rows=rows, rejects=checked.rejects)
