"""A unit's name in the reader's language: the Hindi name for a Hindi reader, the English one
when the unit has no Hindi name (null or blank) and for every English reader. The one rule
every screen, chart, table and PDF uses."""

from __future__ import annotations

import polars as pl


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


def unit_names(units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """unit_id, label: every unit's name in the reader's language."""
    return units.select("unit_id", reader_name(lang).alias("label"))


def unit_labels(units: pl.DataFrame, lang: str) -> dict[str, str]:
    """unit_id → name in the reader's language, for every unit at once (one filter per unit
    costs seconds over a state's units)."""
    return dict(unit_names(units, lang).iter_rows())


def unit_label(units: pl.DataFrame, unit_id: str | None, lang: str) -> str | None:
    """The name of `unit_id` in the reader's language (None for none: the whole state)."""
    if unit_id is None:
        return None
    row = units.filter(pl.col("unit_id") == unit_id).select("name", "name_hi").row(0)
    return name_in(lang, str(row[0]), row[1])
