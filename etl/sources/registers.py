"""Office registers: what came in on a group and what was done, stage by stage (IST times)."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, Rule, missing, reason, split_rows
from etl.sources.sheets.stages import duplicate_rule, load_time, stamp_rules, typed_stamps
from etl.sources.sheets.stamps import entry_keys
from etl.sources.sheets.values import category_code, coded
from sampark.i18n.vocab import REGISTER_CATEGORIES, REGISTER_STATUSES, written_forms

RAW = [
    "unit_id",
    "group_id",
    "received_at",
    "reporter_category",
    "category",
    "summary",
    "cognizance_at",
    "fir_no",
    "fir_at",
    "action",
    "action_at",
    "arrests",
    "closed_at",
    "status",
]

# Workflow order: each stage may not come before the one preceding it.
STAGES = [
    ("received_at", "received at"),
    ("cognizance_at", "cognizance at"),
    ("fir_at", "FIR at"),
    ("action_at", "action at"),
    ("closed_at", "closed at"),
]

CATEGORY_FORMS = written_forms(
    REGISTER_CATEGORIES,
    {"missing": "missing_person", "गुमशुदा": "missing_person", "rumor": "rumour", "लूट": "theft"},
)
STATUS_FORMS = written_forms(
    REGISTER_STATUSES,
    {"pending": "open", "बंद": "closed", "disposed": "closed", "under action": "in_progress"},
)

# What makes two rows the same entry, wherever they come from.
KEY_FIELDS = ["unit_id", "received_at_ts", "category_code", "fir_no"]


def _rules(known: Known) -> list[Rule]:
    """Why a typed register row is refused, in the order the reasons are given."""
    unknown_category = "unknown category '{}'; expected one of " + ", ".join(REGISTER_CATEGORIES)
    return [
        missing("unit_id", "Unit ID"),
        (
            ~pl.col("unit_id").is_in(list(known.unit_ids)),
            reason("unknown unit {}", pl.col("unit_id")),
        ),
        (
            pl.col("group_id").is_not_null() & ~pl.col("group_id").is_in(list(known.group_ids)),
            reason("unknown group {}", pl.col("group_id")),
        ),
        missing("received_at", "Received at"),
        *stamp_rules(STAGES, load_time(known)),
        missing("category", "Category"),
        (pl.col("category_code").is_null(), reason(unknown_category, pl.col("category"))),
        (
            pl.col("reporter_category").is_not_null() & pl.col("reporter_code").is_null(),
            reason("unknown reporter category '{}'", pl.col("reporter_category")),
        ),
        (
            pl.col("arrests").is_not_null() & pl.col("n_arrests").is_null(),
            reason("arrests '{}' is not a whole number", pl.col("arrests")),
        ),
        (
            pl.col("status").is_not_null() & pl.col("status_code").is_null(),
            reason("unknown status '{}'; expected open, in_progress or closed", pl.col("status")),
        ),
        (
            pl.col("closed_at_ts").is_not_null()
            & pl.col("status_code").is_not_null()
            & (pl.col("status_code") != "closed"),
            reason("status '{}' but a Closed at time is given", pl.col("status")),
        ),
        (
            (pl.col("status_code") == "closed") & pl.col("closed_at_ts").is_null(),
            pl.lit("status closed but no Closed at time"),
        ),
        duplicate_rule("entry"),
    ]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid register rows, typed, each with its `entry_key`; rejects with reasons."""
    typed = typed_stamps(frame, STAGES).with_columns(
        coded("category", CATEGORY_FORMS).alias("category_code"),
        category_code("reporter_category").alias("reporter_code"),
        coded("status", STATUS_FORMS).alias("status_code"),
        pl.col("arrests").str.extract(r"^(\d{1,4})(?:\.0+)?$", 1).cast(pl.Int32).alias("n_arrests"),
    )
    typed = typed.with_columns(entry_keys(typed, KEY_FIELDS))
    checked = split_rows(typed, RAW, _rules(known))
    rows = checked.rows.select(
        "line",
        "unit_id",
        "group_id",
        pl.col("received_at_ts").alias("received_at"),
        pl.col("reporter_code").alias("reporter_category"),
        pl.col("category_code").alias("category"),
        "summary",
        pl.col("cognizance_at_ts").alias("cognizance_at"),
        "fir_no",
        pl.col("fir_at_ts").alias("fir_at"),
        "action",
        pl.col("action_at_ts").alias("action_at"),
        pl.col("n_arrests").alias("arrests"),
        pl.col("closed_at_ts").alias("closed_at"),
        pl.coalesce(
            "status_code",
            pl.when(pl.col("closed_at_ts").is_not_null()).then(pl.lit("closed")),
            pl.when(pl.col("action_at_ts").is_not_null()).then(pl.lit("in_progress")),
            pl.lit("open"),
        ).alias("status"),
        "entry_key",
    )
    return Checked(rows=rows, rejects=checked.rejects)
