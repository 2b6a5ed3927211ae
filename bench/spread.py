"""Time the spread figures (directives down the tree, rumours across it) at state scale.

    .venv/bin/python bench/fingerprints.py --keep /tmp/fp     # makes the 10M messages once
    .venv/bin/python bench/spread.py /tmp/fp                   # then this, on the same files

On bench/fingerprints.py's messages and fingerprints: a synthetic tree of 40 districts,
200 circles and 1,100 thanas over its 1,699 groups (1 apex, 40 district staff, 200 circle,
the rest thana groups), one sender in ten police, and a register of 200 directives (the first
copy of 200 planted clusters, issued a minute before it). Then, each timed: the clusters of
messages and register together, `directive_spread` (copies, arrivals, hops, reach, stalls,
directives found without the register), `rumour_clusters` and `broadcast_texts_to_keep`.
Peak RSS at the end. Never fails on a time; the machine may be shared, so read the load
average it prints.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sampark.fingerprints.clusters import near_duplicate_clusters  # noqa: E402
from sampark.fingerprints.frames import fingerprint_frame  # noqa: E402
from sampark.spread.broadcasts import broadcast_texts_to_keep  # noqa: E402
from sampark.spread.copies import register_as_messages  # noqa: E402
from sampark.spread.rumours import group_districts, rumour_clusters  # noqa: E402
from sampark.spread.spread import directive_spread  # noqa: E402
from sampark.spread.tree import unit_ancestors  # noqa: E402

PEPPER = b"bench-pepper-not-a-secret-0123456789abcdef"  # as bench/fingerprints.py


def network(groups: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    units = [("S", "state", None)]
    units += [(f"D{d}", "district", "S") for d in range(40)]
    units += [(f"C{c}", "circle", f"D{c // 5}") for c in range(200)]
    units += [(f"T{t}", "thana", f"C{t % 200}") for t in range(1_100)]
    rows = [("1", "S", "apex")]
    rows += [(str(2 + d), f"D{d}", "district_staff") for d in range(40)]
    rows += [(str(42 + c), f"C{c}", "circle") for c in range(200)]
    rows += [(str(g), f"T{(g - 242) % 1_100}", "thana_public") for g in range(242, groups + 1)]
    return (
        pl.DataFrame(units, schema=["unit_id", "kind", "parent_id"], orient="row"),
        pl.DataFrame(rows, schema=["group_id", "unit_id", "kind"], orient="row"),
    )


def timed(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"{label}: {now - started:.1f} s")
    return now


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folder", type=Path, help="bench/fingerprints.py --keep folder")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    raw = pl.read_parquet(args.folder / "messages.parquet")
    prints = pl.read_parquet(args.folder / "fingerprints.parquet")
    rng = np.random.default_rng(7)
    messages = pl.concat([raw, prints], how="horizontal").with_columns(
        pl.col("group_id").cast(pl.String),
        is_officer=pl.Series(rng.random(raw.height) < 0.1),
    )
    messages = messages.with_columns(is_police=pl.col("is_officer"))
    units, groups = network(int(raw["group_id"].max() or 0))
    planted = (
        messages.filter(pl.col("planted").is_not_null() & pl.col("keyed_hash").is_not_null())
        .sort("ts")
        .unique("planted", keep="first", maintain_order=True)
        .head(200)
    )
    register = planted.select(
        pl.format("PHQ/{}", "planted").alias("directive_id"),
        (pl.col("ts") - pl.duration(minutes=1)).alias("issued_at"),
        pl.lit(None, pl.String).alias("unit_id"),
        "text",
    )
    register = pl.concat([register, fingerprint_frame(register["text"], PEPPER)], how="horizontal")
    messages = messages.drop("text", "planted")
    print(f"{messages.height:,} messages, register of {register.height} directives")

    start = time.perf_counter()
    both = pl.concat([messages, register_as_messages(register)], how="diagonal_relaxed")
    clusters = near_duplicate_clusters(both)
    start = timed("clusters of messages and register", start)
    ancestors = unit_ancestors(units)
    spread = directive_spread(
        clusters, messages, register, groups, ancestors, target_kinds=["thana_public"]
    )
    start = timed(
        f"directive_spread ({spread.directives.height} directives,"
        f" {spread.copies.height:,} copies, {spread.stalls.height:,} stalls)",
        start,
    )
    rumours = rumour_clusters(clusters, messages, group_districts(groups, ancestors))
    start = timed(f"rumour_clusters ({rumours.height:,} found)", start)
    keep = broadcast_texts_to_keep(
        clusters,
        messages.with_columns(has_text=pl.lit(True)),
        pl.Series([], dtype=pl.Int64),
    )
    timed(f"broadcast_texts_to_keep ({keep.height:,} texts)", start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB; load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
