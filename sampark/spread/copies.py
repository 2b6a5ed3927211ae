"""Which messages are copies of a register's directive, from the fingerprints' clusters."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import polars as pl

from sampark.fingerprints.reference import BINS, WORDS

REGISTER_COLUMNS = ("directive_id", "issued_at", "keyed_hash", "signature", "shingles", "numbers")

COPY_SCHEMA = pl.Schema(
    [
        ("key", pl.String()),
        ("message_id", pl.Int64()),
        ("group_id", pl.String()),
        ("ts", pl.Datetime("us")),
    ]
)
"""One row per message that is a copy of a directive (`key` is the directive's id)."""


def register_as_messages(register: pl.DataFrame) -> pl.DataFrame:
    """The register's fingerprinted directives as messages without a group, so that they are
    clustered with the chat messages in the same run: `message_id` -1, -2, … in register
    order, `ts` the time of issue.

    `register`: directive_id, issued_at and the fingerprint of its text (`FINGERPRINT_SCHEMA`).
    """
    return register.select(
        (-1 - pl.int_range(pl.len(), dtype=pl.Int64)).alias("message_id"),
        pl.col("issued_at").cast(pl.Datetime("us")).alias("ts"),
        "keyed_hash",
        "signature",
        "shingles",
        "numbers",
    )


def _equal_bins(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """MinHash bins two signatures share, row for row (of `BINS`)."""
    a = np.ascontiguousarray(left, dtype=np.int64).view(np.uint16).reshape(-1, BINS)
    b = np.ascontiguousarray(right, dtype=np.int64).view(np.uint16).reshape(-1, BINS)
    return (a == b).sum(axis=1)  # type: ignore[no-any-return]


def directive_copies(
    clusters: pl.DataFrame,
    messages: pl.DataFrame,
    register: pl.DataFrame,
    *,
    early: timedelta = timedelta(0),
) -> pl.DataFrame:
    """The chat messages that copy a register's directive (`COPY_SCHEMA`).

    `clusters`: `near_duplicate_clusters` over the messages and `register_as_messages(register)`
    together; `messages`: message_id, group_id, ts, signature; `register`: as for
    `register_as_messages`, in the same order.

    A message in a cluster holding a directive is its copy, unless it was posted before the
    directive was issued (less `early`: a register that notes the time of issue a little late).
    When a cluster holds several directives (a text reissued, or one template with one word
    changed), each message goes to the directive whose signature it shares most, then to the
    latest issued before it.
    """
    if register.height == 0 or clusters.height == 0:
        return pl.DataFrame(schema=COPY_SCHEMA)
    issued = register.select(
        (-1 - pl.int_range(pl.len(), dtype=pl.Int64)).alias("message_id"),
        pl.col("directive_id").cast(pl.String),
        pl.col("issued_at").cast(pl.Datetime("us")),
        pl.col("signature").alias("directive_signature"),
    ).join(clusters.select("message_id", "cluster"), on="message_id")
    chat = (
        messages.select("message_id", "group_id", "ts", "signature")
        .with_columns(pl.col("group_id").cast(pl.String), pl.col("ts").cast(pl.Datetime("us")))
        .join(
            clusters.filter(pl.col("message_id") >= 0).select("message_id", "cluster"),
            on="message_id",
        )
    )
    pairs = chat.join(issued.drop("message_id"), on="cluster").filter(
        pl.col("ts") >= pl.col("issued_at") - early
    )
    if pairs.height == 0:
        return pl.DataFrame(schema=COPY_SCHEMA)
    shared = _equal_bins(
        pairs["signature"].to_numpy().reshape(-1, WORDS),
        pairs["directive_signature"].to_numpy().reshape(-1, WORDS),
    )
    return (
        pairs.with_columns(shared=pl.Series(shared, dtype=pl.Int32))
        .sort(
            ["message_id", "shared", "issued_at", "directive_id"],
            descending=[False, True, True, False],
        )
        .unique("message_id", keep="first", maintain_order=True)
        .select(pl.col("directive_id").alias("key"), "message_id", "group_id", "ts")
        .cast(COPY_SCHEMA)
    )


def cluster_copies(
    clusters: pl.DataFrame, messages: pl.DataFrame, keys: pl.DataFrame
) -> pl.DataFrame:
    """The chat messages of the clusters in `keys` (cluster, key) as copies (`COPY_SCHEMA`):
    a directive found without the register, or a rumour, is its whole cluster.

    `clusters`: `near_duplicate_clusters`; `messages`: message_id, group_id, ts.
    """
    return (
        clusters.filter(pl.col("message_id") >= 0)
        .select("message_id", "cluster")
        .join(keys.select("cluster", "key"), on="cluster")
        .join(messages.select("message_id", "group_id", "ts"), on="message_id")
        .select("key", "message_id", "group_id", "ts")
        .cast(COPY_SCHEMA)
        .sort("key", "ts", "message_id")
    )
