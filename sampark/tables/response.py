"""The Response page for people: register stages per unit and category, SLA breaches, the
oldest open entries, and the self-harm alerts' funnel, failures, units and details."""

from __future__ import annotations

import polars as pl

from sampark.i18n import t
from sampark.i18n.vocab import ALERT_OUTCOMES, REGISTER_CATEGORIES
from sampark.tables.names import reader_name, unit_id_column, unit_names


def _labels(column: str, vocab: dict[str, tuple[str, str]], lang: str) -> pl.Expr:
    mapping = {code: (hi if lang == "hi" else en) for code, (en, hi) in vocab.items()}
    return pl.col(column).replace_strict(mapping, default=pl.col(column))


def _stage_label(column: str, lang: str) -> pl.Expr:
    names = (
        "received",
        "cognizance",
        "fir",
        "action",
        "closed",
        "traced",
        "forwarded",
        "contacted",
    )
    return pl.col(column).replace_strict(
        {s: t(f"resp_stage_{s}", lang) for s in names}, default=None
    )


def unit_table(
    by_level: pl.DataFrame,
    breaches: pl.DataFrame,
    ageing: pl.DataFrame,
    stage: str,
    lang: str,
) -> pl.DataFrame:
    """Per unit for one stage: cases, median and share in SLA beside the state's, rank (blank
    below the minimum of cases), SLA breaches and open entries by age."""
    rows = (
        by_level.filter(pl.col("stage") == stage)
        .join(breaches.select("unit_id", "breaches", "breach_share"), on="unit_id", how="left")
        .join(ageing.select("unit_id", "open", ">21"), on="unit_id", how="left")
    )
    return rows.select(
        reader_name(lang).alias(t("col_unit", lang)),
        pl.col("cases").alias(t("resp_col_cases", lang)),
        pl.col("median_h").alias(t("resp_col_median_h", lang)),
        pl.col("baseline_median_h").round(2).alias(t("resp_col_state_median_h", lang)),
        pl.col("p90_h").alias(t("resp_col_p90_h", lang)),
        (pl.col("within_sla") * 100).round(1).alias(t("resp_col_within_sla_pct", lang)),
        (pl.col("baseline_within_sla") * 100).round(1).alias(t("resp_col_state_within_pct", lang)),
        pl.col("rank").alias(t("resp_col_rank", lang)),
        pl.col("breaches").alias(t("resp_col_breaches", lang)),
        (pl.col("breach_share") * 100).round(1).alias(t("resp_col_breach_pct", lang)),
        pl.col("open").alias(t("resp_col_open", lang)),
        pl.col(">21").alias(t("resp_col_open_21", lang)),
        unit_id_column(lang),
    )


def category_table(by_category: pl.DataFrame, stage: str, lang: str) -> pl.DataFrame:
    """Per category for one stage, with the state median beside it."""
    return (
        by_category.filter(pl.col("stage") == stage)
        .sort("median_h", nulls_last=True)
        .select(
            _labels("category", REGISTER_CATEGORIES, lang).alias(t("resp_col_category", lang)),
            pl.col("cases").alias(t("resp_col_cases", lang)),
            pl.col("median_h").alias(t("resp_col_median_h", lang)),
            pl.col("baseline_median_h").round(2).alias(t("resp_col_state_median_h", lang)),
            pl.col("p90_h").alias(t("resp_col_p90_h", lang)),
            (pl.col("within_sla") * 100).round(1).alias(t("resp_col_within_sla_pct", lang)),
        )
    )


