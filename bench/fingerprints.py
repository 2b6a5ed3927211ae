"""Time message fingerprints and near-duplicate matching at state scale.

    .venv/bin/python bench/fingerprints.py                  # 10M messages, seed 7
    .venv/bin/python bench/fingerprints.py --scale small    # 200k messages, quick
    .venv/bin/python bench/fingerprints.py --pairs          # only the hand-made pairs

Each step runs in its own child process (peak RSS from `os.wait4`), on files in a temp dir:

1. generate: a synthetic state's messages (Hindi and English pseudo-words drawn by Zipf's
   law, ∝ 1/rank, from 40,000 of each; one word to ~120, most short, as in police groups), with
   planted near-duplicate clusters: base messages of two to four lines copied into many groups
   with the edits the matching must survive (marker in front, emoji, a typo or two, a line
   added or cut, other spacing), and the truth of which cluster each copy belongs to;
2. fingerprint: `fingerprint_frame` over all texts, in batches of 1M, on 2 threads: MB/s of
   message text (wall and CPU time);
3. match: `near_duplicate_clusters` over the 10M rows: time, and precision / recall against the
   planted clusters;
4. parse: `parse_export` on bench/parse.py's ~100 MB export, then `fingerprint_frame` on the
   messages it found: the two times of the same file side by side (the aim: fingerprints cost
   under a fifth of parsing);
5. pairs: the hand-made pairs of tests/fingerprints/pairs.jsonl, recall and precision per kind
   of edit, for the signature used and for 64-bit SimHash at Hamming distance 3, 6 and 10.

Never fails on a time; the machine may be shared, so read the load average it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PEPPER = b"bench-pepper-not-a-secret-0123456789abcdef"
SCALES = {"small": 200_000, "state": 10_000_000}
BATCH = 1_000_000  # texts fingerprinted per call


def fingerprint(folder: Path, threads: int) -> dict[str, Any]:
    from sampark.fingerprints import native
    from sampark.fingerprints.frames import fingerprint_frame

    texts = pl.read_parquet(folder / "messages.parquet", columns=["text"])["text"]
    megabytes = float(texts.str.len_bytes().sum()) / 1e6
    parts = []
    wall = cpu = 0.0
    for start in range(0, texts.len(), BATCH):
        batch = texts.slice(start, BATCH).rechunk()
        w, c = time.perf_counter(), time.process_time()
        parts.append(fingerprint_frame(batch, PEPPER, threads=threads))
        wall += time.perf_counter() - w
        cpu += time.process_time() - c
    prints = pl.concat(parts)
    prints.write_parquet(folder / "fingerprints.parquet")
    return {
        "engine": "native" if native.available() else "python",
        "seconds": wall,
        "cpu_seconds": cpu,
        "megabytes": megabytes,
        "fingerprinted": int(prints["keyed_hash"].is_not_null().sum()),
    }


def match(folder: Path) -> dict[str, Any]:
    from sampark.fingerprints.clusters import near_duplicate_clusters

    messages = pl.read_parquet(
        folder / "messages.parquet", columns=["message_id", "group_id", "ts", "planted"]
    )
    prints = pl.read_parquet(folder / "fingerprints.parquet")
    frame = pl.concat([messages.drop("planted"), prints], how="horizontal")
    start = time.perf_counter()
    clusters = near_duplicate_clusters(frame)
    seconds = time.perf_counter() - start
    found = clusters.join(
        pl.concat([messages, prints.select("keyed_hash")], how="horizontal"), on="message_id"
    )
    # Truth: a planted cluster, or for any other message its own text (exact copies agree).
    truth = pl.coalesce(pl.col("planted"), -1 - (pl.col("keyed_hash") & 0x3FFFFFFFFFFFFFFF))
    found = found.with_columns(truth=truth)
    multi = found.filter(pl.col("size") > 1)
    majority = multi.group_by("cluster").agg(pl.col("truth").mode().first().alias("major"))
    precision_hits = (
        multi.join(majority, on="cluster")
        .select((pl.col("truth") == pl.col("major")).mean())
        .item()
    )
    planted = found.filter(pl.col("planted").is_not_null())
    best = (
        planted.group_by("planted", "cluster")
        .len()
        .group_by("planted")
        .agg(pl.col("len").max().alias("kept"), pl.col("len").sum().alias("all"))
    )
    recall = best["kept"].sum() / max(1, best["all"].sum())
    return {
        "seconds": seconds,
        "clusters": int(multi["cluster"].n_unique()),
        "in_clusters": multi.height,
        "precision": float(precision_hits or 0.0),
        "recall": float(recall),
        "planted_fingerprinted": planted.height,
    }


def parse(folder: Path, threads: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from parse import generate as generate_export  # bench/parse.py

    from etl.sources.whatsapp import parse_export
    from sampark.fingerprints.frames import fingerprint_frame

    path = folder / "WhatsApp Chat with Bench.txt"
    if not path.exists():
        generate_export(path, 100_000_000, 7)
    fingerprint_frame(pl.Series(["warm up the library and its tables " * 2]), PEPPER)
    start = time.perf_counter()
    result = parse_export(path)
    parse_seconds = time.perf_counter() - start
    texts = result.messages["text"]
    start = time.perf_counter()
    fingerprint_frame(texts, PEPPER, threads=threads)
    fp_seconds = time.perf_counter() - start
    return {
        "file_megabytes": path.stat().st_size / 1e6,
        "text_megabytes": float(texts.str.len_bytes().sum()) / 1e6,
        "parse_seconds": parse_seconds,
        "fingerprint_seconds": fp_seconds,
        "engine": result.engine,
    }


def pairs() -> None:
    """Recall and precision on the hand-made pairs: the signature used, and SimHash."""
    from sampark.fingerprints import reference as ref
    from sampark.fingerprints.clusters import near_duplicate_clusters
    from sampark.fingerprints.frames import fingerprint_frame
    from sampark.fingerprints.normalise import has_fingerprint, normalised_text

    rows = [json.loads(line) for line in (ROOT / "tests/fingerprints/pairs.jsonl").open()]
    texts = pl.Series([text for row in rows for text in (row["a"], row["b"])])
    prints = fingerprint_frame(texts, PEPPER).with_columns(
        message_id=pl.int_range(pl.len(), dtype=pl.Int64),
        ts=pl.lit(np.datetime64("2026-10-01T00:00:00", "us")),
    )
    _, seed = ref.keys_from_pepper(PEPPER)

    def simhash_distance(a: str, b: str) -> int | None:
        na, nb = normalised_text(a), normalised_text(b)
        if not (has_fingerprint(na) and has_fingerprint(nb)):
            return None
        ha, hb = ref.shingle_hashes(na, seed), ref.shingle_hashes(nb, seed)
        return (ref.simhash(ha) ^ ref.simhash(hb)).bit_count()

    methods: dict[str, list[bool]] = {"minhash (used)": []}
    for limit in (3, 6, 10):
        methods[f"simhash <= {limit}"] = []
    for n, row in enumerate(rows):
        found = near_duplicate_clusters(prints.slice(2 * n, 2))
        methods["minhash (used)"].append(found.height == 2 and found["cluster"].n_unique() == 1)
        distance = simhash_distance(row["a"], row["b"])
        for limit in (3, 6, 10):
            methods[f"simhash <= {limit}"].append(distance is not None and distance <= limit)
    kinds = sorted({row["why"] for row in rows}, key=lambda w: (not w[0].isalpha(), w))
    print(f"{len(rows)} pairs: {sum(r['match'] for r in rows)} must match\n")
    for name, got in methods.items():
        tp = sum(g and r["match"] for g, r in zip(got, rows, strict=True))
        fp = sum(g and not r["match"] for g, r in zip(got, rows, strict=True))
        fn = sum(not g and r["match"] for g, r in zip(got, rows, strict=True))
        print(f"{name:<16} recall {tp / (tp + fn):.3f}  precision {tp / max(1, tp + fp):.3f}")
        per = Counter()
        for g, r in zip(got, rows, strict=True):
            per[r["why"]] += g
        counts = Counter(r["why"] for r in rows)
        print("   " + ", ".join(f"{w} {per[w]}/{counts[w]}" for w in kinds))


def child(step: str, folder: Path, args: argparse.Namespace) -> None:
    if step == "generate":
        from fingerprint_messages import generate  # bench/fingerprint_messages.py

        result = generate(folder, SCALES[args.scale], args.seed)
    elif step == "fingerprint":
        result = fingerprint(folder, args.threads)
    elif step == "match":
        result = match(folder)
    else:
        result = parse(folder, args.threads)
    print(json.dumps(result))


def run(step: str, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", step, str(folder), "--scale", args.scale]
    command += ["--seed", str(args.seed), "--threads", str(args.threads)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes before reaping, then reap with wait4 to get this child's own rusage.
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{step} failed:\n{err.decode(errors='replace')[-2000:]}")
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    result["rss_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="state")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work here and keep the files")
    parser.add_argument("--pairs", action="store_true", help="only the hand-made pairs")
    parser.add_argument("--child", nargs=2, metavar=("STEP", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args)
        return
    if args.pairs:
        pairs()
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        made = run("generate", folder, args)
        print(
            f"generated {made['messages']:,} messages, {made['megabytes']:.0f} MB of text,"
            f" {made['planted_messages']:,} in {made['planted_clusters']:,} planted clusters"
            f" (peak RSS {made['rss_mb']:.0f} MB)"
        )
        got = run("fingerprint", folder, args)
        print(
            f"fingerprint [{got['engine']}]: {got['seconds']:.1f} s wall,"
            f" {got['megabytes'] / got['seconds']:.0f} MB/s of text ({args.threads} threads);"
            f" CPU {got['cpu_seconds']:.1f} s = {got['megabytes'] / got['cpu_seconds']:.0f}"
            f" MB per CPU-second; {got['fingerprinted']:,} fingerprinted;"
            f" peak RSS {got['rss_mb']:.0f} MB"
        )
        found = run("match", folder, args)
        print(
            f"match: {found['seconds']:.1f} s, {found['clusters']:,} clusters holding"
            f" {found['in_clusters']:,} messages; precision {found['precision']:.4f},"
            f" recall {found['recall']:.4f} on {found['planted_fingerprinted']:,} planted"
            f" messages; peak RSS {found['rss_mb']:.0f} MB"
        )
        side = run("parse", folder, args)
        ratio = side["fingerprint_seconds"] / side["parse_seconds"]
        print(
            f"same export ({side['file_megabytes']:.0f} MB, {side['text_megabytes']:.0f} MB of"
            f" message text): parse [{side['engine']}] {side['parse_seconds']:.2f} s,"
            f" fingerprint {side['fingerprint_seconds']:.2f} s = {ratio:.2f} of parsing"
            f" (aim < 0.20)"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
