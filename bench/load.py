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
database, never a production one. Before the levels one session per role opens each page once
(not timed), so the first level does not pay for cold caches alone (`--no-warmup` skips it).

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
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
REPLICA_HEADER = "X-Sampark-Replica"
DEFAULT_ROLES = ("dgp", "ig", "sp", "co", "sho")
# The unit kind each role's account is made on (the same rule as sampark.access).
ROLE_UNIT_KIND: dict[str, str | None] = {
    "dgp": None,
    "ig": "range",
    "sp": "district",
    "co": "circle",
    "sho": "thana",
    "social": None,
    "scrb": None,
    "data_officer": None,
    "admin": None,
}
# The one-time token the page posts to /session/claim for its HttpOnly session cookie.
_CLAIM_TOKEN = re.compile(r'token\\?"\s*:\s*\\?"([A-Za-z0-9_-]+)')
CLAIM_PATH = "/session/claim"
_FINAL = (
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
)


class BenchError(RuntimeError):
    """A view or sign-in that did not do what a browser would have seen it do."""


# --- the client ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A page the navigation offers: its script hash (what a sidebar click sends) and name."""

    script_hash: str
    name: str
    url_path: str


@dataclass
class View:
    """One script run as the client saw it: time, the page that ran, what it drew."""

    seconds: float
    page_hash: str
    elements: list[tuple[str, Any]] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False
    compile_error: bool = False

    def of_kind(self, kind: str) -> list[Any]:
        return [proto for k, proto in self.elements if k == kind]

    @property
    def has_password_input(self) -> bool:
        return any(e.type == TextInput.Type.PASSWORD for e in self.of_kind("text_input"))

    def texts(self) -> list[str]:
        """Headings, markdown and alerts, as a quick look at what the page said."""
        out = [e.body for e in self.of_kind("heading")]
        out += [e.body for e in self.of_kind("markdown")]
        out += [e.body for e in self.of_kind("alert")]
        return out


def _http_url(url: str, path: str) -> str:
    parts = urlsplit(url)
    base = parts.path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, f"{base}/{path.lstrip('/')}", "", ""))


def _ws_url(url: str) -> str:
    parts = urlsplit(_http_url(url, "_stcore/stream"))
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, parts.path, "", ""))


def page_cookies(url: str, timeout: float = 30.0) -> dict[str, str]:
    """The cookies a browser gets when it loads the app's page (a proxy's routing cookie)."""
    with urllib.request.urlopen(_http_url(url, "/"), timeout=timeout) as response:
        response.read()
        jar: SimpleCookie = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def health(url: str, timeout: float = 5.0) -> str:
    """The body of `/_stcore/health` ("ok" when the server is ready)."""
    with urllib.request.urlopen(_http_url(url, "_stcore/health"), timeout=timeout) as response:
        return str(response.read().decode("utf-8", "replace")).strip()


