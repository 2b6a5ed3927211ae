"""Directive reach as the reader sees it beside coverage: in the Districts league, the
drill-down's unit and group tables and the weekly brief ("66.7% (2 of 3)", "2.0 h"). A unit
with no directive due in the window says so, never 0 %."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from sampark.i18n import number, percent, t

REACH_TEXTS = ("reach_text", "median_text")


def delay_text(hours: float, lang: str) -> str:
    """A delay for reading: minutes under an hour, a tenth under ten hours, whole hours above.

    >>> delay_text(0.17, "en"), delay_text(2.0, "en"), delay_text(30.0, "hi")
    ('10 min', '2.0 h', '30 घंटे')
    """
    if hours < 1:
        return t("reach_minutes", lang, m=number(round(hours * 60), lang))
    if hours < 10:
        return t("reach_hours", lang, h=f"{hours:.1f}")
    return t("reach_hours", lang, h=number(round(hours), lang))


def share_text(row: Mapping[str, object], lang: str) -> str:
    """'66.7% (2 of 3)' from a reach row; 'no directive' when none was due."""
    due, within, share = row.get("due"), row.get("within"), row.get("share_within")
    if not isinstance(due, int) or not due:
        return t("reach_no_directive", lang)
    return t(
        "reach_share_of",
        lang,
        share=percent(share if isinstance(share, float) else None, lang),
        within=number(within if isinstance(within, int) else 0, lang),
        due=number(due, lang),
    )


def median_text(row: Mapping[str, object], lang: str) -> str:
    """The median delay; 'no directive' when none was due, 'never reached' when none arrived,
    'half never reached' when fewer than half did."""
    due, hours = row.get("due"), row.get("median_delay_h")
    if not isinstance(due, int) or not due:
        return t("reach_no_directive", lang)
    if row.get("never") == due:
        return t("reach_never", lang)
    if not isinstance(hours, float | int):
        return t("reach_half_never", lang)
    return delay_text(float(hours), lang)


def with_reach_texts(
    frame: pl.DataFrame, reach: pl.DataFrame | None, on: str, lang: str
) -> pl.DataFrame:
    """`frame` with the two texts (`REACH_TEXTS`) of its units' reach (`UNIT_DIRECTIVE_SCHEMA`
    rows, matched on `on`): 'no directive' for a unit without a row, 'no figures yet' for all
    when no run stored any (`reach` None)."""
    if reach is None:
        missing = t("reach_no_figures", lang)
        return frame.with_columns(pl.lit(missing).alias(c) for c in REACH_TEXTS)
    rows = reach.to_dicts()
    texts = pl.DataFrame(
        {
            on: reach.get_column("unit_id").cast(pl.String),
            "reach_text": [share_text(r, lang) for r in rows],
            "median_text": [median_text(r, lang) for r in rows],
        },
        schema={on: pl.String, "reach_text": pl.String, "median_text": pl.String},
    )
    none = t("reach_no_directive", lang)
    return frame.join(texts, on=on, how="left").with_columns(
        pl.col(c).fill_null(none) for c in REACH_TEXTS
    )


def reach_cells(row: Mapping[str, object], lang: str) -> dict[str, str]:
    """The two columns of a display row, when the row carries them (`with_reach_texts`)."""
    if "reach_text" not in row:
        return {}
    return {
        t("col_directive_reach", lang): str(row["reach_text"]),
        t("col_directive_median", lang): str(row["median_text"]),
    }


def reach_columns(frame: pl.DataFrame, lang: str) -> list[pl.Expr]:
    """The two columns for a `select`, when `frame` carries them (`with_reach_texts`)."""
    if "reach_text" not in frame.columns:
        return []
    return [
        pl.col("reach_text").alias(t("col_directive_reach", lang)),
        pl.col("median_text").alias(t("col_directive_median", lang)),
    ]
