"""The load bench's client: one browser session over Streamlit's websocket protocol (reruns,
page switches, the sign-in form, the session cookie claim). tests/deploy/ uses it too."""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.proto.WidgetStates_pb2 import WidgetState

REPLICA_HEADER = "X-Sampark-Replica"
_CLAIM_TOKEN = re.compile(r'token\\?"\s*:\s*\\?"([A-Za-z0-9_-]+)')
CLAIM_PATH = "/session/claim"
_FINAL = (
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
)


class BenchError(RuntimeError):
    """A view or sign-in that did not do what a browser would have seen it do."""


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
