"""One level of the load bench: K sessions at once, each signed in and opening its role's
pages in turn for the window; and the untimed warm-up before the levels."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import websockets

from bench.load_accounts import Account
from bench.load_client import BenchError, StreamlitClient


@dataclass
class Level:
    k: int
    window_s: float = 0.0
    views: list[float] = field(default_factory=list)
    sign_ins: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    replicas: Counter[str] = field(default_factory=Counter)
    rss_peak_mb: float = 0.0

    def quantile(self, q: float) -> float:
        if not self.views:
            return float("nan")
        ordered = sorted(self.views)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]

    def row(self) -> dict[str, Any]:
        rate = len(self.views) / self.window_s if self.window_s else 0.0
        return {
            "k": self.k,
            "views": len(self.views),
            "views_per_s": round(rate, 2),
            # No view in the window (all still signing in): no figure, and no crash on NaN.
            "p50_ms": round(self.quantile(0.50) * 1000) if self.views else None,
            "p95_ms": round(self.quantile(0.95) * 1000) if self.views else None,
            "max_ms": round(max(self.views) * 1000) if self.views else None,
            "errors": sum(self.errors.values()),
            "error_kinds": dict(self.errors),
            "sign_in_p50_ms": round(statistics.median(self.sign_ins) * 1000)
            if self.sign_ins
            else None,
            "rss_mb": round(self.rss_peak_mb),
            "replicas": dict(self.replicas),
        }


async def _session(
    url: str,
    account: Account,
    password: str,
    offset: int,
    level: Level,
    ready: asyncio.Barrier,
    window: dict[str, float],
    timeout: float,
) -> None:
    """Sign in, wait for the others, then open the role's pages in turn until the window ends;
    a lost connection is counted and the session signs in again."""
    client = StreamlitClient(url, timeout=timeout)
    signed_in = False
    waited = False
    while True:
        try:
            if not signed_in:
                await client.connect()
                start = time.perf_counter()
                await client.sign_in(account.username, password)
                level.sign_ins.append(time.perf_counter() - start)
                level.replicas[client.replica or "-"] += 1
                signed_in = True
            if not waited:
                waited = True
                await ready.wait()
            pages = client.pages
            if not pages:
                raise BenchError("no pages after sign-in")
            page = pages[offset % len(pages)]
            offset += 1
            started = time.perf_counter()
            if started >= window["end"]:
                break
            view = await client.rerun(page)
            if view.exceptions:
                level.errors["exception on page"] += 1
            elif view.page_not_found or view.page_hash != page.script_hash:
                level.errors["other page"] += 1
            elif started >= window["start"]:
                level.views.append(view.seconds)
                window["last"] = max(window["last"], time.perf_counter())
        except (BenchError, OSError, websockets.WebSocketException) as exc:
            kind = "sign-in" if not signed_in else type(exc).__name__
            level.errors[kind] += 1
            await client.close()
            signed_in = False
            if not waited:
                waited = True
                await ready.wait()
            if time.perf_counter() >= window["end"]:
                break
            await asyncio.sleep(1.0)
    await client.close()


async def run_level(
    url: str,
    accounts: Sequence[Account],
    password: str,
    duration: float,
    timeout: float,
) -> Level:
    level = Level(k=len(accounts))
    ready = asyncio.Barrier(len(accounts) + 1)
    window = {"start": float("inf"), "end": float("inf"), "last": 0.0}
    tasks = [
        asyncio.create_task(_session(url, a, password, i, level, ready, window, timeout))
        for i, a in enumerate(accounts)
    ]
    await ready.wait()  # every session signed in (or failed to): the window opens
    window["start"] = time.perf_counter()
    window["end"] = window["start"] + duration
    window["last"] = window["start"]
    await asyncio.gather(*tasks)
    level.window_s = max(window["last"], window["end"]) - window["start"]
    return level


async def warm_up(url: str, accounts: Sequence[Account], password: str, timeout: float) -> None:
    """One session per role opens each of its pages once (caches warm, imports done)."""
    seen: set[str] = set()
    for account in accounts:
        if account.role in seen:
            continue
        seen.add(account.role)
        try:
            async with StreamlitClient(url, timeout=timeout) as client:
                await client.sign_in(account.username, password)
                for page in list(client.pages):
                    await client.rerun(page)
        except (BenchError, OSError, websockets.WebSocketException) as exc:
            # A cold server may take longer than the claim token lives (the claim is then
            # refused): the warm-up is untimed and best effort, the levels count errors.
            print(f"warm-up as {account.username}: {type(exc).__name__}: {exc}", flush=True)
