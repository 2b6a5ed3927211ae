"""The register of WhatsApp groups: one row per group, tied to the unit that runs it."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.values import coded, duplicate_of, parsed_date
from sampark.phones import normalise_phones
from sampark.schema import GROUP_KINDS

KIND_LABELS = {k.replace("_", ""): k for k in GROUP_KINDS}

RAW = ["group_id", "unit_id", "kind", "name", "admin_phone", "created_on"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    typed = frame.with_columns(
        coded("kind", KIND_LABELS).alias("kind_code"),
        normalise_phones(frame.get_column("admin_phone")).alias("admin_e164"),
        parsed_date("created_on").alias("created_date"),
    )
    checked = split_rows(
        typed,
        RAW,
        [
            missing("group_id", "Group ID"),
            missing("name", "Group name"),
            missing("unit_id", "Unit ID"),
            (
                ~pl.col("unit_id").is_in(list(known.unit_ids)),
                reason("unknown unit {}", pl.col("unit_id")),
            ),
            (
                pl.col("kind_code").is_null(),
                reason(
                    "unknown group kind '{}'; expected one of " + ", ".join(GROUP_KINDS),
                    pl.col("kind"),
                ),
            ),
            (
                pl.col("admin_phone").is_not_null() & pl.col("admin_e164").is_null(),
                reason("admin mobile '{}' is not a valid Indian number", pl.col("admin_phone")),
            ),
            (
                pl.col("created_on").is_not_null() & pl.col("created_date").is_null(),
                reason("created on '{}' is not a date (use dd-mm-yyyy)", pl.col("created_on")),
            ),
            (
                duplicate_of(["group_id"]).is_not_null(),
                reason(
                    "duplicate Group ID {} (first on line {})",
                    pl.col("group_id"),
                    duplicate_of(["group_id"]),
                ),
            ),
        ],
    )
    rows = checked.rows.select(
        "line",
        "group_id",
        "unit_id",
        pl.col("kind_code").alias("kind"),
        "name",
        pl.col("admin_e164").alias("admin_phone"),
        pl.col("created_date").alias("created_on"),
    )
    return Checked(rows=rows, rejects=checked.rejects)
