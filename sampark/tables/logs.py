"""The Data and Audit pages' tables for people: the registry's runs, files and rejects, the
audit log and the accounts, with a label for every column and code and every time in IST (the
registry keeps UTC; accounts and the audit log keep the server's own zone)."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from sampark.i18n import t
from sampark.i18n.reject_reasons import reason_in
from sampark.i18n.strings import STRINGS

IST_OFFSET = timedelta(hours=5, minutes=30)
TIME_FORMAT = "%d-%m-%Y %H:%M"


def ist_text(column: str, offset: timedelta) -> pl.Expr:
    """A stored naive time `offset` behind IST, written in IST (the label says IST).

    >>> from datetime import datetime
    >>> frame = pl.DataFrame({"at": [datetime(2026, 11, 1, 20, 0)]})
    >>> frame.select(ist_text("at", IST_OFFSET))["at"].to_list()
    ['02-11-2026 01:30']
    """
    return (pl.col(column) + pl.duration(seconds=int(offset.total_seconds()))).dt.strftime(
        TIME_FORMAT
    )


def code_label(prefix: str, column: str, lang: str) -> pl.Expr:
    """A code column as its label (`{prefix}{code}` in the strings), the code with spaces
    for a code that has none yet."""
    codes = {
        key.removeprefix(prefix): entry.get(lang) or entry["en"]
        for key, entry in STRINGS.items()
        if key.startswith(prefix)
    }
    spaced = pl.col(column).cast(pl.String).str.replace_all("_", " ")
    return pl.col(column).cast(pl.String).replace_strict(codes, default=spaced)


def reasons_worded(column: str, frame: pl.DataFrame, lang: str) -> pl.Expr:
    """The ETL's reasons in `column` (kept in English) as a reader of `lang` reads them: each
    distinct reason worded once."""
    distinct = frame.get_column(column).drop_nulls().unique().to_list()
    worded = {r: reason_in(r, lang) for r in distinct}
    return pl.col(column).replace_strict(worded, default=pl.col(column), return_dtype=pl.String)


def _labelled(frame: pl.DataFrame, lang: str, *, times: dict[str, timedelta]) -> pl.DataFrame:
    """`frame` with times in IST and every column under its label (counts keep their type:
    the screen groups them, a download adds them up)."""
    shown = frame.with_columns(
        *(ist_text(c, offset) for c, offset in times.items() if c in frame.columns),
    )
    return shown.rename({c: t(f"log_col_{c}", lang) for c in shown.columns})


def runs_table(runs: pl.DataFrame, lang: str) -> pl.DataFrame:
    """ETL runs, newest first, for people."""
    return _labelled(runs, lang, times={"started_at": IST_OFFSET, "finished_at": IST_OFFSET})


def files_table(files: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Files in the registry, for people: the result and kind of file as words."""
    worded = files.with_columns(
        code_label("file_status_", "status", lang),
        code_label("file_source_", "source", lang),
        *([reasons_worded("reason", files, lang)] if "reason" in files.columns else []),
    )
    return _labelled(worded, lang, times={"loaded_at": IST_OFFSET})


def rejects_table(rejects: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Rejected rows with file, line and reason, for people."""
    worded = rejects.with_columns(
        code_label("file_source_", "source", lang), reasons_worded("reason", rejects, lang)
    )
    return _labelled(worded, lang, times={})


def audit_table(log: pl.DataFrame, lang: str, local_offset: timedelta) -> pl.DataFrame:
    """The audit log for people: actions as words, times in IST (the log keeps the server's
    zone, `local_offset` behind IST)."""
    worded = log.drop("audit_id", strict=False).with_columns(
        code_label("audit_action_", "action", lang)
    )
    return _labelled(worded, lang, times={"at": local_offset})


def accounts_table(accounts: pl.DataFrame, lang: str, local_offset: timedelta) -> pl.DataFrame:
    """The accounts for people: roles as words, disabled as active yes/no, times in IST."""
    yes, no = t("yes", lang), t("no", lang)
    worded = accounts.with_columns(
        code_label("access_role_", "role", lang),
        pl.when(pl.col("disabled")).then(pl.lit(no)).otherwise(pl.lit(yes)).alias("disabled"),
    ).rename({"disabled": "active"})
    return _labelled(worded, lang, times={"created_at": local_offset, "locked_until": local_offset})
