"""The fingerprint bench's synthetic state: messages of Hindi and English pseudo-words drawn by
Zipf's law, with planted near-duplicate clusters and the truth of which cluster each copy
belongs to (see bench/fingerprints.py, step 1).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

BATCH = 1_000_000
CONSONANTS = "कखगघचछजझटठडढतथदधनपफबभमयरलवशसह"
MATRAS = ["", "", "ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ं", "्"]
LATIN = "bcdfghjklmnprstvwyz"
VOWELS = "aeiou"
MARKERS = ["*Important*\n", "Forwarded\n", "🚨 *URGENT* 🚨\n", "*अति आवश्यक*\n", "_जरूरी सूचना_\n"]
EMOJI = ["🙏", "🚨", "⚠️", "👉", "🇮🇳", "‼️", "📢", "🙏🏽"]
LINES = ["Please share in all groups.", "सभी ग्रुप में भेजें।", "Jai Hind", "अनुपालन सुनिश्चित करें।"]
# Share of the messages that are planted copies, and their mean cluster size.
PLANTED_SHARE = 0.03
MEAN_CLUSTER = 25


def vocabulary(rng: random.Random, hindi: bool, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.randint(1, 4)
        if hindi:
            word = "".join(rng.choice(CONSONANTS) + rng.choice(MATRAS) for _ in range(syllables))
        else:
            word = "".join(rng.choice(LATIN) + rng.choice(VOWELS) for _ in range(syllables))
        words.add(word)
    # Shuffled: the most common words must not be the alphabetically first, which share
    # their first syllables.
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def _zipf_cdf(size: int) -> np.ndarray:
    """Zipf's law over `size` words (the r-th most common word drawn ∝ 1/r), as a CDF."""
    weights = 1.0 / np.arange(1, size + 1)
    cdf = np.cumsum(weights / weights.sum())
    cdf[-1] = 1.0
    return cdf


def sentences(
    words: pl.Series, counts: np.ndarray, rng: np.random.Generator, width: int = 40
) -> pl.Series:
    """One text per count: that many Zipf-drawn words (at most `width` × 3) joined by spaces."""
    rows = len(counts)
    parts = []
    for part in range(3):
        cols = []
        left = np.clip(counts - part * width, 0, width)
        if not left.any():
            break
        for j in range(width):
            draw = np.searchsorted(_zipf_cdf(len(words)), rng.random(rows))
            cols.append(pl.when(pl.lit(pl.Series(left > j))).then(pl.lit(words.gather(draw))))
        parts.append(pl.select(pl.concat_str(cols, separator=" ", ignore_nulls=True)).to_series())
    out = parts[0]
    for more in parts[1:]:
        out = pl.select(pl.concat_str([out, more], separator=" ", ignore_nulls=True)).to_series()
    return out.alias("text")


def generate(folder: Path, messages: int, seed: int) -> dict[str, Any]:
    """Write messages.parquet (message_id, group_id, ts, text, planted) and return counts."""
    rng = np.random.default_rng(seed)
    py = random.Random(seed)
    hindi = pl.Series(vocabulary(py, True, 40_000))
    english = pl.Series(vocabulary(py, False, 40_000))
    copies = int(messages * PLANTED_SHARE)
    frames = _background(rng, hindi, english, messages - copies)
    frames.append(_planted(rng, hindi, english, copies))
    data = pl.concat(frames).sample(fraction=1.0, shuffle=True, seed=seed)
    rows = data.height
    data = data.select(
        pl.int_range(rows, dtype=pl.Int64).alias("message_id"),
        pl.Series("group_id", rng.integers(1, 1_700, rows), dtype=pl.Int32),
        (
            pl.lit(np.datetime64("2026-10-01T00:00:00", "us"))
            + pl.duration(seconds=pl.Series(rng.integers(0, 30 * 86_400, rows)))
        ).alias("ts"),
        "text",
        "planted",
    )
    data.write_parquet(folder / "messages.parquet")
    return {
        "messages": rows,
        "megabytes": float(data["text"].str.len_bytes().sum()) / 1e6,
        "planted_messages": int(data["planted"].is_not_null().sum()),
        "planted_clusters": int(data["planted"].n_unique() - 1),
    }