class StreamlitClient:
    """One browser session over the websocket: reruns, page switches, the sign-in form."""

    def __init__(self, url: str, *, timeout: float = 120.0) -> None:
        self.url = url
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.replica: str | None = None
        self.session_id = ""
        self.pages: list[Page] = []
        self.page_hash = ""
        self._ws: Any = None
        # The frontend's message cache: big elements seen once are sent as references after,
        # when the client says it holds them.
        self._cache: dict[str, ForwardMsg] = {}

    async def connect(self, cookies: dict[str, str] | None = None) -> None:
        """Load the page (for its cookies, unless given: a reload in the same browser) and open
        the websocket."""
        if cookies is None:
            cookies = await asyncio.to_thread(page_cookies, self.url, self.timeout)
        self.cookies = dict(cookies)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self._ws = await websockets.connect(
            _ws_url(self.url),
            subprotocols=[websockets.Subprotocol("streamlit")],
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout,
            # A browser sends no protocol pings; a slow server must not be dropped for a late pong.
            ping_interval=None,
            compression=None,
        )
        response = self._ws.response
        self.replica = response.headers.get(REPLICA_HEADER) if response is not None else None

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def __aenter__(self) -> StreamlitClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def rerun(
        self, page: Page | str | None = None, widgets: Iterable[WidgetState] = ()
    ) -> View:
        """Ask for a run (of `page`, or the current one) and read until it finished."""
        if self._ws is None:
            raise BenchError("not connected")
        back = BackMsg()
        state = back.rerun_script
        state.SetInParent()
        state.query_string = ""
        target = page.script_hash if isinstance(page, Page) else (page or self.page_hash)
        state.page_script_hash = target
        state.widget_states.widgets.extend(widgets)
        state.cached_message_hashes.extend(self._cache)
        state.context_info.timezone = "Asia/Kolkata"
        state.context_info.timezone_offset = -330
        state.context_info.locale = "en-IN"
        start = time.perf_counter()
        await self._ws.send(back.SerializeToString())
        view = View(seconds=0.0, page_hash=target)
        deadline = start + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(f"no script_finished within {self.timeout:.0f} s")
            try:
                raw = await asyncio.wait_for(self._ws.recv(), left)
            except TimeoutError:
                raise BenchError(f"no script_finished within {self.timeout:.0f} s") from None
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            if self._read(msg, view):
                view.seconds = time.perf_counter() - start
                return view

    def _read(self, msg: ForwardMsg, view: View) -> bool:
        """Take one message into `view`; True when it ends the run asked for."""
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                raise BenchError("server referred to a message the client never received")
            msg, kind = cached, cached.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            # Each run (also the one st.rerun starts) begins here: keep only the last run's.
            view.elements.clear()
            view.exceptions.clear()
            view.page_hash = self.page_hash = msg.new_session.page_script_hash
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
        elif kind == "navigation":
            self.pages = [
                Page(p.page_script_hash, p.page_name, p.url_pathname)
                for p in msg.navigation.app_pages
            ]
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            element_kind = element.WhichOneof("type")
            if element_kind is not None:
                proto = getattr(element, element_kind)
                view.elements.append((element_kind, proto))
                if element_kind == "exception":
                    view.exceptions.append(f"{proto.type}: {proto.message}")
        elif kind == "page_not_found":
            view.page_not_found = True
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR:
                view.compile_error = True
            return msg.script_finished in _FINAL
        return False

    async def sign_in(self, username: str, password: str) -> View:
        """Fill the sign-in form of the current screen and submit it, as a person would; the
        view returned is the first page after it. Raises BenchError when still signed out."""
        screen = await self.rerun()
        password_inputs = [
            e for e in screen.of_kind("text_input") if e.type == TextInput.Type.PASSWORD
        ]
        if not password_inputs:
            raise BenchError("no sign-in form on the first screen")
        form = password_inputs[0].form_id
        names = [
            e
            for e in screen.of_kind("text_input")
            if e.form_id == form and e.type != TextInput.Type.PASSWORD
        ]
        submits = [e for e in screen.of_kind("button") if e.form_id == form and e.is_form_submitter]
        if not names or not submits:
            raise BenchError(f"sign-in form {form!r} without a name input or submit button")
        widgets = [
            WidgetState(id=names[0].id, string_value=username),
            WidgetState(id=password_inputs[0].id, string_value=password),
            WidgetState(id=submits[0].id, trigger_value=True),
        ]
        view = await self.rerun(widgets=widgets)
        if view.has_password_input or view.exceptions:
            said = "; ".join(view.texts() + view.exceptions)[:200]
            raise BenchError(f"sign-in as {username} failed: {said}")
        await self.claim_session_cookie(view)
        return view

    async def claim_session_cookie(self, view: View) -> bool:
        """Do what the page's script does after a sign-in: post the one-time token to
        /session/claim and keep the session cookie it sets (a reload then stays signed in).
        False when the view asked for no cookie (a server without the route)."""
        tokens = [
            m.group(1)
            for e in view.of_kind("html")
            if CLAIM_PATH in e.body
            for m in [_CLAIM_TOKEN.search(e.body)]
            if m is not None
        ]
        if not tokens:
            return False
        cookies = await asyncio.to_thread(self._claim, tokens[0])
        self.cookies.update(cookies)
        return True

    def _claim(self, token: str) -> dict[str, str]:
        parts = urlsplit(self.url)
        request = urllib.request.Request(
            _http_url(self.url, CLAIM_PATH),
            data=json.dumps({"token": token}).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Origin": f"{parts.scheme}://{parts.netloc}",
                "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            jar: SimpleCookie = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        return {name: morsel.value for name, morsel in jar.items()}


# --- accounts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    unit: str | None


def default_db_url() -> str:
    sys.path.insert(0, str(ROOT))
    from sampark.settings import load_settings

    return load_settings().database_url


def units_by_kind(db_url: str, kinds: Iterable[str]) -> dict[str, list[str]]:
    """Unit ids of each kind, in id order (the `units` table is a contract of DESIGN.md)."""
    import sqlalchemy as sa

    wanted = sorted(set(kinds))
    if not wanted:
        return {}
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT unit_id, kind FROM units WHERE kind IN :kinds ORDER BY unit_id")
                .bindparams(sa.bindparam("kinds", expanding=True))
                .bindparams(kinds=wanted)
            ).all()
    finally:
        engine.dispose()
    out: dict[str, list[str]] = {k: [] for k in wanted}
    for unit_id, kind in rows:
        out[kind].append(unit_id)
    return out


