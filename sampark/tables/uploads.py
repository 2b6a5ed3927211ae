"""The Data page's uploads for people: what came of each file, and the member lists held for
the data officer's confirmation."""

from __future__ import annotations

import polars as pl

from sampark.access import sees_phones
from sampark.i18n import number, t
from sampark.i18n.reject_reasons import reason_in
from sampark.inbox import UploadResult
from sampark.phones import mask_phones_in_text
from sampark.safety.escaping import markdown_literal

_FILE_STATUSES = ("loaded", "skipped", "rejected", "refused", "held")


def results_table(results: list[UploadResult], lang: str, role: str | None) -> pl.DataFrame:
    """One row per uploaded file in the reader's language: name, saved name, result, rows
    and the reason (a refusal worded in `lang`, the ETL's reason read in `lang`, any phone in
    it masked unless `role` calls members)."""

    def reason(r: UploadResult) -> str:
        if r.code is not None:
            return t(f"upload_refused_{r.code}", lang, detail=r.reason or "")
        text = reason_in(r.reason or "", lang)
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


# Rejected rows named one by one in the banner; the rest are counted and listed below it.
BANNER_ROWS = 10


def upload_banner(
    results: list[UploadResult], rejects: pl.DataFrame, lang: str, role: str | None
) -> tuple[str, str]:
    """(kind, markdown) of the banner after an upload: what happened to every row and every
    file, with the reasons. `kind` is "success" only when every file loaded whole and no row
    was rejected, else "warning". `rejects` holds this run's rejected rows of these files
    (path, line, reason), phones already masked for `role`."""
    files = {s: sum(r.status == s for r in results) for s in _FILE_STATUSES}
    read = sum(r.rows_read for r in results)
    loaded = sum(r.rows_loaded for r in results)
    rejected = sum(r.rows_rejected for r in results)
    lines = [
        t(
            "banner_rows",
            lang,
            files=number(len(results), lang),
            read=number(read, lang),
            loaded=number(loaded, lang),
            rejected=number(rejected, lang),
        ),
        t("banner_files", lang, **{k: number(v, lang) for k, v in files.items()}),
    ]
    table = results_table(results, lang, role)
    reasons = table.get_column(t("upload_col_reason", lang)).to_list()
    for result, reason in zip(results, reasons, strict=True):
        if result.status in ("rejected", "refused", "ignored", "held"):
            status = t(f"upload_status_{result.status}", lang)
            lines.append(
                "- "
                + t(
                    "banner_file_reason",
                    lang,
                    file=markdown_literal(result.original),
                    status=status,
                    reason=markdown_literal(reason or "—"),
                )
            )
    named = rejects.head(BANNER_ROWS).select("path", "line", "reason").rows()
    lines += [
        "- "
        + t(
            "banner_row_reason",
            lang,
            file=markdown_literal(str(path)),
            line=number(line, lang),
            reason=markdown_literal(reason_in(str(reason or "—"), lang)),
        )
        for path, line, reason in named
    ]
    if rejected > len(named):
        lines.append(t("banner_more", lang, n=number(rejected - len(named), lang)))
    clean = rejected == 0 and files["loaded"] + files["skipped"] == len(results)
    if clean:
        lines.append(t("banner_all_loaded", lang))
    return ("success" if clean else "warning"), "\n".join(lines)
