"""Figures and screen tables remembered between clicks: one build per builder and inputs; a
load (new frames), another scope or another language builds again; never across users."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl
import pyarrow as pa
import pytest

from sampark.access import Scope
from ui import remembered, tables
from ui.loaders.run import RunKey

CALLS: list[tuple[object, ...]] = []


def rows_for(frame: pl.DataFrame, lang: str) -> str:
    CALLS.append((frame, lang))
    return f"{frame.height} rows in {lang}"


def for_scope(key: RunKey, level: str) -> str:
    CALLS.append((key, level))
    return f"{key.scope.root} at {level}"


def counted(items: object) -> int:
    CALLS.append((items,))
    return len(items)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Held:
    """A frozen dataclass holding a frame (like a coverage overview): kept by the object."""

    frame: pl.DataFrame


def height_of(held: Held) -> int:
    CALLS.append((held,))
    return held.frame.height


@pytest.fixture(autouse=True)
def clean() -> Iterator[None]:
    remembered.forget()
    CALLS.clear()
    yield
    remembered.forget()


def test_the_same_frame_object_is_built_once() -> None:
    frame = pl.DataFrame({"a": [1, 2, 3]})
    assert remembered.answer(rows_for, frame, "en") == "3 rows in en"
    assert remembered.answer(rows_for, frame, "en") == "3 rows in en"
    assert len(CALLS) == 1


def test_another_frame_object_equal_or_not_or_another_language_builds_again() -> None:
    first = pl.DataFrame({"a": [1, 2, 3]})
    remembered.answer(rows_for, first, "en")
    # A load gives new frames even when the rows are the same: built again, not assumed equal.
    assert remembered.answer(rows_for, pl.DataFrame({"a": [1, 2, 3]}), "en") == "3 rows in en"
    assert remembered.answer(rows_for, first, "hi") == "3 rows in hi"
    assert len(CALLS) == 3


def test_one_users_scope_never_answers_another_scope() -> None:
    sp = RunKey("sqlite://", "v1", Scope("D-PATNA"), "bihar")
    other_sp = RunKey("sqlite://", "v1", Scope("D-GAYA"), "bihar")
    assert remembered.answer(for_scope, sp, "thana") == "D-PATNA at thana"
    assert remembered.answer(for_scope, other_sp, "thana") == "D-GAYA at thana"
    # An equal key made in the next run (a new object) is the same scope: answered from memory.
    again = RunKey("sqlite://", "v1", Scope("D-PATNA"), "bihar")
    assert remembered.answer(for_scope, again, "thana") == "D-PATNA at thana"
    assert len(CALLS) == 2


def test_a_new_data_version_builds_again() -> None:
    remembered.answer(for_scope, RunKey("sqlite://", "v1", Scope(), "bihar"), "district")
    remembered.answer(for_scope, RunKey("sqlite://", "v2", Scope(), "bihar"), "district")
    assert len(CALLS) == 2


def test_a_frozen_dataclass_of_frames_is_kept_by_the_object() -> None:
    held = Held(pl.DataFrame({"a": [1]}))
    remembered.answer(height_of, held)
    remembered.answer(height_of, held)
    remembered.answer(height_of, Held(held.frame))
    assert len(CALLS) == 2


def test_a_list_is_keyed_by_what_it_holds_when_asked() -> None:
    kinds = ["thana"]
    assert remembered.answer(counted, kinds) == 1
    kinds.append("outpost")
    assert remembered.answer(counted, kinds) == 2
    assert remembered.answer(counted, ["thana", "outpost"]) == 2
    assert len(CALLS) == 2


def test_a_builder_handed_on_is_keyed_by_where_it_is_defined() -> None:
    frame = pl.DataFrame({"a": [1]})
    assert remembered.key_of(remembered.answer, (rows_for, frame, "en")) is not None
    assert remembered.key_of(remembered.answer, (lambda f: f, frame)) is None


def test_lambdas_closures_and_unkeyable_arguments_are_built_every_time() -> None:
    frame = pl.DataFrame({"a": [1]})
    seen: list[int] = []

    def captured() -> int:  # a closure: what it captures is not in any key
        seen.append(1)
        return frame.height

    for _ in range(2):
        remembered.answer(captured)
        remembered.answer(lambda f: seen.append(2) or f.height, frame)
        remembered.answer(counted, {"thana"})  # a set: no key
        remembered.answer(rows_for, frame, object())
    assert seen == [1, 2, 1, 2]
    assert len(CALLS) == 4


def test_only_the_newest_answers_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remembered, "KEPT", 2)
    frames = [pl.DataFrame({"a": list(range(n))}) for n in range(3)]
    for frame in frames:
        remembered.answer(rows_for, frame, "en")
    remembered.answer(rows_for, frames[2], "en")  # still held
    remembered.answer(rows_for, frames[0], "en")  # pushed out by the two after it
    assert len(CALLS) == 4


def test_a_table_for_the_screen_is_arrow_made_once_per_frame_and_language() -> None:
    frame = pl.DataFrame({"Unit": ["Kotwali"], "Members": [123456]})
    first = remembered.answer(tables.on_screen, frame, "hi")
    assert isinstance(first, pa.Table)
    assert first.to_pylist() == [{"Unit": "Kotwali", "Members": "1,23,456"}]
    assert remembered.answer(tables.on_screen, frame, "hi") is first
    assert remembered.answer(tables.on_screen, frame, "en") is not first
    assert frame.get_column("Members").to_list() == [123456]  # the frame itself unchanged


def bars(frame: pl.DataFrame, lang: str) -> object:
    import plotly.graph_objects as go
    import streamlit as st

    # Counted in the session (the script imports this module under its own name).
    st.session_state["builds"] = [*st.session_state.get("builds", []), lang]
    return go.Figure(go.Bar(x=frame.get_column("unit").to_list(), y=[1, 2]))


def _chart_page() -> None:
    import polars as pl
    import streamlit as st

    from tests.ui.test_remembered import bars
    from ui import charts

    @st.cache_resource
    def shared() -> pl.DataFrame:  # a loader's frame: the same object on every run
        return pl.DataFrame({"unit": ["Kotwali", "Sadar"]})

    charts.chart(bars, shared(), st.session_state.get("lang", "en"))


def test_a_chart_is_built_once_over_reruns_and_again_for_another_language() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_chart_page, default_timeout=60)
    at.run()
    at.run()
    assert not at.exception
    [sent] = at.get("plotly_chart")
    spec = json.loads(sent.proto.spec)  # what the browser gets: the figure's data, not empty
    assert spec["data"][0]["x"] == ["Kotwali", "Sadar"]
    assert spec["data"][0]["type"] == "bar"
    at.session_state["lang"] = "hi"
    at.run()
    assert at.session_state["builds"] == ["en", "hi"]
