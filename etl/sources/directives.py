"""The PHQ's directive register: what was ordered, when and by whom (IST times).

The checks; the sheet is `etl.sources.sheets.directive_sheet.DIRECTIVES`. Each directive's
text is fingerprinted after the run and matched to the chats; a text too short to fingerprint
could never be matched, so it is rejected with its reason.
"""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, Rule, missing, reason, split_rows
from etl.sources.sheets.directive_sheet import DIRECTIVES
from etl.sources.sheets.stages import duplicate_rule, load_time, stamp_rules, typed_stamps
from sampark.fingerprints.normalise import MIN_CHARS, normalised_text

SHEET = DIRECTIVES

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
