"""A unit's name in the reader's language: the Hindi name for a Hindi reader, the English one
when the unit has no Hindi name (null or blank) and for every English reader. The one rule
every screen, chart, table and PDF uses."""

from __future__ import annotations

import polars as pl

from sampark.i18n import t
from sampark.memo import by_frame


def reader_name(lang: str, english: str = "name", hindi: str = "name_hi") -> pl.Expr:
    """The name column in the reader's language, named `english`.

    >>> units = pl.DataFrame({"name": ["Patna", "Gaya", "Arrah"], "name_hi": ["पटना", None, " "]})
    >>> units.select(reader_name("hi")).get_column("name").to_list()
    ['पटना', 'Gaya', 'Arrah']
    """
    if lang != "hi":
        return pl.col(english)
    written = pl.col(hindi).cast(pl.String)
    has_hindi = written.str.strip_chars().fill_null("") != ""
    return pl.when(has_hindi).then(written).otherwise(pl.col(english)).alias(english)


def name_in(lang: str, english: str, hindi: str | None) -> str:
    """One name in the reader's language, by the same rule.

    >>> name_in("hi", "Bihar", ""), name_in("hi", "Bihar", "बिहार"), name_in("en", "Bihar", "बिहार")
    ('Bihar', 'बिहार', 'Bihar')
    """
    if lang == "hi" and hindi and hindi.strip():
        return hindi
    return english


# How many steps up the tree a unit's district may lie (thana → circle → subdivision → district).
_MAX_DEPTH = 6


def _districts(units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """unit_id, district: the name (reader's language) of the district each unit lies in, or
    of its parent when it lies in none (a range, a district itself: its range)."""
    tree = units.select("unit_id", "kind", "parent_id", reader_name(lang).alias("own"))
    by_id = tree.select(
        pl.col("unit_id").alias("up"),
        pl.col("kind").alias("up_kind"),
        pl.col("parent_id").alias("up_parent"),
        pl.col("own").alias("up_name"),
    )
    walk = tree.select(
        "unit_id",
        pl.col("parent_id").alias("up"),
        pl.lit(None, pl.String).alias("district"),
        pl.lit(None, pl.String).alias("parent"),
    )
    for depth in range(_MAX_DEPTH):
        walk = (
            walk.join(by_id, on="up", how="left")
            .with_columns(
                pl.when(pl.col("district").is_null() & (pl.col("up_kind") == "district"))
                .then(pl.col("up_name"))
                .otherwise(pl.col("district"))
                .alias("district"),
                (pl.col("up_name") if depth == 0 else pl.col("parent")).alias("parent"),
            )
            .select("unit_id", pl.col("up_parent").alias("up"), "district", "parent")
        )
    return walk.select("unit_id", pl.coalesce("district", "parent").alias("district"))


@by_frame()
def unit_names(units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """unit_id, label: every unit's name in the reader's language, and where a name is borne by
    more than one unit (a state has many a "Sadar" or "Kotwali" thana) the district it lies in
    beside it: "Sadar (Gaya)". The one rule for a unit's name on every screen.

    >>> units = pl.DataFrame({"unit_id": ["D1", "D2", "T1", "T2", "T3"],
    ...     "kind": ["district", "district", "thana", "thana", "thana"],
    ...     "name": ["Gaya", "Patna", "Sadar", "Sadar", "Kotwali"],
    ...     "name_hi": [None, None, None, None, None],
    ...     "parent_id": [None, None, "D1", "D2", "D2"]})
    >>> unit_names(units, "en").get_column("label").to_list()
    ['Gaya', 'Patna', 'Sadar (Gaya)', 'Sadar (Patna)', 'Kotwali']
    """
    named = units.select("unit_id", reader_name(lang).alias("label"))
    if not {"kind", "parent_id"} <= set(units.columns):
        return named
    repeated = pl.col("label").is_duplicated()
    return (
        named.join(_districts(units, lang), on="unit_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(repeated & pl.col("district").is_not_null())
            .then(pl.format("{} ({})", "label", "district"))
            .otherwise(pl.col("label"))
            .alias("label")
        )
        .select("unit_id", "label")
    )


def unit_labels(units: pl.DataFrame, lang: str) -> dict[str, str]:
    """unit_id → name in the reader's language, for every unit at once (one filter per unit
    costs seconds over a state's units)."""
    return dict(unit_names(units, lang).iter_rows())


def unit_label(units: pl.DataFrame, unit_id: str | None, lang: str) -> str | None:
    """The name of `unit_id` in the reader's language (None for none: the whole state)."""
    if unit_id is None:
        return None
    return unit_labels(units, lang).get(unit_id)


def unit_id_column(lang: str, column: str = "unit_id") -> pl.Expr:
    """The unit's id under its label: every table naming units carries it, so a download can
    be joined back and two units of one name told apart (the screen hides it)."""
    return pl.col(column).alias(t("unit_id_col", lang))
