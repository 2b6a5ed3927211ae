"""The range IG's fair comparison: districts ranked only within size bands, small ones unranked.

As CPGRAMS ranks ministries within volume bands and San José refuses to rank on too few cases:
a district's band comes from how many groups the profile requires of it, its rank is its
compliance rate's place within the band, and a district with fewer than `min_sample` required
groups gets no rank. The band's median rate is the baseline shown beside each rate. Pure.
"""

from __future__ import annotations

import polars as pl

MIN_SAMPLE = 10
BANDS = ("A", "B", "C")  # large, middle, small


def league_table(districts: pl.DataFrame, *, min_sample: int = MIN_SAMPLE) -> pl.DataFrame:
    """`districts` (coverage rows with `compliance`) with band, rank, band size and median.

    Bands split the districts by `groups_required` into thirds, largest first (equal sizes stay
    in one band); ties in compliance share a rank; rank and band size count only districts
    with a rank.
    """
    ranked = pl.col("groups_required") >= min_sample
    size_rank = pl.col("groups_required").rank("min", descending=True) - 1
    band = (size_rank * len(BANDS) // pl.len()).clip(upper_bound=len(BANDS) - 1)
    banded = districts.with_columns(
        band.cast(pl.Int64)
        .replace_strict(dict(enumerate(BANDS)), return_dtype=pl.String)
        .alias("band"),
        ranked.alias("ranked"),
    )
    rank = (
        pl.when(pl.col("ranked"))
        .then(pl.col("compliance").rank("min", descending=True).over("band", "ranked"))
        .otherwise(None)
        .cast(pl.Int64)
    )
    return banded.with_columns(
        rank.alias("rank"),
        pl.col("ranked").sum().over("band").cast(pl.Int64).alias("band_size"),
        pl.col("compliance").filter(pl.col("ranked")).median().over("band").alias("band_median"),
    ).sort("band", "rank", "unit_id", nulls_last=True)
