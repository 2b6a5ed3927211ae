"""The data version, the key of every cached loader, is read once per script run."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from ui.loaders import run


@dataclass
class FakeRun:
    """What `run.version` looks at in Streamlit's run context: the session and the run's
    cursor map, which Streamlit makes anew for every run."""

    session_id: str = "session-1"
    cursors: dict[int, object] = field(default_factory=dict)


@pytest.fixture
def reads(monkeypatch):
    counter = {"n": 0}

    def read() -> str:
        counter["n"] += 1
        return f"v{counter['n']}"

    monkeypatch.setattr(run, "_read_version", read)
    monkeypatch.setattr(run, "_VERSIONS", type(run._VERSIONS)())
    return counter


def test_the_version_is_read_once_in_a_run(monkeypatch, reads):
    ctx = FakeRun()
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: ctx)
    assert [run.version(), run.version(), run.version()] == ["v1", "v1", "v1"]
    assert reads["n"] == 1


def test_the_next_run_reads_the_version_again(monkeypatch, reads):
    ctx = FakeRun()
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: ctx)
    assert run.version() == "v1"
    ctx.cursors = {}  # what Streamlit does at the start of every run
    assert run.version() == "v2"


def test_a_write_in_the_run_makes_the_next_read_fresh(monkeypatch, reads):
    ctx = FakeRun()
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: ctx)
    assert run.version() == "v1"
    run.data_changed()
    assert [run.version(), run.version()] == ["v2", "v2"]


def test_sessions_keep_their_own_version(monkeypatch, reads):
    first, second = FakeRun("a"), FakeRun("b")
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: first)
    assert run.version() == "v1"
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: second)
    assert run.version() == "v2"
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: first)
    assert run.version() == "v1"


def test_outside_a_run_every_call_reads(monkeypatch, reads):
    monkeypatch.setattr(run, "get_script_run_ctx", lambda: None)
    assert [run.version(), run.version()] == ["v1", "v2"]


def test_every_loader_keyed_by_the_users_scope_keeps_an_entry_per_scope_in_use() -> None:
    """Ten officers of five roles read nine scopes; a loader keeping 8 pushed them out of each
    other's way and every click read the network again."""
    import re
    from pathlib import Path

    assert run.SCOPES_KEPT >= 64
    loaders = Path(run.__file__).parent
    found = []
    for path in loaders.glob("*.py"):
        text = path.read_text("utf-8")
        for decorator, name in re.findall(
            r"(@st\.cache_resource\([^)]*\))\s*\ndef (\w+)\(key: RunKey", text
        ):
            found.append(name)
            assert "max_entries=SCOPES_KEPT" in decorator, f"{path.name}: {name}"
    assert {"network_of", "_overview", "_tree", "_health", "_summary"} <= set(found)
