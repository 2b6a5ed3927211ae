"""Page benchmark at state scale: each dashboard page's server-side run, cold and warm (AppTest).

    .venv/bin/python bench/pages.py [--db URL] [--keep DIR] [--seed 7] [--runs 3] [--only groups …]

Without `--db`, builds the state-scale demo (`python -m etl demo --scale state`, then
`python -m etl run`) into DIR (default: a temp dir), or reuses DIR/state.db when it exists.
The pages are the files `dashboard.py` passes to `st.navigation`, so pages added later are
timed too. Each page runs on its own (as `AppTest.from_file(page)`) with the whole state in
scope:

- cold: Streamlit's caches cleared first, so the page reads the database and computes;
- warm: the median of `--runs` reruns after that, as a reader sees when clicking around.

Python's imports are paid once before the first page and not counted. Prints a table against
the budgets (≤ 300 ms warm, ≤ 3 s cold on a 2-core machine); never fails on a missed budget.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_WARM_S = 0.3
BUDGET_COLD_S = 3.0


def navigation_pages(dashboard: Path) -> list[Path]:
    """The page files named in dashboard.py's navigation, in its order."""
    names = re.findall(r"\"(pages/[^\"]+\.py)\"", dashboard.read_text("utf-8"))
    return [ROOT / n for n in dict.fromkeys(names)]


def build_state_db(work: Path, seed: int) -> str:
    db = work / "state.db"
    url = f"sqlite:///{db}"
    if db.is_file():
        print(f"reusing {db}", flush=True)
        return url
    for args in (
        ["etl", "demo", "--out", str(work / "inbox"), "--scale", "state", "--seed", str(seed)],
        ["etl", "run", "--inbox", str(work / "inbox"), "--db", url, "--json"],
    ):
        print(f"$ python -m {' '.join(args)}", flush=True)
        subprocess.run(
            [sys.executable, "-m", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
    return url


def time_page(page: Path, runs: int) -> tuple[float, float, int]:
    """(cold seconds, warm median seconds, exceptions) of one page."""
    from datetime import datetime

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(ROOT))
    from sampark.access import SignedIn
    from ui import session

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(page), default_timeout=600)
    # Signed in as the PHQ (whole state; the admin for its own pages), as a person would be.
    role = {"data": "data_officer", "audit": "admin"}.get(page.stem, "dgp")
    user = SignedIn(f"bench-{role}", role, demo=True)
    for key, value in session.signed_in_state(user, datetime.now()).items():
        at.session_state[key] = value
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    return cold, statistics.median(warm) if warm else 0.0, len(at.exception)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing database URL (skips building the demo)")
    parser.add_argument("--keep", type=Path, help="work directory (kept); default: a temp dir")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="warm reruns per page")
    parser.add_argument(
        "--only", nargs="+", metavar="PAGE", help="time only these pages (file stems: groups …)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sampark-pages-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        url = args.db or build_state_db(work, args.seed)
        os.environ["DATABASE_URL"] = url
        sys.path.insert(0, str(ROOT))
        pages = navigation_pages(ROOT / "dashboard.py")
        if args.only:
            pages = [p for p in pages if p.stem in args.only]
        time_page(pages[0], 0)  # pay the imports once, outside the figures
        rows = [(page.name, *time_page(page, args.runs)) for page in pages]

    print(
        f"\nPages at state scale ({url}); budgets: warm ≤ {BUDGET_WARM_S * 1000:.0f} ms, "
        f"cold ≤ {BUDGET_COLD_S:.0f} s"
    )
    print(f"{'page':<16}{'cold s':>9}{'warm ms':>10}{'cold ok':>9}{'warm ok':>9}{'errors':>8}")
    for name, cold, warm, errors in rows:
        print(
            f"{name:<16}{cold:>9.2f}{warm * 1000:>10.0f}"
            f"{'yes' if cold <= BUDGET_COLD_S else 'NO':>9}"
            f"{'yes' if warm <= BUDGET_WARM_S else 'NO':>9}{errors:>8}"
        )


if __name__ == "__main__":
    main()