def _background(
    rng: np.random.Generator, hindi: pl.Series, english: pl.Series, background: int
) -> list[pl.DataFrame]:
    """The messages that belong to no planted cluster (text, planted = null), in batches."""
    frames = []
    for start in range(0, background, BATCH):
        rows = min(BATCH, background - start)
        # Most messages are a few words ("ok sir", "जी सर"), some long notices.
        counts = np.clip(np.round(rng.lognormal(1.6, 0.9, rows)), 1, 120).astype(np.int64)
        is_hindi = rng.random(rows) < 0.6
        text = pl.select(
            pl.when(pl.lit(pl.Series(is_hindi)))
            .then(pl.lit(sentences(hindi, counts, rng)))
            .otherwise(pl.lit(sentences(english, counts, rng)))
        ).to_series()
        frames.append(
            pl.DataFrame({"text": text, "planted": pl.Series([None] * rows, dtype=pl.Int64)})
        )
    return frames


def _planted(
    rng: np.random.Generator, hindi: pl.Series, english: pl.Series, copies: int
) -> pl.DataFrame:
    """Planted clusters (text, planted): base notices of 2-4 lines, each copied into many
    groups with edits."""
    clusters = max(1, copies // MEAN_CLUSTER)
    sizes = np.minimum(rng.zipf(1.8, clusters), 2_000)
    sizes = np.maximum(2, np.round(sizes / sizes.sum() * copies)).astype(np.int64)
    lines = []
    for _ in range(3):
        n = rng.integers(6, 25, clusters)
        lines.append(
            pl.select(
                pl.when(pl.lit(pl.Series(rng.random(clusters) < 0.6)))
                .then(pl.lit(sentences(hindi, n, rng)))
                .otherwise(pl.lit(sentences(english, n, rng)))
            ).to_series()
        )
    bases = pl.select(pl.concat_str(lines, separator="\n")).to_series()
    member = np.repeat(np.arange(clusters), sizes)
    copy = pl.DataFrame({"planted": member, "text": bases.gather(member)})
    return _edited(copy, rng).select("text", pl.col("planted").cast(pl.Int64))


def _edited(copy: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """The copies with the edits the matching must survive, each drawn for a share of them: a
    typo, the last line cut, a line added, a marker in front, an emoji after, other spacing."""
    k = copy.height
    pick = lambda p: pl.lit(pl.Series(rng.random(k) < p))  # noqa: E731
    choice = lambda options: pl.lit(pl.Series(options).gather(rng.integers(0, len(options), k)))  # noqa: E731
    position = pl.lit(pl.Series(rng.random(k))) * pl.col("text").str.len_chars()
    at = position.cast(pl.Int64)
    return (
        copy.with_columns(
            pl.when(pick(0.2))  # a typo: one character dropped
            .then(pl.col("text").str.slice(0, at) + pl.col("text").str.slice(at + 1))
            .otherwise(pl.col("text"))
        )
        .with_columns(
            pl.when(pick(0.2))
            .then(pl.col("text").str.replace(r"\n[^\n]*$", ""))
            .otherwise(pl.col("text"))  # the last line cut
        )
        .with_columns(
            pl.when(pick(0.2))
            .then(pl.col("text") + "\n" + choice(LINES))
            .otherwise(pl.col("text"))  # a line added
        )
        .with_columns(
            pl.when(pick(0.3)).then(choice(MARKERS) + pl.col("text")).otherwise(pl.col("text"))
        )
        .with_columns(
            pl.when(pick(0.3)).then(pl.col("text") + " " + choice(EMOJI)).otherwise(pl.col("text"))
        )
        .with_columns(
            pl.when(pick(0.2))
            .then(pl.col("text").str.replace_all(" ", "  "))
            .otherwise(pl.col("text"))
        )
    )
