"""The unit hierarchy sheet: state → range → district → circle → thana → outpost, and others."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.values import coded, duplicate_of
from sampark.schema import UNIT_KINDS

KIND_LABELS: dict[str, str] = {
    **{k.replace("_", ""): k for k in UNIT_KINDS},
    "राज्य": "state",
    "जोन": "zone",
    "क्षेत्र": "range",
    "रेंज": "range",
    "जिला": "district",
    "सर्किल": "circle",
    "अंचल": "circle",
    "ps": "thana",
    "policestation": "thana",
    "थाना": "thana",
    "op": "outpost",
    "ओपी": "outpost",
    "चौकी": "outpost",
    "प्रभाग": "division",
    "पुलिसकेंद्र": "police_centre",
}

# Parents before children, so each insert finds its parent already written.
KIND_DEPTH = {kind: depth for depth, kind in enumerate(UNIT_KINDS)}

RAW = ["unit_id", "kind", "name", "name_hi", "parent_id"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid unit rows, parents resolvable in the database or in this sheet, parents first."""
    typed = frame.with_columns(coded("kind", KIND_LABELS).alias("kind_code"))
    first = split_rows(
        typed,
        RAW,
        [
            missing("unit_id", "Unit ID"),
            missing("name", "Name"),
            (
                pl.col("kind_code").is_null(),
                reason(
                    "unknown unit kind '{}'; expected one of " + ", ".join(UNIT_KINDS),
                    pl.col("kind"),
                ),
            ),
            (
                duplicate_of(["unit_id"]).is_not_null(),
                reason(
                    "duplicate Unit ID {} (first on line {})",
                    pl.col("unit_id"),
                    duplicate_of(["unit_id"]),
                ),
            ),
            (pl.col("parent_id") == pl.col("unit_id"), pl.lit("a unit cannot be its own parent")),
        ],
    )
    rows, rejects = first.rows, [first.rejects]
    # A parent rejected above takes its children with it; repeat until nothing changes.
    while True:
        resolvable = known.unit_ids | frozenset(rows.get_column("unit_id").to_list())
        orphan = pl.col("parent_id").is_not_null() & ~pl.col("parent_id").is_in(list(resolvable))
        step = split_rows(
            rows,
            RAW,
            [
                (orphan, reason("unknown parent unit {}", pl.col("parent_id"))),
            ],
        )
        rows = step.rows
        rejects.append(step.rejects)
        if step.rejects.height == 0:
            break
    rows = (
        rows.with_columns(pl.col("kind_code").replace_strict(KIND_DEPTH).alias("_depth"))
        .sort("_depth", "line")
        .select(
            "line", "unit_id", pl.col("kind_code").alias("kind"), "name", "name_hi", "parent_id"
        )
    )
    return Checked(rows=rows, rejects=pl.concat(rejects))
