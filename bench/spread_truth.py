"""The spread detection judged against the demo's truth, on seeds of your choosing.

    .venv/bin/python bench/spread_truth.py --seeds 101 202 303 [--states bihar up rajasthan]

For each seed and state: writes the small demo (its directives and rumours planted, the truth
beside the inbox, `etl.demo.spread`), loads it into a new SQLite database (or `--db`, which
must be empty) with a pepper, works out the spread figures and compares them with the truth
(`etl.demo.spread_score`): arrivals found (recall), false "received" (precision), arrivals at
the truth's minute, T50/T90/T100 exact, stalled units exact, rumour clusters found and their
precision. The bar: recall ≥ 98 %, precision ≥ 99 %, times exact."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.chat_prints import Fingerprinting  # noqa: E402
from etl.demo.calendar import calendar_for  # noqa: E402
from etl.demo.generate import write_demo  # noqa: E402
from etl.demo.spread import TARGETS_DIR, truth_path  # noqa: E402
from etl.demo.spread_score import SpreadScore, spread_score  # noqa: E402
from etl.pipeline import run_inbox  # noqa: E402
from sampark.db import migrate  # noqa: E402
from sampark.queries.spread import rumours_frame, stored_spread  # noqa: E402
from sampark.store.spread import refresh_spread  # noqa: E402
from sampark.targets import load_profile  # noqa: E402

PEPPER = b"bench pepper, not a secret at all"


def judge(state: str, seed: int, today: date, folder: Path, db: str | None) -> SpreadScore:
    """Build, load and score one demo."""
    inbox = folder / "inbox"
    write_demo(inbox, state=state, seed=seed, today=today)
    truth = json.loads(truth_path(inbox).read_text("utf-8"))
    engine = migrate(db or f"sqlite:///{folder / 'spread.sqlite'}")
    now = calendar_for(today).now
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, inbox, now=now, prints=prints)
    profile = load_profile(TARGETS_DIR, state)
    refresh_spread(engine, profile, PEPPER, texts=prints.texts_by_hash(), at=now)
    with engine.connect() as conn:
        parts = stored_spread(conn)
        rumours = rumours_frame(conn)
    engine.dispose()
    if parts is None:
        raise SystemExit("no spread figures stored")
    return spread_score(truth, parts, rumours)


def _line(label: str, score: SpreadScore) -> str:
    r = score.ratios()
    return (
        f"{label:<22} arrivals {score.arrivals_found:>5}/{score.arrivals:<5} "
        f"recall {r['arrival_recall']:7.2%}  precision {r['arrival_precision']:7.2%} "
        f"(false {score.false_received})  times {r['times_exact']:7.2%}  "
        f"T50/90/100 {score.quantiles_exact}/{score.directives_found} of {score.directives} "
        f"(false directives {score.false_directives})  stalls {score.stalls_exact}  "
        f"rumours {score.rumours_found}/{score.rumours} of {score.rumours_stored} stored"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", required=True)
    parser.add_argument("--states", nargs="+", default=["bihar", "rajasthan", "up"])
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 1))
    parser.add_argument("--db", help="an empty database URL (one seed and state only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    total = SpreadScore()
    rows = []
    for seed in args.seeds:
        for state in args.states:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="spread-truth-") as tmp:
                score = judge(state, seed, args.today, Path(tmp), args.db)
            total.add(score)
            rows.append({"seed": seed, "state": state, **score.as_dict()})
            if not args.json:
                took = time.perf_counter() - started
                print(_line(f"{state} seed {seed}", score), f"({took:.0f} s)", flush=True)
    if args.json:
        print(json.dumps({"runs": rows, "total": total.as_dict()}, indent=1))
    else:
        print(_line("all", total))


if __name__ == "__main__":
    main()
