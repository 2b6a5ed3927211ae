"""Self-harm alerts from social media, stage by stage until police reach the person (IST).

The person's name, mobile, IP address and the post's text are stored for the alert-handling
roles only; nothing here puts them into a reason or a reject's raw cells."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.stages import duplicate_rule, load_time, stamp_rules, typed_stamps
from etl.sources.sheets.stamps import entry_keys
from etl.sources.sheets.values import coded
from sampark.i18n.vocab import ALERT_OUTCOMES, ALERT_PLATFORMS, written_forms
from sampark.phones import normalise_phones

# Restricted cells stay out of the rejects table, which the Data page shows to everyone.
RAW = ["platform", "received_at", "traced_at", "forwarded_at", "contacted_at", "outcome", "unit_id"]

STAGES = [
    ("received_at", "received at"),
    ("traced_at", "traced at"),
    ("forwarded_at", "forwarded at"),
    ("contacted_at", "contacted at"),
]

OUTCOME_FORMS = written_forms(
    ALERT_OUTCOMES,
    {
        "reached": "reached_counselled",
        "counselled": "reached_counselled",
        "सुरक्षित": "reached_counselled",
        "not traced": "not_traceable",
        "untraceable": "not_traceable",
        "switched off": "phone_off",
        "mobile off": "phone_off",
        "मोबाइल बंद": "phone_off",
        "out of state": "other_state",
        "अन्य राज्य": "other_state",
    },
)
PLATFORM_FORMS = written_forms(
    ALERT_PLATFORMS, {"fb": "facebook", "twitter": "x", "insta": "instagram"}
)

KEY_FIELDS = ["platform_code", "received_at_ts", "subject_e164", "subject_ip", "post_text"]


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid alert rows, typed, each with its `entry_key`; rejects with reasons."""
    typed = typed_stamps(frame, STAGES).with_columns(
        coded("outcome", OUTCOME_FORMS).alias("outcome_code"),
        coded("platform", PLATFORM_FORMS).alias("platform_code"),
        normalise_phones(frame.get_column("subject_phone")).alias("subject_e164"),
    )
    typed = typed.with_columns(entry_keys(typed, KEY_FIELDS))
    checked = split_rows(
        typed,
        RAW,
        [
            missing("platform", "Platform"),
            (
                pl.col("platform_code").is_null(),
                reason(
                    "unknown platform '{}'; expected one of " + ", ".join(ALERT_PLATFORMS),
                    pl.col("platform"),
                ),
            ),
            missing("received_at", "Received at"),
            *stamp_rules(STAGES, load_time(known)),
            (
                pl.col("unit_id").is_not_null() & ~pl.col("unit_id").is_in(list(known.unit_ids)),
                reason("unknown unit {}", pl.col("unit_id")),
            ),
            (
                pl.col("outcome").is_not_null() & pl.col("outcome_code").is_null(),
                reason(
                    "unknown outcome '{}'; expected one of " + ", ".join(ALERT_OUTCOMES),
                    pl.col("outcome"),
                ),
            ),
            (
                pl.col("subject_phone").is_not_null() & pl.col("subject_e164").is_null(),
                pl.lit("the person's mobile is not a valid Indian number"),
            ),
            duplicate_rule("alert"),
        ],
    )
    rows = checked.rows.select(
        "line",
        "unit_id",
        pl.col("platform_code").alias("platform"),
        *(pl.col(f"{c}_ts").alias(c) for c, _ in STAGES),
        pl.col("outcome_code").alias("outcome"),
        "subject_name",
        pl.col("subject_e164").alias("subject_phone"),
        "subject_ip",
        "post_text",
        "entry_key",
    )
    return Checked(rows=rows, rejects=checked.rejects)
