"""ETL benchmark at state scale: demo inbox → cold load → re-run, against the budgets.

    .venv/bin/python bench/etl_state.py [--scale state] [--state bihar] [--seed 7]
                                         [--keep DIR] [--inbox DIR] [--db URL] [--reset-db]

Each step runs as its own child process (`python -m etl …`), so the wall time and peak RSS
measured are the CLI's own. Prints a table; never fails on a missed budget.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUDGET_COLD_S = 60.0
BUDGET_RERUN_S = 3.0
BUDGET_RSS_MB = 1536.0


@dataclass
class Step:
    name: str
    seconds: float
    peak_rss_mb: float
    stdout: str
    tree_rss_mb: float = 0.0  # the largest sum over the process and its workers, sampled
    cpu_seconds: float = 0.0  # user + system, the process and its workers


def run_child(name: str, args: list[str], log_dir: Path) -> Step:
    """Run `python -m …args` from the repo root; wall time and the child's own peak RSS."""
    cmd = [sys.executable, "-m", *args]
    print(f"$ {' '.join(cmd)}", flush=True)
    out_path = log_dir / f"{name}.stdout"
    err_path = log_dir / f"{name}.stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        tree_mb = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree_mb = max(tree_mb, tree_rss_mb(proc.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"{name} failed with exit {proc.returncode}:\n{tail}")
    # ru_maxrss is KiB on Linux, and the largest single process of the tree, not their sum.
    cpu = usage.ru_utime + usage.ru_stime  # with the reaped workers'
    return Step(name, seconds, usage.ru_maxrss / 1024, stdout, tree_mb, cpu)


def tree_rss_mb(root: int) -> float:
    """The resident memory of `root` and all its descendants now (the parse workers), from
    /proc; 0 where /proc cannot be read."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


def parse_summary(step: Step) -> dict[str, Any]:
    text = step.stdout.strip()
    start = text.find("{")
    if start < 0:
        sys.exit(f"{step.name}: no JSON summary on stdout:\n{text[-2000:]}")
    summary: dict[str, Any] = json.loads(text[start:])
    return summary


def reset_database(url: str) -> None:
    """Empty the target database so the 'cold' run is cold (SQLite file or PostgreSQL schema)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(path + suffix).unlink(missing_ok=True)
        return
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def ratio(value: float, budget: float) -> str:
    verdict = "ok" if value <= budget else "OVER"
    return f"{value / budget:6.2f}x  {verdict}"


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="state", choices=["small", "state"])
    parser.add_argument("--state", default="bihar", choices=["bihar", "rajasthan", "up"])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (default: a temp dir)")
    parser.add_argument(
        "--inbox", type=Path, help="load this inbox as it is (no demo step; it is never deleted)"
    )
    parser.add_argument("--db", help="database URL (default: sqlite:///DIR/bench.db)")
    parser.add_argument(
        "--reset-db",
        action="store_true",
        help="with --db postgresql…: DROP SCHEMA public CASCADE first, so the cold run is cold",
    )
    return parser.parse_args()


