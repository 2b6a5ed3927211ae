"""Load bench: K officers at once, each signed in and clicking through their pages, over
Streamlit's own websocket protocol (no browser).

    .venv/bin/python bench/load.py --url http://127.0.0.1:8501 [--ks 1,5,10,20,50]
        [--duration 30] [--roles dgp,ig,sp,co,sho] [--db URL] [--rss-ports 8601,8602]

What a browser does, this client does: it loads `/` (which gives it the proxy's routing cookie
when there is a proxy), opens `/_stcore/stream` with the `streamlit` subprotocol and sends
`BackMsg.rerun_script` requests (a `ClientState` with widget states, the page script hash and
the hashes of the messages it has cached), reading `ForwardMsg`s until the run's
`script_finished`. It signs in through the real sign-in form: the username and password
inputs and the form's submit button are found in the ForwardMsgs of the sign-in screen, their
ids sent back with the values and the button's trigger, as the frontend does on submit. Pages
are switched by the page script hash the `navigation` message lists, as a click in the sidebar
does.

Each level K starts K sessions together; each signs in with its own account and then opens its
role's pages in turn, with no pause, for `--duration` seconds. A page view is timed from the
rerun request to the script-finished message. The accounts are real: made with
`python -m sampark users add` (`bench-<role>-<n>`, one per session, each IG, SP, CO and SHO on
a unit of its own), or given a new password with `users reset` when they exist; use a bench
database, never a production one. `--accounts-kept FILE` keeps their password in FILE
(mode 600), so later runs with the same FILE sign in without running `users` again (a run of
levels one invocation at a time, back to back with another server). Before the levels one
session per role opens each page once (not timed), so the first level does not pay for cold
caches alone (`--no-warmup` skips it).

Prints per K: page views, views/s, p50, p95 and max of a view, errors (a view that timed out,
raised, showed an exception, or landed on another page; a lost connection; a failed sign-in),
the median sign-in time, the peak RSS summed over the server processes (those listening on
`--rss-ports`, default the URL's port, and their children: give the replicas' ports when the
URL is a proxy) and the sessions per replica when a proxy says which one served
(`X-Sampark-Replica`). Also the machine's load average, since a busy machine slows every view.
Never fails on a figure; exits 1 only when nothing could be measured.

The client (`StreamlitClient`) is also a library: tests/deploy/ uses it to check a proxy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: `bench.*` and `sampark` from the checkout

from bench.load_accounts import (  # noqa: E402
    DEFAULT_ROLES,
    ROLE_UNIT_KIND,
    Account,
    default_db_url,
    ensure_accounts,
    keep_password,
    kept_password,
    plan_accounts,
    units_by_kind,
)
from bench.load_client import (  # noqa: E402
    CLAIM_PATH,
    REPLICA_HEADER,
    BenchError,
    Page,
    StreamlitClient,
    View,
    health,
    page_cookies,
)
from bench.load_level import Level, run_level, warm_up  # noqa: E402
from bench.load_rss import RssSampler, rss_mb, server_pids  # noqa: E402

__all__ = [
    "CLAIM_PATH",
    "REPLICA_HEADER",
    "Account",
    "BenchError",
    "Level",
    "Page",
    "StreamlitClient",
    "View",
    "health",
    "main",
    "page_cookies",
    "plan_accounts",
    "rss_mb",
    "server_pids",
]

# --- command line ------------------------------------------------------------------------


def _ms(value: int | None) -> str:
    return "-" if value is None else f"{value} ms"


def _table(rows: list[dict[str, Any]]) -> str:
    head = "| K | views | views/s | p50 | p95 | max | errors | sign-in p50 | server RSS |"
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        lines.append(
            f"| {r['k']} | {r['views']} | {r['views_per_s']} | {_ms(r['p50_ms'])} | "
            f"{_ms(r['p95_ms'])} | {_ms(r['max_ms'])} | {r['errors']} | "
            f"{_ms(r['sign_in_p50_ms'])} | {r['rss_mb']} MB |"
        )
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="server or proxy URL")
    parser.add_argument("--ks", default="1,5,10,20,50", help="sessions at once, per level")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per level")
    parser.add_argument("--roles", default=",".join(DEFAULT_ROLES), help="roles, in turn")
    parser.add_argument("--db", default=None, help="database of the accounts (DATABASE_URL)")
    parser.add_argument("--rss-ports", default=None, help="ports of the server processes")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a view may take")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first pass")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    parser.add_argument(
        "--accounts-kept",
        type=Path,
        default=None,
        help="file holding the accounts' password: made on the first run, reused after",
    )
    args = parser.parse_args(argv)
    args.ks = [int(k) for k in args.ks.split(",") if k.strip()]
    args.roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = [r for r in args.roles if r not in ROLE_UNIT_KIND]
    if unknown or not args.roles or not args.ks or min(args.ks) < 1:
        parser.error(f"--roles from {', '.join(ROLE_UNIT_KIND)}; --ks positive ({unknown})")
    args.rss_ports = [int(p) for p in (args.rss_ports or "").split(",") if p.strip()] or [
        urlsplit(args.url).port or 80
    ]
    return args


def _ready_accounts(args: argparse.Namespace, db_url: str) -> tuple[list[Account], str]:
    """The accounts of the largest level, made (or reset) with a fresh password; then the
    untimed warm-up unless it was turned off."""
    roles = args.roles
    accounts = plan_accounts(
        roles, max(args.ks), units_by_kind(db_url, filter(None, map(ROLE_UNIT_KIND.get, roles)))
    )
    made = time.perf_counter()
    password = kept_password(args.accounts_kept, len(accounts))
    if password is None:
        password = secrets.token_urlsafe(18)
        ensure_accounts(db_url, accounts, password)
        keep_password(args.accounts_kept, len(accounts), password)
    print(f"{len(accounts)} accounts ready in {time.perf_counter() - made:.1f} s", flush=True)
    if not args.no_warmup:
        start = time.perf_counter()
        asyncio.run(warm_up(args.url, accounts, password, args.timeout))
        print(f"warm-up (each role's pages once) {time.perf_counter() - start:.1f} s", flush=True)
    return accounts, password


def _measured_level(
    args: argparse.Namespace, k: int, accounts: Sequence[Account], password: str
) -> dict[str, Any]:
    """One level's row, with the load average before and after it."""
    load_before = os.getloadavg()
    with RssSampler(args.rss_ports) as rss:
        level = asyncio.run(
            run_level(args.url, accounts[:k], password, args.duration, args.timeout)
        )
    level.rss_peak_mb = rss.peak_mb
    row = level.row()
    row["loadavg_1m"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    replicas = ", ".join(f"{r}: {n}" for r, n in sorted(row["replicas"].items()))
    print(
        f"K={k}: {row['views']} views, {row['views_per_s']}/s, p50 {_ms(row['p50_ms'])}, "
        f"p95 {_ms(row['p95_ms'])}, max {_ms(row['max_ms'])}, errors {row['errors']} "
        f"{row['error_kinds'] or ''}, RSS {row['rss_mb']} MB, sessions per replica "
        f"{replicas}, load {row['loadavg_1m'][0]} → {row['loadavg_1m'][1]}",
        flush=True,
    )
    return row


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    db_url = args.db or default_db_url()
    print(f"server {args.url}: {health(args.url)}", flush=True)
    accounts, password = _ready_accounts(args, db_url)
    rows = [_measured_level(args, k, accounts, password) for k in args.ks]
    print()
    print(_table(rows))
    print(f"\nload average (1, 5, 15 min) at the end: {os.getloadavg()}, cores: {os.cpu_count()}")
    if args.json:
        print(json.dumps(rows))
    return 0 if any(r["views"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
