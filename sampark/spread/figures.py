"""Everything the spread tables and snapshot hold, worked out in one call after a run: the
clusters of every print and the register, the directives' spread, the rumours and the
broadcasts whose one copy to keep. Pure: the caller reads the frames and stores the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import polars as pl

from sampark.fingerprints.clusters import near_duplicate_clusters
from sampark.fingerprints.frames import fingerprint_frame
from sampark.spread.broadcasts import broadcast_texts_to_keep
from sampark.spread.copies import register_as_messages
from sampark.spread.rumours import group_districts, rumour_clusters
from sampark.spread.spread import DirectiveSpread, directive_spread
from sampark.spread.tree import groups_on_command_units, unit_ancestors
from sampark.targets import SpreadRules

_PRINT = ["message_id", "ts", "keyed_hash", "signature", "shingles", "numbers"]

BROADCAST_SCHEMA = pl.Schema(
    [
        ("keyed_hash", pl.Int64()),
        ("text", pl.String()),
        ("groups", pl.Int64()),
        ("first_seen", pl.Datetime("us")),
    ]
)
"""A broadcast text to keep: the keyed hash of the copy kept, its text, the groups its cluster
reached and when the cluster was first seen."""


@dataclass(frozen=True)
class SpreadFigures:
    clusters: pl.DataFrame
    spread: DirectiveSpread
    rumours: pl.DataFrame
    broadcasts: pl.DataFrame


def register_prints(register: pl.DataFrame, pepper: bytes) -> pl.DataFrame:
    """The register's directives (directive_id, issued_at, unit_id, text) with the fingerprint
    of their text, without the text; a text too short to print is left out (the sheet's check
    refuses those already)."""
    prints = fingerprint_frame(register["text"], pepper, threads=1)
    return (
        pl.concat([register.drop("text"), prints], how="horizontal")
        .filter(pl.col("keyed_hash").is_not_null())
        .with_columns(pl.col("issued_at").cast(pl.Datetime("us")))
    )


def _broadcasts(
    clusters: pl.DataFrame,
    prints: pl.DataFrame,
    texts: dict[int, str],
    kept_hashes: list[int],
    min_groups: int,
) -> pl.DataFrame:
    """The broadcasts to keep now (`BROADCAST_SCHEMA`), from the texts this run holds."""
    held = pl.Series(list(texts), dtype=pl.Int64)
    messages = prints.with_columns(pl.col("keyed_hash").is_in(held.implode()).alias("has_text"))
    kept = clusters.join(
        prints.filter(pl.col("keyed_hash").is_in(kept_hashes)).select("message_id"),
        on="message_id",
    )["cluster"]
    keep = broadcast_texts_to_keep(clusters, messages, kept, min_groups=min_groups)
    first = (
        clusters.join(prints.select("message_id", "ts"), on="message_id")
        .group_by("cluster")
        .agg(pl.col("ts").min().alias("first_seen"))
    )
    chosen = keep.join(prints.select("message_id", "keyed_hash"), on="message_id").join(
        first, on="cluster"
    )
    return chosen.select(
        "keyed_hash",
        pl.col("keyed_hash")
        .replace_strict(texts, default=None, return_dtype=pl.String)
        .alias("text"),
        "groups",
        "first_seen",
    ).cast(BROADCAST_SCHEMA)


def spread_figures(
    prints: pl.DataFrame,
    register: pl.DataFrame,
    groups: pl.DataFrame,
    units: pl.DataFrame,
    rules: SpreadRules,
    *,
    texts: dict[int, str],
    kept_hashes: list[int],
) -> SpreadFigures:
    """The spread figures of every print (`queries.prints.prints_frame`) and the register as
    printed (`register_prints`); `groups`: group_id, unit_id, kind; `units`: unit_id, kind,
    parent_id; `texts`: the texts this run holds by keyed hash; `kept_hashes`: the broadcast
    texts stored already."""
    together = pl.concat(
        [prints.select(_PRINT), register_as_messages(register).select(_PRINT)], how="vertical"
    )
    clusters = near_duplicate_clusters(together)
    ancestors = unit_ancestors(units)
    groups = groups_on_command_units(groups, units)
    spread = directive_spread(
        clusters,
        prints,
        register,
        groups,
        ancestors,
        target_kinds=rules.directive_targets,
        chain_kinds=rules.chain,
    )
    rumours = rumour_clusters(
        clusters,
        prints,
        group_districts(groups, ancestors),
        min_groups=rules.rumour_groups,
        min_districts=rules.rumour_districts,
        window=timedelta(hours=rules.rumour_window_hours),
    )
    broadcasts = _broadcasts(clusters, prints, texts, kept_hashes, rules.broadcast_groups)
    return SpreadFigures(clusters, spread, rumours, broadcasts)
