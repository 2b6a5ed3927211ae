"""The Data page's uploads for people: what came of each file, and the member lists held for
the data officer's confirmation."""

from __future__ import annotations

import polars as pl

from sampark.access import sees_phones
from sampark.i18n import t
from sampark.inbox import UploadResult
from sampark.phones import mask_phones_in_text


def results_table(results: list[UploadResult], lang: str, role: str | None) -> pl.DataFrame:
    """One row per uploaded file in the reader's language: name, saved name, result, rows
    and the reason (a refusal worded in `lang`, the ETL's reason as it gave it, any phone in
    it masked unless `role` calls members)."""

    def reason(r: UploadResult) -> str:
        if r.code is not None:
            return t(f"upload_refused_{r.code}", lang, detail=r.reason or "")
        text = r.reason or ""
        return text if sees_phones(role) else mask_phones_in_text(text)

    return pl.DataFrame(
        {
            t("upload_col_file", lang): [r.original for r in results],
            t("upload_col_saved", lang): [r.saved for r in results],
            t("upload_col_status", lang): [t(f"upload_status_{r.status}", lang) for r in results],
            t("data_rows_read", lang): [r.rows_read for r in results],
            t("data_rows_loaded", lang): [r.rows_loaded for r in results],
            t("data_rows_rejected", lang): [r.rows_rejected for r in results],
            t("upload_col_reason", lang): [reason(r) for r in results],
        },
        schema_overrides={t("upload_col_saved", lang): pl.String},
    )


def held_table(held: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The held lists, one row per group each would shrink, in the reader's language."""
    return held.select(
        pl.col("path").alias(t("holds_col_file", lang)),
        pl.col("group_id").alias(t("holds_col_group", lang)),
        pl.col("open_before").alias(t("holds_col_before", lang)),
        pl.col("open_after").alias(t("holds_col_after", lang)),
        (pl.col("open_before") - pl.col("open_after")).alias(t("holds_col_ending", lang)),
        # The registry keeps UTC; officers read IST.
        (pl.col("held_at") + pl.duration(hours=5, minutes=30))
        .dt.strftime("%d-%m-%Y %H:%M")
        .alias(t("holds_col_held_at", lang)),
    )
