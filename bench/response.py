"""Response page figures at state scale: ~2M register entries, against 3 s cold, 300 ms warm.

    .venv/bin/python bench/response.py [--entries 2000000] [--seed 7] [--runs 5]

The entries come from the demo generator in-process (`etl.demo.build.response.register_frame`)
over a Bihar-sized hierarchy (12 ranges, 40 districts, 120 circles, 1,064 thanas), typed exactly as
`sampark.queries.registers.register_entries_frame` returns them; no database is involved. It
times: every unit's figures worked out at once (`response_snapshot`, what the ETL does after a
run), their stored size, reading them back (what a cold page view does when the ETL stored them),
picking one scope's rows (cold, once per scope) and a page view on those rows (warm, median of
--runs). Never fails on a budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.demo.build.response import register_frame
from etl.demo.model import Thana
from sampark.metrics.response.snapshot import (
    ResponseSnapshot,
    response_snapshot,
    snapshot_from_payloads,
    snapshot_payloads,
    summary_from_snapshot,
)
from sampark.metrics.response.summary import (
    ResponseSummary,
    ageing_of,
    child_rows,
    in_units,
    scope_key,
    scope_rows,
)
from sampark.settings import load_settings
from sampark.targets import load_profile

BUDGET_WARM_MS = 300.0
DISTRICTS, RANGES, THANAS = 40, 12, 1064


def bihar_like() -> tuple[pl.DataFrame, list[Thana]]:
    """Units (state → range → district → circle → thana) and the thanas for the generator."""
    rows = [("BR", "state", "Bihar", None)]
    thanas: list[Thana] = []
    for r in range(RANGES):
        rows.append((f"R{r:02d}", "range", f"Range {r}", "BR"))
    for d in range(DISTRICTS):
        did = f"D{d:02d}"
        rows.append((did, "district", f"District {d}", f"R{d % RANGES:02d}"))
        for c in range(3):
            rows.append((f"{did}-C{c}", "circle", f"Circle {d}.{c}", did))
        for t in range(THANAS * (d + 1) // DISTRICTS - THANAS * d // DISTRICTS):
            tid = f"{did}-T{t:03d}"
            rows.append((tid, "thana", f"Thana {d}.{t}", f"{did}-C{t % 3}"))
            thanas.append(Thana(tid, did, None, tid, tid, did, did))
    units = pl.DataFrame(rows, schema=["unit_id", "kind", "name", "parent_id"], orient="row")
    return units.with_columns(pl.col("name").alias("name_hi")), thanas


def page_view(summary: ResponseSummary, units: pl.DataFrame, scope: str | None) -> int:
    """What one Response page view computes for a scope (the state when None, with its
    districts; a district with its thanas); returns a row count so nothing is skipped."""
    key = scope_key(units, scope)
    child = "district" if scope is None else "thana"
    frames = [
        summary.by_unit.filter(pl.col("unit_id") == key),
        scope_rows(summary.spread, key),
        scope_rows(summary.weekly, key),
        scope_rows(summary.by_category, key),
        ageing_of(summary, key),
        child_rows(summary.by_unit, units, scope, child),
        child_rows(summary.breach_counts, units, scope, child),
        child_rows(summary.ageing, units, scope, child),
        in_units(summary.breaches, units, scope).head(500),
        in_units(summary.open, units, scope).head(200),
    ]
    return sum(f.height for f in frames)


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    units, thanas = bihar_like()
    profile = load_profile(load_settings().targets_dir, "bihar")
    start = time.perf_counter()
    entries = register_frame(thanas, args.entries, args.seed).with_row_index("entry_id")
    entries = entries.with_columns(pl.col("entry_id").cast(pl.Int64))
    generated = time.perf_counter() - start
    print(
        f"entries: {entries.height:,} over {len(thanas):,} thanas (generated in {generated:.1f} s)"
    )
    print(f"polars {pl.__version__}, threads {pl.thread_pool_size()}")
    held: list[ResponseSnapshot] = []
    built = timed(lambda: held.append(response_snapshot(entries, units, profile)))
    print(f"every unit's figures worked out (the ETL, once per data version): {built:8.1f} ms")
    payloads = snapshot_payloads(held[0])
    size = sum(len(p) for p in payloads.values()) / 1e6
    print(f"stored as {len(payloads)} parts, {size:.1f} MB")
    read: list[ResponseSnapshot | None] = []
    back = timed(lambda: read.append(snapshot_from_payloads(payloads)))
    snapshot = read[0]
    assert snapshot is not None
    print(f"cold, figures read back (a first page view):                 {back:8.1f} ms")
    for scope, label in ((None, "state"), ("D07", "district D07")):
        picked: list[ResponseSummary] = []
        cold = timed(
            lambda s=scope, p=picked: p.append(summary_from_snapshot(snapshot, units, s, None))
        )
        summary = picked[0]
        print(f"cold, {label:12} rows picked (once per scope):             {cold:8.1f} ms")
        warm = [timed(lambda s=scope, v=summary: page_view(v, units, s)) for _ in range(args.runs)]
        median = statistics.median(warm)
        verdict = "within" if median <= BUDGET_WARM_MS else "OVER"
        print(
            f"warm page view, {label:12}: {median:7.1f} ms median of {args.runs}"
            f" (max {max(warm):.1f}); budget ≤ {BUDGET_WARM_MS:.0f} ms: {verdict}"
        )


if __name__ == "__main__":
    main()
