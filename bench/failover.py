"""A replica dies under load: do its officers stay signed in?

    bash scripts/serve.sh --replicas 2 --port 8500 --run-dir RUN_DIR      # first, on PostgreSQL
    .venv/bin/python bench/failover.py --url http://127.0.0.1:8500 --run-dir RUN_DIR
        [--sessions 20] [--before 20] [--after 40] [--roles dgp,ig,sp,co,sho] [--db URL]
        [--accounts-kept FILE] [--no-warmup]

K sessions sign in through the proxy (real accounts, as `load.py` makes them) and open their
role's pages in turn over Streamlit's websocket protocol. After `--before` seconds the replica
that serves the most of them is killed with SIGKILL (a crash, the kernel's out-of-memory
killer), its pid read from `RUN_DIR/replica-pids`. A session whose connection drops does what
the browser's frontend does: it opens the websocket again with the cookies it holds (the
proxy's routing cookie, the session cookie) and asks for the page it was on. The run goes on
for `--after` seconds after the kill; `serve.sh` starts the dead replica again meanwhile
(unless it runs with `--no-restart`). Before the sessions start, one session per role opens
each of its pages once, untimed, as in `load.py` (`--no-warmup` skips it).

Prints, for the sessions of the killed replica and for the others: how many there were, how
many were shown the sign-in form after the kill (signed out: the figure that must be 0), how
many lost their connection and came back, the gap from the kill to each one's first good view
(p50, max), the views and their p50/p95 before and after the kill, and errors (a view that
raised, showed an exception or landed on another page). Never fails on a time; exits 1 when a
session was signed out or none could sign in.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
from bench.load_client import BenchError, StreamlitClient, health  # noqa: E402
from bench.load_level import warm_up  # noqa: E402

_DROPPED = (BenchError, OSError, websockets.WebSocketException)


@dataclass
class Officer:
    """What one session saw."""

    username: str
    replica_before: str | None = None
    replica_after: str | None = None
    views_before: list[float] = field(default_factory=list)
    views_after: list[float] = field(default_factory=list)
    dropped: int = 0
    signed_out: int = 0
    back_after_s: float | None = None  # from the kill to the first good view after it
    errors: Counter[str] = field(default_factory=Counter)


@dataclass
class Clock:
    """The run's moments (perf_counter seconds): the kill (inf until it happens), the end;
    and how many sessions each replica took at sign-in."""

    killed_at: float = float("inf")
    end: float = float("inf")
    signed_in_on: Counter[str] = field(default_factory=Counter)


async def _reconnected(client: StreamlitClient, clock: Clock) -> bool:
    """The websocket opened again with the cookies the session holds, as the frontend does
    after a lost connection (it retries with a short pause); False when the run ended."""
    while time.perf_counter() < clock.end:
        try:
            await client.connect(client.cookies)
            return True
        except _DROPPED:
            await asyncio.sleep(0.5)
    return False


def _after_view(officer: Officer, client: StreamlitClient, seconds: float, clock: Clock) -> None:
    """A good view after the kill: the replica that gave it, and the gap if it is the first."""
    officer.views_after.append(seconds)
    officer.replica_after = client.replica
    if officer.back_after_s is None:
        officer.back_after_s = time.perf_counter() - clock.killed_at


async def _officer(
    url: str, account: Account, password: str, offset: int, clock: Clock, timeout: float
) -> Officer:
    """Sign in, then open the role's pages in turn until the run ends, reconnecting when the
    connection drops; a sign-in form after that is counted as signed out and ends the run."""
    officer, client = Officer(account.username), StreamlitClient(url, timeout=timeout)
    try:
        await client.connect()
        await client.sign_in(account.username, password)
    except _DROPPED as exc:
        officer.errors[f"sign-in: {type(exc).__name__}: {str(exc)[:80]}"] += 1
        await client.close()
        return officer
    officer.replica_before = client.replica
    clock.signed_in_on[client.replica or "-"] += 1
    pages = list(client.pages)
    while time.perf_counter() < clock.end:
        page = pages[offset % len(pages)]
        offset += 1
        asked = time.perf_counter()
        try:
            view = await client.rerun(page)
        except _DROPPED:
            officer.dropped += 1
            await client.close()
            if not await _reconnected(client, clock):
                break
            continue
        if view.has_password_input:
            officer.signed_out += 1
            break
        if view.exceptions or view.page_not_found or view.page_hash != page.script_hash:
            officer.errors["exception or other page"] += 1
        elif asked < clock.killed_at:
            officer.views_before.append(view.seconds)
        else:
            _after_view(officer, client, view.seconds, clock)
    await client.close()
    return officer


def _replica_pids(run_dir: Path) -> list[int]:
    return [int(p) for p in (run_dir / "replica-pids").read_text().split()]


async def _run(
    args: argparse.Namespace, accounts: Sequence[Account], password: str
) -> tuple[list[Officer], str]:
    """The sessions, the kill after `--before` seconds, and which replica was killed."""
    clock = Clock()
    tasks = [
        asyncio.create_task(_officer(args.url, a, password, i, clock, args.timeout))
        for i, a in enumerate(accounts)
    ]
    await asyncio.sleep(args.before)
    busiest = [r for r, _ in clock.signed_in_on.most_common() if r.isdigit()]
    if not busiest:
        raise SystemExit("failover.py: no session reached a replica that names itself")
    victim, pids = busiest[0], _replica_pids(args.run_dir)
    clock.killed_at = time.perf_counter()
    os.kill(pids[int(victim) - 1], signal.SIGKILL)
    print(
        f"killed replica {victim} (pid {pids[int(victim) - 1]}); sessions per replica at"
        f" sign-in: {dict(clock.signed_in_on)}",
        flush=True,
    )
    clock.end = clock.killed_at + args.after
    return list(await asyncio.gather(*tasks)), victim


def _ms(values: Sequence[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f} ms"


def _row(name: str, officers: Sequence[Officer]) -> str:
    before = [v for o in officers for v in o.views_before]
    after = [v for o in officers for v in o.views_after]
    gaps = [o.back_after_s for o in officers if o.back_after_s is not None]
    errors = sum(sum(o.errors.values()) for o in officers)
    gap = f"{statistics.median(gaps):.1f} s / {max(gaps):.1f} s" if gaps else "-"
    return (
        f"| {name} | {len(officers)} | {sum(o.signed_out > 0 for o in officers)} | "
        f"{sum(o.dropped > 0 for o in officers)} | {len(gaps)} | {gap} | "
        f"{len(before)} | {_ms(before, 0.5)} / {_ms(before, 0.95)} | "
        f"{len(after)} | {_ms(after, 0.5)} / {_ms(after, 0.95)} | {errors} |"
    )


def _report(officers: Sequence[Officer], victim: str) -> str:
    on_victim = [o for o in officers if o.replica_before == victim]
    others = [o for o in officers if o.replica_before not in (victim, None)]
    head = (
        "| sessions | count | signed out | lost the connection | viewed again | kill → first"
        " view again (p50 / max) | views before | p50 / p95 before | views after |"
        " p50 / p95 after | errors |"
    )
    lines = [head, "|" + "---|" * 11]
    lines.append(_row(f"on replica {victim} (killed)", on_victim))
    lines.append(_row("on the other replica", others))
    moved = Counter(o.replica_after for o in on_victim)
    lines.append(f"\nreplica after the kill, of the killed replica's sessions: {dict(moved)}")
    failed = Counter(e for o in officers if o.replica_before is None for e in o.errors)
    if failed:
        lines.append(f"could not sign in: {dict(failed)}")
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8500", help="the proxy's URL")
    parser.add_argument("--run-dir", type=Path, required=True, help="serve.sh's run folder")
    parser.add_argument("--sessions", type=int, default=20, help="officers at once")
    parser.add_argument("--before", type=float, default=20.0, help="seconds before the kill")
    parser.add_argument("--after", type=float, default=40.0, help="seconds after the kill")
    parser.add_argument("--roles", default=",".join(DEFAULT_ROLES), help="roles, in turn")
    parser.add_argument("--db", default=None, help="database of the accounts (DATABASE_URL)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a view may take")
    parser.add_argument("--accounts-kept", type=Path, default=None, help="see load.py")
    parser.add_argument("--no-warmup", action="store_true", help="skip each role's pages once")
    args = parser.parse_args(argv)
    args.roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    if args.sessions < 1 or any(r not in ROLE_UNIT_KIND for r in args.roles):
        parser.error(f"--sessions positive; --roles from {', '.join(ROLE_UNIT_KIND)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    db_url = args.db or default_db_url()
    print(f"proxy {args.url}: {health(args.url)}", flush=True)
    kinds = filter(None, map(ROLE_UNIT_KIND.get, args.roles))
    accounts = plan_accounts(args.roles, args.sessions, units_by_kind(db_url, kinds))
    password = kept_password(args.accounts_kept, len(accounts))
    if password is None:
        password = secrets.token_urlsafe(18)
        ensure_accounts(db_url, accounts, password)
        keep_password(args.accounts_kept, len(accounts), password)
    if not args.no_warmup:
        asyncio.run(warm_up(args.url, accounts, password, args.timeout))
    officers, victim = asyncio.run(_run(args, accounts, password))
    print()
    print(_report(officers, victim))
    print(f"\nload average (1, 5, 15 min): {os.getloadavg()}, cores: {os.cpu_count()}")
    signed_in = [o for o in officers if o.replica_before is not None]
    return 0 if signed_in and not any(o.signed_out for o in officers) else 1


if __name__ == "__main__":
    sys.exit(main())
