"""Members by the chat and roster rule, and the chat-export checks, shaped for reading."""

from __future__ import annotations

import polars as pl

from sampark.access import phones_for
from sampark.i18n import t
from sampark.i18n.strings_memberships import STRINGS


def standing_table(
    standing: pl.DataFrame, names: pl.DataFrame, role: str | None, lang: str
) -> pl.DataFrame:
    """One group's people by the rule (`group_standing`), named from the roster where it knows
    them; phones masked unless `role` needs them. A chat name stays as the chat shows it."""
    words = {k: t(f"chatm_source_{k}", lang) for k in ("chat", "roster")}
    start = (
        pl.when(pl.col("source") == "roster")
        .then(pl.lit(t("chatm_start_roster", lang)))
        .when(pl.col("start_is_bound"))
        .then(pl.lit(t("chatm_start_bound", lang)))
        .otherwise(pl.lit(t("chatm_start_seen", lang)))
    )
    yes_no = {True: t("yes", lang), False: t("no", lang)}
    named = standing.join(
        names.select(pl.col("phone").alias("person_id"), "name"),
        on="person_id",
        how="left",
        maintain_order="left",
    )
    shown = phones_for(named.with_columns(pl.col("person_id").alias("_phone")), role, ["_phone"])
    return shown.select(
        pl.coalesce("_phone", "person").alias(t("chatm_col_person", lang)),
        pl.col("name").alias(t("chatm_col_name", lang)),
        pl.col("is_member").replace_strict(yes_no).alias(t("chatm_col_member", lang)),
        pl.col("source").replace_strict(words).alias(t("chatm_col_source", lang)),
        pl.col("is_admin").replace_strict(yes_no, default=None).alias(t("chatm_col_admin", lang)),
        pl.col("joined_at").alias(t("chatm_col_joined", lang)),
        start.alias(t("chatm_col_start", lang)),
        pl.col("left_at").alias(t("chatm_col_left", lang)),
        pl.col("disagrees").replace_strict(yes_no).alias(t("chatm_col_disagrees", lang)),
    )


def _words(column: str, prefix: str, lang: str) -> pl.Expr:
    """A code as its word (`<prefix><code>`), the code itself where no word is written."""
    codes = [k.removeprefix(prefix) for k in STRINGS if k.startswith(prefix)]
    return pl.col(column).replace({c: t(prefix + c, lang) for c in codes})


def export_checks_table(frame: pl.DataFrame, group_names: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Chat exports cut off or typed in part by an unverified phrase (`export_checks`), one
    row per phrase; an export only cut off has one row with no phrase."""
    yes_no = {True: t("yes", lang), False: t("no", lang)}
    line = (
        pl.when(pl.col("kind") == "system")
        .then(_words("event", "chatx_event_", lang))
        .otherwise(_words("kind", "chatx_kind_", lang))
    )
    named = frame.join(group_names, on="group_id", how="left", maintain_order="left")
    return named.select(
        pl.col("path").alias(t("chatx_col_file", lang)),
        pl.coalesce("name", "group_id").alias(t("chatx_col_group", lang)),
        pl.col("incomplete").replace_strict(yes_no).alias(t("chatx_col_incomplete", lang)),
        _words("locale", "chatx_locale_", lang).alias(t("chatx_col_language", lang)),
        line.alias(t("chatx_col_line", lang)),
        pl.col("phrase").alias(t("chatx_col_phrase", lang)),
        pl.col("lines").alias(t("chatx_col_lines", lang)),
    )