def plan_accounts(roles: Sequence[str], count: int, units: dict[str, list[str]]) -> list[Account]:
    """`count` accounts, roles in turn; each officer of a role on the next unit of its kind."""
    accounts = []
    for i in range(count):
        role = roles[i % len(roles)]
        n = i // len(roles)
        kind = ROLE_UNIT_KIND[role]
        unit = None
        if kind is not None:
            if not units.get(kind):
                raise SystemExit(f"load.py: role {role} needs a {kind}; the database has none")
            unit = units[kind][n % len(units[kind])]
        accounts.append(Account(f"bench-{role.replace('_', '-')}-{n + 1:02d}", role, unit))
    return accounts


def _users(db_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sampark", "users", *args, "--db", db_url],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_accounts(db_url: str, accounts: Sequence[Account], password: str) -> None:
    """Make each account with `users add`, or give an existing one `password` with
    `users reset` (which also lifts a lock-out), two commands at a time."""
    from concurrent.futures import ThreadPoolExecutor

    listed = _users(db_url, "list")
    if listed.returncode != 0:
        raise SystemExit(f"load.py: `users list` failed: {listed.stderr.strip()}")
    existing = {line.split("\t", 1)[0] for line in listed.stdout.splitlines() if line}

    def one(account: Account) -> str | None:
        if account.username in existing:
            done = _users(db_url, "reset", account.username, "--password-stdin", stdin=password)
        else:
            unit = ["--unit", account.unit] if account.unit else []
            done = _users(
                db_url,
                "add",
                account.username,
                "--role",
                account.role,
                *unit,
                "--name",
                f"Bench {account.role} {account.username.rsplit('-', 1)[-1]}",
                "--password-stdin",
                stdin=password,
            )
        if done.returncode != 0:
            return f"{account.username}: {done.stderr.strip() or done.stdout.strip()}"
        return None

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(one, accounts) if f]
    if failures:
        raise SystemExit("load.py: accounts not made:\n  " + "\n  ".join(failures))


# --- server RSS ----------------------------------------------------------------------------


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def server_pids(ports: Iterable[int]) -> set[int]:
    """The processes listening on `ports`, and their children (an ETL run a page started)."""
    inodes: set[str] = set()
    for port in ports:
        inodes |= _listening_inodes(port)
    pids: set[int] = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    pids.add(int(proc.name))
                    break
        except OSError:
            continue
    return pids | _children(pids)