def _runs(opts: argparse.Namespace) -> tuple[str, Path, Step, Step, Step]:
    """The database URL, the inbox, and the demo, cold and re-run steps as measured."""
    work = opts.keep.resolve() if opts.keep else Path(tempfile.mkdtemp(prefix="sampark-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    inbox = opts.inbox.resolve() if opts.inbox else work / "inbox"
    logs = work / "logs"
    if not opts.inbox:
        shutil.rmtree(inbox, ignore_errors=True)
    logs.mkdir(exist_ok=True)
    url = opts.db or f"sqlite:///{work / 'bench.db'}"
    if url.startswith("sqlite") or opts.reset_db:
        reset_database(url)
    else:
        print(f"note: {url} is used as is; pass --reset-db for a truly cold run", flush=True)

    try:
        demo = Step("demo (not run: --inbox)", 0.0, 0.0, "") if opts.inbox else run_child(
            "demo",
            ["etl", "demo", "--out", str(inbox), "--scale", opts.scale, "--state", opts.state,
             "--seed", str(opts.seed)],
            logs,
        )  # fmt: skip
        run_args = ["etl", "run", "--inbox", str(inbox), "--db", url, "--json"]
        cold = run_child("cold", run_args, logs)
        rerun = run_child("rerun", run_args, logs)
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    return url, inbox, demo, cold, rerun


def _report(
    opts: argparse.Namespace, url: str, inbox: Path, demo: Step, cold: Step, rerun: Step
) -> None:
    cold_sum = parse_summary(cold)
    rerun_sum = parse_summary(rerun)
    rows_read = int(cold_sum.get("rows_read", 0))
    rows_loaded = int(cold_sum.get("rows_loaded", 0))
    rows_rejected = int(cold_sum.get("rows_rejected", 0))
    inbox_mb = _dir_mb(inbox) if opts.keep or opts.inbox else None
    peak = max(cold.peak_rss_mb, rerun.peak_rss_mb)
    rate = rows_read / cold.seconds if cold.seconds > 0 else 0.0

    print()
    print(f"Sampark ETL bench — scale={opts.scale} state={opts.state} seed={opts.seed}")
    print(f"database: {url.split('@')[-1] if '@' in url else url}")
    if inbox_mb is not None:
        print(f"inbox: {inbox} ({inbox_mb:.0f} MB)")
    print(f"files: {len(cold_sum.get('files', []))}  rows read {rows_read:,}  "
          f"loaded {rows_loaded:,}  rejected {rows_rejected:,}")  # fmt: skip
    print(f"re-run: rows read {int(rerun_sum.get('rows_read', 0)):,}  "
          f"loaded {int(rerun_sum.get('rows_loaded', 0)):,}")  # fmt: skip
    print()
    print(f"{'step':<24}{'value':>14}   {'budget':>10}   ratio")
    print("-" * 64)
    print(f"{'demo (generate inbox)':<24}{demo.seconds:>12.1f} s   {'—':>10}")
    print(f"{'demo peak RSS':<24}{demo.peak_rss_mb:>11.0f} MB   {'—':>10}")
    print(f"{'cold run':<24}{cold.seconds:>12.1f} s   {BUDGET_COLD_S:>8.0f} s   "
          f"{ratio(cold.seconds, BUDGET_COLD_S)}")  # fmt: skip
    print(f"{'cold run CPU (all procs)':<24}{cold.cpu_seconds:>12.1f} s")
    print(f"{'cold rows/s':<24}{rate:>14,.0f}")
    print(f"{'re-run':<24}{rerun.seconds:>12.2f} s   {BUDGET_RERUN_S:>8.0f} s   "
          f"{ratio(rerun.seconds, BUDGET_RERUN_S)}")  # fmt: skip
    print(f"{'re-run CPU':<24}{rerun.cpu_seconds:>12.2f} s")
    print(f"{'peak RSS (cold/re-run)':<24}{peak:>11.0f} MB   {BUDGET_RSS_MB:>7.0f} MB   "
          f"{ratio(peak, BUDGET_RSS_MB)}")  # fmt: skip
    tree = max(cold.tree_rss_mb, rerun.tree_rss_mb)
    print(f"{'RSS with workers (sum)':<24}{tree:>11.0f} MB   {BUDGET_RSS_MB:>7.0f} MB   "
          f"{ratio(tree, BUDGET_RSS_MB)}")  # fmt: skip
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if rows_read != rows_loaded + rows_rejected:
        print(f"WARNING: rows read {rows_read} != loaded {rows_loaded} + rejected {rows_rejected}")
    if int(rerun_sum.get("rows_loaded", 0)) != 0:
        print("WARNING: the re-run loaded rows; re-running on the same files should change nothing")


def main() -> None:
    opts = _options()
    _report(opts, *_runs(opts))


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


if __name__ == "__main__":
    main()