def breaches_table(breaches: pl.DataFrame, units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Entries that missed an SLA, worst first."""
    return breaches.join(unit_names(units, lang), on="unit_id", how="left").select(
        # A register number, not a quantity: never grouped ("14164", not "14,164").
        pl.col("entry_id").cast(pl.String).alias(t("resp_col_entry", lang)),
        pl.col("label").alias(t("col_unit", lang)),
        _labels("category", REGISTER_CATEGORIES, lang).alias(t("resp_col_category", lang)),
        pl.col("received_at").dt.strftime("%d-%m-%Y %H:%M").alias(t("resp_col_received", lang)),
        _stage_label("stage", lang).alias(t("resp_col_stage_missed", lang)),
        # Overdue by weeks reads in days, not in thousands of hours.
        (pl.col("hours_over") / 24).round(1).alias(t("resp_col_days_over", lang)),
        pl.col("open").alias(t("resp_col_still_open", lang)),
        unit_id_column(lang),
    )


def oldest_table(oldest: pl.DataFrame, units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The longest-open entries, oldest first."""
    return oldest.join(unit_names(units, lang), on="unit_id", how="left").select(
        # A register number, not a quantity: never grouped ("14164", not "14,164").
        pl.col("entry_id").cast(pl.String).alias(t("resp_col_entry", lang)),
        pl.col("label").alias(t("col_unit", lang)),
        _labels("category", REGISTER_CATEGORIES, lang).alias(t("resp_col_category", lang)),
        pl.col("received_at").dt.strftime("%d-%m-%Y %H:%M").alias(t("resp_col_received", lang)),
        _stage_label("last_stage", lang).alias(t("resp_col_last_stage", lang)),
        pl.col("age_days").alias(t("resp_col_age_days", lang)),
        unit_id_column(lang),
    )


def funnel_table(funnel: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Alerts at each stage, received to reached, with shares and times."""
    names = {s: t(f"resp_funnel_{s}", lang) for s in funnel.get_column("stage")}
    return funnel.select(
        pl.col("stage").replace_strict(names).alias(t("resp_col_stage", lang)),
        pl.col("alerts").alias(t("resp_col_alerts", lang)),
        (pl.col("share") * 100).round(1).alias(t("resp_col_share_pct", lang)),
        (pl.col("share_of_previous") * 100).round(1).alias(t("resp_col_prev_pct", lang)),
        pl.col("median_min").round(1).alias(t("resp_col_median_min", lang)),
        pl.col("p90_min").round(1).alias(t("resp_col_p90_min", lang)),
        (pl.col("within_sla") * 100).round(1).alias(t("resp_col_within_sla_pct", lang)),
        pl.col("sla_min").alias(t("resp_col_sla_min", lang)),
    )


def failures_table(failures: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Alerts that did not reach the person, by outcome and the last stage reached."""
    return failures.select(
        _labels("outcome", ALERT_OUTCOMES, lang).alias(t("resp_col_outcome", lang)),
        _stage_label("last_stage", lang).alias(t("resp_col_last_stage", lang)),
        pl.col("alerts").alias(t("resp_col_alerts", lang)),
    )


def alert_unit_table(by_level: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Alerts per unit: reached share beside the state's, time to reach, rank."""
    return by_level.select(
        reader_name(lang).alias(t("col_unit", lang)),
        pl.col("alerts").alias(t("resp_col_alerts", lang)),
        pl.col("reached").alias(t("resp_col_reached", lang)),
        (pl.col("reached_share") * 100).round(1).alias(t("resp_col_reached_pct", lang)),
        (pl.col("baseline_reached_share") * 100)
        .round(1)
        .alias(t("resp_col_state_reached_pct", lang)),
        pl.col("median_contact_min").round(1).alias(t("resp_col_median_contact_min", lang)),
        pl.col("rank").alias(t("resp_col_rank", lang)),
        unit_id_column(lang),
    )


def details_table(details: pl.DataFrame, units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Open and recent alerts with who to reach, open first (for the roles that reach the
    person)."""
    return details.join(unit_names(units, lang), on="unit_id", how="left").select(
        pl.col("alert_id").alias(t("resp_col_alert", lang)),
        pl.col("label").alias(t("col_unit", lang)),
        pl.col("platform").alias(t("resp_col_platform", lang)),
        pl.col("received_at").dt.strftime("%d-%m-%Y %H:%M").alias(t("resp_col_received", lang)),
        _labels("outcome", ALERT_OUTCOMES, lang).alias(t("resp_col_outcome_now", lang)),
        pl.col("subject_name").alias(t("resp_col_person", lang)),
        pl.col("subject_phone").alias(t("resp_col_mobile", lang)),
        pl.col("subject_ip").alias(t("resp_col_ip", lang)),
        pl.col("post_text").alias(t("resp_col_post", lang)),
    )
