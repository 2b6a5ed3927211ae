"""Every directive figure in one call, from the clustered messages: what the ETL runs after
fingerprinting and clustering, and what its tables hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import polars as pl

from sampark.spread.arrivals import arrival_hops, first_arrivals
from sampark.spread.copies import cluster_copies, directive_copies
from sampark.spread.directives import (
    CHAIN_KINDS,
    deliveries,
    directive_reach,
    directive_targets,
    never_reached,
    stalled_units,
)
from sampark.spread.found import directives_without_register


@dataclass(frozen=True)
class DirectiveSpread:
    directives: pl.DataFrame
    """key, issued_at, unit_id, registered (False: found without the register)."""
    copies: pl.DataFrame
    hops: pl.DataFrame
    delivered: pl.DataFrame
    reach: pl.DataFrame
    never: pl.DataFrame
    stalls: pl.DataFrame


def directive_spread(
    clusters: pl.DataFrame,
    messages: pl.DataFrame,
    register: pl.DataFrame,
    groups: pl.DataFrame,
    ancestors: pl.DataFrame,
    *,
    target_kinds: Sequence[str],
    chain_kinds: Sequence[str] = CHAIN_KINDS,
    early: timedelta = timedelta(0),
    find_unregistered: bool = True,
) -> DirectiveSpread:
    """The register's directives and those found without it, followed down the tree.

    `clusters`: `near_duplicate_clusters` over `messages` and `register_as_messages(register)`;
    `messages`: message_id, group_id, ts, signature, is_officer; `register`: directive_id,
    issued_at, unit_id and the fingerprint of its text; `groups`: group_id, unit_id, kind;
    `ancestors`: `unit_ancestors`; `target_kinds`: the group kinds the state profile says a
    directive must reach.
    """
    registered = register.select(
        pl.col("directive_id").cast(pl.String).alias("key"),
        pl.col("issued_at").cast(pl.Datetime("us")),
        pl.col("unit_id").cast(pl.String),
        pl.lit(True).alias("registered"),
    )
    copies = directive_copies(clusters, messages, register, early=early)
    if find_unregistered:
        found = directives_without_register(clusters, messages, groups, ancestors)
        directives = pl.concat(
            [
                registered,
                found.select("key", "issued_at", "unit_id", pl.lit(False).alias("registered")),
            ]
        )
        copies = pl.concat([copies, cluster_copies(clusters, messages, found)])
    else:
        directives = registered
    arrivals = first_arrivals(copies)
    targets = directive_targets(directives, groups, ancestors, target_kinds)
    delivered = deliveries(directives, targets, arrivals)
    return DirectiveSpread(
        directives=directives,
        copies=copies,
        hops=arrival_hops(arrivals, groups, ancestors),
        delivered=delivered,
        reach=directive_reach(directives, delivered),
        never=never_reached(delivered),
        stalls=stalled_units(
            directives, delivered, arrivals, groups, ancestors, chain_kinds=chain_kinds
        ),
    )
