"""Group member lists: a snapshot of who is in each group on the list's date."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.values import category_code, duplicate_of, parsed_date, parsed_flag
from sampark.phones import normalise_phones

RAW = ["group_id", "name", "phone", "category", "rank", "is_admin", "as_of"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid member rows with `person_id`, `category` code, `is_admin` and `as_of` date."""
    typed = frame.with_columns(
        normalise_phones(frame.get_column("phone")).alias("person_id"),
        category_code("category").alias("category_code"),
        parsed_flag("is_admin").alias("admin_flag"),
        parsed_date("as_of").alias("as_of_date"),
    )
    checked = split_rows(
        typed,
        RAW,
        [
            missing("group_id", "Group ID"),
            missing("phone", "Mobile number"),
            (
                pl.col("person_id").is_null(),
                reason("mobile '{}' is not a valid Indian number", pl.col("phone")),
            ),
            (
                ~pl.col("group_id").is_in(list(known.group_ids)),
                reason("unknown group {}", pl.col("group_id")),
            ),
            missing("category", "Category"),
            (
                pl.col("category_code").is_null(),
                reason("unknown category '{}'", pl.col("category")),
            ),
            (
                pl.col("admin_flag").is_null(),
                reason("admin must be yes or no, not '{}'", pl.col("is_admin")),
            ),
            (
                pl.col("as_of").is_not_null() & pl.col("as_of_date").is_null(),
                reason("list date '{}' is not a date (use dd-mm-yyyy)", pl.col("as_of")),
            ),
            (
                duplicate_of(["group_id", "person_id"]).is_not_null(),
                reason(
                    "duplicate member of {} (first on line {})",
                    pl.col("group_id"),
                    duplicate_of(["group_id", "person_id"]),
                ),
            ),
        ],
    )
    rows = checked.rows.select(
        "line",
        "group_id",
        "person_id",
        "name",
        pl.col("category_code").alias("category"),
        "rank",
        pl.col("admin_flag").alias("is_admin"),
        pl.col("as_of_date").alias("as_of"),
    )
    return Checked(rows=rows, rejects=checked.rejects)
