"""What every cached loader is keyed by: the database, the data version read once per script
run, the signed-in user's scope and the state whose profile applies.

Loaders that return polars frames (or frozen dataclasses and tuples of them) cache them with
`st.cache_resource`, not `st.cache_data`: cache_data pickles the answer and unpickles a fresh
copy on every hit, which at state scale is a copy of every unit, group and member per click per
officer. Sharing one object between runs and sessions is safe because (1) the key holds the
user's scope, so no session sees another scope's frame, (2) the key holds the data version, so
a load makes new frames as before, and (3) nothing changes a frame in place: polars' own
operations return new frames and tests/test_memo.py fails on a call to one of its in-place
methods. Sharing the very object also lets `sampark.memo` remember the unit-tree walks over it
from one click to the next. A plotly figure is mutable, so figures stay in st.cache_data."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from sampark.access import Scope
from sampark.db import migrate
from sampark.queries import registry as registry_reads
from sampark.queries.demo import demo_mode_is_on
from sampark.settings import load_settings
from sampark.targets import Profile, load_profile, read_profile
from ui import session

# Entries a loader keyed by the user's scope keeps: one per scope in use at once (each SP, CO
# and SHO reads a unit of their own), never a handful. With 8, ten officers of five roles
# pushed each other's network out and every click read it again from the database; the
# frames of different units are mostly disjoint, so many small entries cost little memory.
SCOPES_KEPT = 128


@dataclass(frozen=True)
class RunKey:
    """A cache key: the same key, the same data."""

    url: str
    version: str
    scope: Scope
    state: str


@st.cache_resource
def engine(url: str) -> sa.Engine:
    return migrate(url)


def database_url() -> str:
    return load_settings().database_url


def current_engine() -> sa.Engine:
    return engine(database_url())


def _read_version() -> str:
    with current_engine().connect() as conn:
        return registry_reads.data_version(conn)


# Session id -> (the run's cursor map, the version read in that run). Streamlit gives every
# script run a new cursor map, so holding it tells this run from the last; a session that
# stays away is dropped past the bound.
_VERSIONS: OrderedDict[str, tuple[object, str]] = OrderedDict()
_VERSIONS_LOCK = threading.Lock()
_SESSIONS_KEPT = 512


def version() -> str:
    """A cheap read that changes whenever the ETL loads a file: the cache key. Read once per
    script run (outside a run, e.g. on a download's server thread, every time)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return _read_version()
    with _VERSIONS_LOCK:
        held = _VERSIONS.get(ctx.session_id)
    if held is not None and held[0] is ctx.cursors:
        return held[1]
    read = _read_version()
    with _VERSIONS_LOCK:
        _VERSIONS[ctx.session_id] = (ctx.cursors, read)
        _VERSIONS.move_to_end(ctx.session_id)
        while len(_VERSIONS) > _SESSIONS_KEPT:
            _VERSIONS.popitem(last=False)
    return read


def data_changed() -> None:
    """Forget this run's data version: a write in this run (an upload loaded, a held list
    accepted, the demo built) changed it, and what the run shows next must read the new data."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        with _VERSIONS_LOCK:
            _VERSIONS.pop(ctx.session_id, None)


def user_scope() -> Scope:
    """The signed-in user's scope. Every loader reads only inside it; with nobody signed in
    the page stops here, before any read."""
    user = session.current_user()
    if user is None:
        st.stop()
    assert user is not None
    return user.scope


def run_key() -> RunKey:
    """This run's key for the signed-in user."""
    return RunKey(database_url(), version(), user_scope(), load_settings().state)


def profile(state: str) -> Profile:
    """The state's profile; while demo mode is on, the demo's own (its target at demo scale)."""
    demo = load_settings().demo_targets / f"{state}.yaml"
    if demo.is_file() and _demo_mode(database_url(), version()):
        return _profile(state, str(demo), demo.stat().st_mtime_ns)
    return _profile(state, "", 0)


# Shared (a frozen profile nobody changes), so it is the same object from run to run and the
# answers remembered over it (ui/remembered) hold; a rebuilt demo's file is a new key.
@st.cache_resource(max_entries=4, show_spinner=False)
def _profile(state: str, demo_path: str, modified: int) -> Profile:
    if demo_path:
        return read_profile(Path(demo_path))
    return load_profile(load_settings().targets_dir, state)


@st.cache_data(max_entries=4, show_spinner=False)
def _demo_mode(url: str, version: str) -> bool:
    """Whether demo mode is on, read once per data version (a real file ends it)."""
    with engine(url).connect() as conn:
        return demo_mode_is_on(conn)


def state_profile() -> Profile:
    return profile(load_settings().state)