def _children(pids: set[int]) -> set[int]:
    parent_of: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
                parent_of[int(proc.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found: set[int] = set()
    frontier = set(pids)
    while frontier:
        frontier = {p for p, parent in parent_of.items() if parent in frontier} - found - pids
        found |= frontier
    return found


def rss_mb(pids: Iterable[int]) -> float:
    total_kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb / 1024


class RssSampler:
    """The peak of the summed RSS of the server processes, sampled twice a second."""

    def __init__(self, ports: Sequence[int]) -> None:
        self.ports = ports
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        pids: set[int] = set()
        refreshed = 0.0
        while not self._stop.is_set():
            if time.monotonic() - refreshed > 5:
                pids, refreshed = server_pids(self.ports), time.monotonic()
            self.peak_mb = max(self.peak_mb, rss_mb(pids))
            self._stop.wait(0.5)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# --- a level: K sessions at once -----------------------------------------------------------


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
            "p50_ms": round(self.quantile(0.50) * 1000),
            "p95_ms": round(self.quantile(0.95) * 1000),
            "max_ms": round(max(self.views, default=float("nan")) * 1000),
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
        async with StreamlitClient(url, timeout=timeout) as client:
            await client.sign_in(account.username, password)
            for page in list(client.pages):
                await client.rerun(page)


# --- command line ------------------------------------------------------------------------


def _table(rows: list[dict[str, Any]]) -> str:
    head = "| K | views | views/s | p50 | p95 | max | errors | sign-in p50 | server RSS |"
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        sign_in = f"{r['sign_in_p50_ms']} ms" if r["sign_in_p50_ms"] is not None else "-"
        lines.append(
            f"| {r['k']} | {r['views']} | {r['views_per_s']} | {r['p50_ms']} ms | "
            f"{r['p95_ms']} ms | {r['max_ms']} ms | {r['errors']} | {sign_in} | "
            f"{r['rss_mb']} MB |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="server or proxy URL")
    parser.add_argument("--ks", default="1,5,10,20,50", help="sessions at once, per level")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per level")
    parser.add_argument("--roles", default=",".join(DEFAULT_ROLES), help="roles, in turn")
    parser.add_argument("--db", default=None, help="database of the accounts (DATABASE_URL)")
    parser.add_argument("--rss-ports", default=None, help="ports of the server processes")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a view may take")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first pass")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args(argv)

    ks = [int(k) for k in args.ks.split(",") if k.strip()]
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = [r for r in roles if r not in ROLE_UNIT_KIND]
    if unknown or not roles or not ks or min(ks) < 1:
        parser.error(f"--roles from {', '.join(ROLE_UNIT_KIND)}; --ks positive ({unknown})")
    rss_ports = [int(p) for p in (args.rss_ports or "").split(",") if p.strip()] or [
        urlsplit(args.url).port or 80
    ]
    db_url = args.db or default_db_url()

    print(f"server {args.url}: {health(args.url)}", flush=True)
    accounts = plan_accounts(
        roles, max(ks), units_by_kind(db_url, filter(None, map(ROLE_UNIT_KIND.get, roles)))
    )
    password = secrets.token_urlsafe(18)
    made = time.perf_counter()
    ensure_accounts(db_url, accounts, password)
    print(f"{len(accounts)} accounts ready in {time.perf_counter() - made:.1f} s", flush=True)
    if not args.no_warmup:
        start = time.perf_counter()
        asyncio.run(warm_up(args.url, accounts, password, args.timeout))
        print(f"warm-up (each role's pages once) {time.perf_counter() - start:.1f} s", flush=True)

    rows = []
    for k in ks:
        load_before = os.getloadavg()
        with RssSampler(rss_ports) as rss:
            level = asyncio.run(
                run_level(args.url, accounts[:k], password, args.duration, args.timeout)
            )
        level.rss_peak_mb = rss.peak_mb
        row = level.row()
        row["loadavg_1m"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
        rows.append(row)
        replicas = ", ".join(f"{r}: {n}" for r, n in sorted(row["replicas"].items()))
        print(
            f"K={k}: {row['views']} views, {row['views_per_s']}/s, p50 {row['p50_ms']} ms, "
            f"p95 {row['p95_ms']} ms, max {row['max_ms']} ms, errors {row['errors']} "
            f"{row['error_kinds'] or ''}, RSS {row['rss_mb']} MB, sessions per replica "
            f"{replicas}, load {row['loadavg_1m'][0]} → {row['loadavg_1m'][1]}",
            flush=True,
        )
    print()
    print(_table(rows))
    print(f"\nload average (1, 5, 15 min) at the end: {os.getloadavg()}, cores: {os.cpu_count()}")
    if args.json:
        print(json.dumps(rows))
    return 0 if any(r["views"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
