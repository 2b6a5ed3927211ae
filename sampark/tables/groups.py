"""Group health for people: per group, rolled up to units, the roster-vs-chat findings and
one group's members, phones masked unless the reader's role calls members."""

from __future__ import annotations

import polars as pl

from sampark.access import phones_for
from sampark.i18n import t
from sampark.schema import GROUP_KINDS, PERSON_CATEGORIES
from sampark.tables.names import reader_name, unit_id_column

# Shares kept as fractions by the metrics, shown as percentages.
_SHARES = ("active_share", "noise_share")
# Whose account a figure rests on (roster, chat, both), shown as a word.
_SOURCES = ("member_source", "admin_by")

HEALTH_COLUMNS = {
    "members": "col_members",
    "member_source": "col_member_source",
    "incomplete_export": "col_incomplete_export",
    "active_members": "col_active_members",
    "messages_per_day": "col_messages_per_day",
    "active_share": "col_active_share",
    "noise_share": "col_noise_share",
    "days_since_last": "col_days_since_last",
    "dormant": "col_dormant",
    "no_recent_export": "col_no_recent_export",
    "export_date": "col_export_date",
    "admin_is_admin": "col_admin_is_admin",
    "admin_by": "col_admin_by",
    "blocklisted": "col_blocklisted_present",
    "joins_30d": "col_joins",
    "exits_30d": "col_exits",
    "left_chat": "col_left_chat",
    "not_on_roster": "col_not_on_roster",
}

HEALTH_LEVEL_COLUMNS = {
    "groups": "col_groups",
    "dormant_groups": "col_dormant_groups",
    "groups_admin_missing": "col_admin_missing",
    "incomplete_exports": "col_incomplete_exports",
    # Summed over groups: a person in two groups counts twice (the Overview counts people).
    "members": "col_memberships",
    "active_members": "col_active_members",
    "messages_per_day": "col_messages_per_day",
    "active_share": "col_active_share",
    "noise_share": "col_noise_share",
    "blocklisted": "col_blocklisted_present",
    "joins_30d": "col_joins",
    "exits_30d": "col_exits",
    "left_chat": "col_left_chat",
    "not_on_roster": "col_not_on_roster",
}


def kind_words(lang: str, column: str = "kind") -> pl.Expr:
    """A group kind as words ("thana group"), never its code."""
    words = {k: t(f"kind_{k}", lang) for k in GROUP_KINDS}
    return pl.col(column).replace_strict(words, default=pl.col(column))


def category_words(lang: str, column: str = "category") -> pl.Expr:
    """A person's category as words ("gram rakshak"), never its code."""
    words = {c: t(f"person_category_{c}", lang) for c in PERSON_CATEGORIES}
    return pl.col(column).replace_strict(words, default=pl.col(column))


def source_words(lang: str, column: str = "member_source") -> pl.Expr:
    """Whose account a group's members or admin check rest on (roster, chat, both) as a
    word."""
    words = {s: t(f"chatm_source_{s}", lang) for s in ("roster", "chat", "both")}
    return pl.col(column).replace_strict(words, default=None, return_dtype=pl.String)


def _columns(names: dict[str, str], frame: pl.DataFrame, lang: str) -> list[pl.Expr]:
    """The listed columns under their labels, shares as percentages (to one place)."""
    return [
        (pl.col(c) * 100).round(1).alias(t("share_pct", lang, label=t(key, lang)))
        if c in _SHARES
        else source_words(lang, c).alias(t(key, lang))
        if c in _SOURCES
        else pl.col(c).alias(t(key, lang))
        for c, key in names.items()
        if c in frame.columns  # the export's age comes with the dashboard's health only
    ]


def health_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Per-group health with headers in the reader's language."""
    return frame.select(
        pl.col("name").alias(t("col_group", lang)),
        kind_words(lang).alias(t("col_kind", lang)),
        *_columns(HEALTH_COLUMNS, frame, lang),
        *([unit_id_column(lang)] if "unit_id" in frame.columns else []),
    )


def health_level_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Health rolled up to units, with headers in the reader's language."""
    return frame.select(
        reader_name(lang).alias(t("col_unit", lang)),
        *_columns(HEALTH_LEVEL_COLUMNS, frame, lang),
        unit_id_column(lang),
    )


def findings_table(frame: pl.DataFrame, role: str | None, lang: str) -> pl.DataFrame:
    """Roster-vs-chat findings; phone numbers masked unless `role` needs them (volunteers'
    identities are confidential)."""
    finding = pl.col("finding").replace_strict(
        {"left_chat": t("col_left_chat", lang), "not_on_roster": t("col_not_on_roster", lang)}
    )
    return phones_for(frame, role, ["person_id"]).select(
        pl.col("name").alias(t("col_group", lang)),
        pl.col("person_id").alias(t("col_person", lang)),
        finding.alias(t("col_finding", lang)),
        pl.col("since").alias(t("col_since", lang)),
    )


def members_table(frame: pl.DataFrame, role: str | None, lang: str) -> pl.DataFrame:
    """One group's members, phones masked unless `role` needs them."""
    return phones_for(frame, role, ["phone"]).select(
        pl.col("name").alias(t("member_col_name", lang)),
        pl.col("phone").alias(t("member_col_phone", lang)),
        category_words(lang).alias(t("member_col_category", lang)),
        pl.col("rank").alias(t("member_col_rank", lang)),
        pl.col("is_admin").alias(t("member_col_admin", lang)),
        pl.col("joined_at").dt.date().alias(t("member_col_joined", lang)),
    )
