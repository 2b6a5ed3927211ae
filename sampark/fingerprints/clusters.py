"""Near-duplicate clusters of fingerprinted messages, at state scale.

1. Messages with the same keyed hash are one text: the rest works on distinct texts, once.
2. Candidates: each of the signature's 16 words is an LSH band (four 16-bit MinHash bins);
   texts sharing a word in the same band are candidates, linked to the bucket's first text and
   to the one before them in the bucket (two links a text and band, never all pairs, so a
   bucket of a thousand variants costs two thousand links, not half a million).
3. Verification of each link, from the signatures alone (the text is not stored):
   - the numbers agree: one text's digit runs are among the other's (a line added or cut
     keeps them; another date, time or count of one template does not);
   - similar enough: estimated Jaccard ≥ `MIN_JACCARD`, or, for a line cut or added,
     estimated containment of the smaller in the larger ≥ `MIN_CONTAINMENT` while Jaccard is
     still ≥ `MIN_JACCARD_CONTAINED` (so a short common line inside many long messages does
     not tie them together).
4. Clusters are the connected components of the verified links (union–find by label
   propagation with pointer jumping, vectorised over all links at once).

Memory: the distinct texts' signatures (8 + 128 + 4 + 8 bytes each) and, per band in turn,
two int32 columns over the texts plus the links; at 10M messages of which 5M distinct
fingerprinted texts that is ~0.8 GB beside the input frame (see bench/README.md).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sampark.fingerprints.reference import BINS, WORDS

MIN_JACCARD = 0.6
MIN_CONTAINMENT = 0.85
MIN_JACCARD_CONTAINED = 0.35

CLUSTER_SCHEMA = pl.Schema(
    [("message_id", pl.Int64()), ("cluster", pl.Int64()), ("size", pl.UInt32())]
)
"""One row per fingerprinted message: `cluster` is the keyed hash of the cluster's first text
(earliest `ts`, then smallest keyed hash), `size` the messages in the cluster."""


def distinct_texts(messages: pl.DataFrame) -> pl.DataFrame:
    """One row per keyed hash among fingerprinted messages, with `text` its number (0, 1, …)
    and its first time seen."""
    return (
        messages.filter(pl.col("keyed_hash").is_not_null())
        .group_by("keyed_hash")
        .agg(
            pl.col("signature").first(),
            pl.col("shingles").first(),
            pl.col("numbers").first(),
            pl.col("ts").min().alias("first_ts"),
        )
        .sort("keyed_hash")
        .with_row_index("text")
    )


def candidate_links(signatures: np.ndarray) -> np.ndarray:
    """(n, 2) int32 pairs of texts sharing a band: each text in a bucket linked to the
    bucket's first text and to the text before it; unique, smaller text first."""
    rows = signatures.shape[0]
    texts = np.arange(rows, dtype=np.int32)
    links = []
    for word in range(signatures.shape[1]):
        band = pl.DataFrame({"key": signatures[:, word], "text": texts}).sort("key", "text")
        same = (pl.col("key") == pl.col("key").shift(1)).fill_null(False)
        first = pl.when(same.not_()).then(pl.col("text")).forward_fill()
        pairs = (
            band.with_columns(prev=pl.col("text").shift(1), first=first)
            .filter(same)
            .select(
                pl.concat_list(
                    pl.concat_list("prev", "text"), pl.concat_list("first", "text")
                ).alias("pair")
            )
        )
        if pairs.height:
            links.append(pairs["pair"].explode().to_numpy().reshape(-1, 2))
    if not links:
        return np.zeros((0, 2), np.int32)
    both = np.concatenate(links).astype(np.int32)
    both = both[both[:, 0] != both[:, 1]]
    both.sort(axis=1)
    return np.unique(both, axis=0) if both.size else both


def verified(
    links: np.ndarray, signatures: np.ndarray, shingles: np.ndarray, numbers: np.ndarray
) -> np.ndarray:
    """Which links pass the verification (see the module's docstring)."""
    a, b = links[:, 0], links[:, 1]
    lanes = signatures.view(np.uint16).reshape(signatures.shape[0], BINS)
    equal = np.zeros(len(links), np.int32)
    # In slices, so the (links × 64) comparison stays small.
    step = 1 << 18
    for start in range(0, len(links), step):
        part = slice(start, start + step)
        equal[part] = (lanes[a[part]] == lanes[b[part]]).sum(axis=1)
    jaccard = equal / BINS
    size_a, size_b = shingles[a].astype(np.float64), shingles[b].astype(np.float64)
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    containment = shared / np.minimum(size_a, size_b)
    na, nb = numbers[a], numbers[b]
    both = na & nb
    numbers_agree = (both == na) | (both == nb)
    similar = (jaccard >= MIN_JACCARD) | (
        (jaccard >= MIN_JACCARD_CONTAINED) & (containment >= MIN_CONTAINMENT)
    )
    return numbers_agree & similar  # type: ignore[no-any-return]


def components(rows: int, links: np.ndarray) -> np.ndarray:
    """The smallest text of each text's connected component (links as (n, 2) int32)."""
    label = np.arange(rows, dtype=np.int32)
    if not len(links):
        return label
    a, b = links[:, 0], links[:, 1]
    while True:
        la, lb = label[a], label[b]
        low = np.minimum(la, lb)
        before = label.copy()
        np.minimum.at(label, la, low)
        np.minimum.at(label, lb, low)
        while True:  # pointer jumping: every text straight to its root
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def near_duplicate_clusters(messages: pl.DataFrame) -> pl.DataFrame:
    """Clusters of near-duplicate messages (`CLUSTER_SCHEMA`).

    `messages`: message_id, ts, keyed_hash, signature, shingles, numbers (other columns, such
    as group_id, are ignored); rows without a fingerprint (null keyed hash) are left out.
    """
    texts = distinct_texts(messages)
    if texts.height == 0:
        return pl.DataFrame(schema=CLUSTER_SCHEMA)
    signatures = texts["signature"].to_numpy().reshape(texts.height, WORDS)
    signatures = np.ascontiguousarray(signatures, dtype=np.int64)
    links = candidate_links(signatures)
    if len(links):
        links = links[
            verified(links, signatures, texts["shingles"].to_numpy(), texts["numbers"].to_numpy())
        ]
    root = components(texts.height, links)
    heads = (
        texts.select("text", "keyed_hash", "first_ts")
        .with_columns(root=pl.Series(root, dtype=pl.UInt32))
        .group_by("root")
        .agg(pl.col("keyed_hash").sort_by("first_ts", "keyed_hash").first().alias("cluster"))
    )
    cluster_of_text = (
        texts.select("keyed_hash", "text")
        .with_columns(root=pl.Series(root, dtype=pl.UInt32))
        .join(heads, on="root")
        .select("keyed_hash", "cluster")
    )
    return (
        messages.filter(pl.col("keyed_hash").is_not_null())
        .select("message_id", "keyed_hash")
        .join(cluster_of_text, on="keyed_hash")
        .with_columns(size=pl.len().over("cluster").cast(pl.UInt32))
        .select(list(CLUSTER_SCHEMA))
        .cast(CLUSTER_SCHEMA)
    )
