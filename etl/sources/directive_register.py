"""The PHQ's directive register: what was ordered, when and by whom (IST times).

The sheet and its checks only; `SHEET` is not yet in `etl.sources.sheets.SHEETS`, so no file
is read as a directive register until the loading is wired (the table and the store come
with it). Each directive's text is fingerprinted at load and matched to the chats; a text too
short to fingerprint could never be matched, so it is rejected with its reason.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from etl.sources.checks import Checked, Known, Rule, missing, reason, split_rows
from etl.sources.sheets.columns import EXAMPLE_PREFIX, UNIT_ID, Column, Sheet
from etl.sources.sheets.stages import duplicate_rule, load_time, stamp_rules, typed_stamps
from sampark.fingerprints.normalise import MIN_CHARS, normalised_text

SHEET = Sheet(
    "directives",
    "निर्देश रजिस्टर",
    (
        Column(
            "directive_id",
            "Directive ID",
            "निर्देश संख्या",
            aliases=("directive no", "order no", "letter no", "पत्रांक", "आदेश संख्या", "क्रमांक"),
            example=EXAMPLE_PREFIX + "PHQ-2026-014",
        ),
        Column(
            "issued_at",
            "Issued at",
            "जारी समय",
            aliases=("issued", "issue date", "date of issue", "जारी दिनांक", "दिनांक"),
            example="08-01-2026 10:15",
        ),
        Column(
            "issued_by",
            "Issued by",
            "जारीकर्ता",
            aliases=("issuing office", "from", "जारी करने वाले", "कार्यालय"),
            example="ADG Crime, PHQ",
        ),
        Column(
            "title",
            "Title",
            "विषय",
            required=False,
            aliases=("subject",),
            example="Foot patrol near puja pandals",
        ),
        Column(
            "text",
            "Text",
            "निर्देश का पाठ",
            aliases=("directive", "message", "निर्देश", "पाठ", "संदेश"),
            example="All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight.",
        ),
        # The unit it is meant for, itself and below; blank: the whole state.
        replace(UNIT_ID, required=False),
    ),
)

# A reject quotes the register row without its text: the text is matched, never shown.
RAW = ["directive_id", "issued_at", "issued_by", "title", "unit_id"]
STAGES = [("issued_at", "issued at")]


def _too_short() -> Rule:
    # The same normalising as the chats' fingerprints, one short register row at a time.
    letters = pl.col("text").map_elements(
        lambda text: len(normalised_text(text)), return_dtype=pl.Int64
    )
    return (
        pl.col("text").is_not_null() & (letters < MIN_CHARS),
        reason(
            f"text too short to find in the chats: {{}} letters and digits, under {MIN_CHARS}",
            letters,
        ),
    )


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid directive rows (directive_id, issued_at as a time, issued_by, title, text,
    unit_id) and rejects with reasons; a directive id seen on an earlier line is a duplicate.

    `frame`: the sheet's cells as text by column key, with `line`.
    """
    typed = typed_stamps(frame, STAGES).with_columns(
        pl.col("directive_id").str.to_uppercase().alias("entry_key")
    )
    checked = split_rows(
        typed,
        RAW,
        [
            missing("directive_id", "Directive ID"),
            missing("issued_at", "Issued at"),
            *stamp_rules(STAGES, load_time(known)),
            missing("issued_by", "Issued by"),
            missing("text", "Text"),
            _too_short(),
            (
                pl.col("unit_id").is_not_null() & ~pl.col("unit_id").is_in(list(known.unit_ids)),
                reason("unknown unit {}", pl.col("unit_id")),
            ),
            duplicate_rule("directive ID"),
        ],
    )
    rows = checked.rows.select(
        "line",
        "directive_id",
        pl.col("issued_at_ts").alias("issued_at"),
        "issued_by",
        "title",
        "text",
        "unit_id",
    )
    return Checked(rows=rows, rejects=checked.rejects)
