"""The police staff roster: who serves where, so coverage can ask who is in no group."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.values import duplicate_of
from sampark.phones import normalise_phones

RAW = ["staff_id", "name", "rank", "unit_id", "phone"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    typed = frame.with_columns(normalise_phones(frame.get_column("phone")).alias("person_id"))
    checked = split_rows(
        typed,
        RAW,
        [
            missing("staff_id", "Staff ID"),
            missing("name", "Name"),
            missing("rank", "Rank"),
            missing("phone", "Mobile number"),
            (
                pl.col("person_id").is_null(),
                reason("mobile '{}' is not a valid Indian number", pl.col("phone")),
            ),
            (
                ~pl.col("unit_id").is_in(list(known.unit_ids)),
                reason("unknown unit {}", pl.col("unit_id")),
            ),
            (
                duplicate_of(["staff_id"]).is_not_null(),
                reason(
                    "duplicate Staff ID {} (first on line {})",
                    pl.col("staff_id"),
                    duplicate_of(["staff_id"]),
                ),
            ),
        ],
    )
    rows = checked.rows.select("line", "staff_id", "name", "rank", "unit_id", "person_id")
    return Checked(rows=rows, rejects=checked.rejects)
