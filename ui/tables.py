"""Frames shaped for people: headers in the reader's language, names in their script."""

from __future__ import annotations

import polars as pl

from sampark.access import phones_for
from sampark.i18n import t

COVERAGE_COLUMNS = {
    "members": "col_members",
    "member_floor": "col_needed",
    "groups_present": "col_groups_present",
    "groups_required": "col_groups_required",
    "thanas_at_target": "col_thanas_ok",
    "thanas": "col_thanas",
    "outposts_at_target": "col_outposts_ok",
    "outposts": "col_outposts",
    "staff_connected": "col_staff_connected",
    "staff": "col_staff",
    "blocklisted_in_public": "col_blocklisted",
    "groups_compliant": "col_groups_compliant_short",
    "members_needed": "col_members_needed",
    "groups_short_officers": "col_short_officers",
}


def unit_label(units: pl.DataFrame, unit_id: str | None, lang: str) -> str | None:
    if unit_id is None:
        return None
    row = units.filter(pl.col("unit_id") == unit_id).select("name", "name_hi").row(0)
    return str(row[1] or row[0]) if lang == "hi" else str(row[0])


def unit_labels(units: pl.DataFrame, lang: str) -> dict[str, str]:
    """unit_id → what `unit_label` gives, for every unit at once (one filter per unit costs
    seconds over a state's units)."""
    hindi = pl.col("name_hi").fill_null("") != ""
    name = (
        pl.when(hindi).then(pl.col("name_hi")).otherwise(pl.col("name"))
        if lang == "hi"
        else pl.col("name")
    )
    return dict(units.select("unit_id", name.cast(pl.String)).iter_rows())


def coverage_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    return frame.select(
        name.alias(t("col_unit", lang)),
        *(
            pl.col(c).alias(t(key, lang))
            for c, key in COVERAGE_COLUMNS.items()
            if c in frame.columns  # the rule columns come with coverage_table only
        ),
    )


HEALTH_COLUMNS = {
    "members": "col_members",
    "active_members": "col_active_members",
    "messages_per_day": "col_messages_per_day",
    "active_share": "col_active_share",
    "noise_share": "col_noise_share",
    "days_since_last": "col_days_since_last",
    "dormant": "col_dormant",
    "admin_is_admin": "col_admin_is_admin",
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
    "members": "col_members",
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


def health_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Per-group health with headers in the reader's language."""
    return frame.select(
        pl.col("name").alias(t("col_group", lang)),
        pl.col("kind").alias(t("col_kind", lang)),
        *(pl.col(c).alias(t(key, lang)) for c, key in HEALTH_COLUMNS.items()),
    )


def health_level_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Health rolled up to units, with headers in the reader's language."""
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    return frame.select(
        name.alias(t("col_unit", lang)),
        *(pl.col(c).alias(t(key, lang)) for c, key in HEALTH_LEVEL_COLUMNS.items()),
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
        pl.col("category").alias(t("member_col_category", lang)),
        pl.col("rank").alias(t("member_col_rank", lang)),
        pl.col("is_admin").alias(t("member_col_admin", lang)),
        pl.col("joined_at").dt.date().alias(t("member_col_joined", lang)),
    )
