"""What a parse worker spends on a state's chat exports: each export read alone against the
exports read in the workers' batches, alternated in one run, one polars thread (as in a
worker), CPU seconds and MB/s; and whether both give the same chats.

    .venv/bin/python bench/chat_reads.py --inbox /tmp/bench/inbox --db sqlite:////tmp/bench/bench.db

`--inbox` is a loaded inbox (`bench/etl_state.py --keep DIR` leaves `DIR/inbox` and
`DIR/bench.db`); the database gives the groups and members the exports are matched against.
`--files N --skip M` take N exports after the first M (in name order)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["POLARS_MAX_THREADS"] = "1"  # before polars is imported: as in a parse worker
# The checkout this file is in (or the one PYTHONPATH names first) is the code measured.
sys.path.append(str(Path(__file__).resolve().parents[1]))

import argparse
import statistics
import time
from collections.abc import Callable

import sqlalchemy as sa

from etl.chat_loads import chat_directory
from etl.chat_prints import Printed
from etl.chat_reads import (
    BATCH_BYTES,
    BATCH_FILES,
    batches,
    read_chat_or_reason,
    read_chats_or_reasons,
)


def _shown(result: Printed | str) -> object:
    if isinstance(result, str):
        return result
    chat = result[0]
    return (
        chat.group_id,
        chat.messages.rows(),
        chat.events.rows(),
        chat.rejects.rows(),
        chat.guesses.rows(),
        chat.incomplete,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inbox", type=Path, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args()
    directory = chat_directory(sa.create_engine(opts.db))
    found = sorted(
        p for p in opts.inbox.rglob("*") if p.suffix.lower() in (".txt", ".zip") and p.is_file()
    )
    paths = found[opts.skip : opts.skip + opts.files]
    megabytes = sum(p.stat().st_size for p in paths) / 2**20

    def alone() -> list[Printed | str]:
        return [read_chat_or_reason(path, directory, False) for path in paths]

    def batched() -> list[Printed | str]:
        runs = batches([(p, "") for p in paths], BATCH_FILES, BATCH_BYTES)
        return [
            r for run in runs for r in read_chats_or_reasons([p for p, _ in run], directory, False)
        ]

    ways: dict[str, Callable[[], list[Printed | str]]] = {"alone": alone, "batches": batched}
    cpu: dict[str, list[float]] = {name: [] for name in ways}
    results: dict[str, list[object]] = {}
    for _ in range(opts.rounds):
        for name, way in ways.items():
            start = time.process_time()
            got = way()
            cpu[name].append(time.process_time() - start)
            results[name] = [_shown(r) for r in got]
    print(f"{len(paths)} exports, {megabytes:.1f} MB, medians of {opts.rounds} rounds (CPU)")
    base = statistics.median(cpu["alone"])
    for name, spent in cpu.items():
        median = statistics.median(spent)
        print(
            f"{name:8s} {median:7.2f} s  {megabytes / median:6.1f} MB/s  "
            f"{median / len(paths) * 1000:5.1f} ms an export  {median / base:5.2f}x"
        )
    same = results["alone"] == results["batches"]
    print("same chats both ways:", "yes" if same else "NO")
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    main()
