"""Frames shaped for people: headers in the reader's language, names in their script."""

from __future__ import annotations

import polars as pl

from sampark.i18n import t

COVERAGE_COLUMNS = {
    "members": "col_members",
    "member_floor": "col_needed",
    "groups_present": "col_groups_present",
    "groups_required": "col_groups_required",
    "thanas_at_target": "col_thanas_ok",
    "thanas": "col_thanas",
    "outposts_at_target": "col_outposts_ok",
    "outposts": "col_outposts",
    "staff_connected": "col_staff_connected",
    "staff": "col_staff",
    "blocklisted_in_public": "col_blocklisted",
}


def unit_label(units: pl.DataFrame, unit_id: str | None, lang: str) -> str | None:
    if unit_id is None:
        return None
    row = units.filter(pl.col("unit_id") == unit_id).select("name", "name_hi").row(0)
    return str(row[1] or row[0]) if lang == "hi" else str(row[0])


def coverage_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    return frame.select(
        name.alias(t("col_unit", lang)),
        *(pl.col(c).alias(t(key, lang)) for c, key in COVERAGE_COLUMNS.items()),
    )
