"""The same-frame memo: one answer per frame object and arguments, never across objects; and
the promise that makes sharing frames safe (no in-place change of a polars frame anywhere)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import polars as pl

from sampark.memo import by_frame
from sampark.metrics.coverage.totals import unit_lineage, within

ROOT = Path(__file__).resolve().parent.parent


def _counting() -> tuple[list[int], Callable[..., int]]:
    calls: list[int] = []

    @by_frame(kept=2)
    def height_plus(frame: pl.DataFrame, extra: int) -> int:
        calls.append(1)
        return frame.height + extra

    return calls, height_plus


def test_the_same_frame_object_is_worked_out_once() -> None:
    calls, height_plus = _counting()
    frame = pl.DataFrame({"a": [1, 2, 3]})
    assert height_plus(frame, 1) == 4
    assert height_plus(frame, 1) == 4
    assert len(calls) == 1


def test_an_equal_but_other_frame_or_other_arguments_are_worked_out_again() -> None:
    calls, height_plus = _counting()
    first = pl.DataFrame({"a": [1, 2, 3]})
    assert height_plus(first, 1) == 4
    assert height_plus(pl.DataFrame({"a": [1, 2, 3, 4]}), 1) == 5
    assert height_plus(first, 2) == 5
    assert len(calls) == 3


def test_only_the_newest_answers_are_kept() -> None:
    calls, height_plus = _counting()
    frames = [pl.DataFrame({"a": list(range(n))}) for n in range(3)]
    for frame in frames:
        height_plus(frame, 0)
    height_plus(frames[0], 0)  # pushed out by the two after it
    height_plus(frames[2], 0)  # still held
    assert len(calls) == 4


def test_remembered_unit_walks_answer_as_before() -> None:
    units = pl.DataFrame(
        {
            "unit_id": ["S", "R", "D", "T"],
            "kind": ["state", "range", "district", "thana"],
            "parent_id": [None, "S", "R", "D"],
        }
    )
    assert within(units, "D").get_column("unit_id").to_list() == ["D", "T"]
    assert within(units, "D").get_column("unit_id").to_list() == ["D", "T"]
    assert within(units, "R").get_column("unit_id").to_list() == ["R", "D", "T"]
    assert unit_lineage(units) is unit_lineage(units)
    assert unit_lineage(units).filter(pl.col("unit_id") == "T").row(0) == (
        "T",
        "S",
        "R",
        "D",
        None,
        "T",
    )


# polars' methods that change a frame in place (DataFrame.extend is one too, but the name is
# list.extend's as well, so it is left to review); a shared (cached or remembered) frame changed
# so would change every other session's page.
IN_PLACE = re.compile(
    r"\.(insert_column|replace_column|drop_in_place|vstack\([^)]*in_place|"
    r"set_sorted|rename\([^)]*in_place)|\.columns\s*=\s*[\[(]|in_place\s*=\s*True"
)


def test_no_code_changes_a_polars_frame_in_place() -> None:
    found = []
    for folder in ("sampark", "ui", "pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if IN_PLACE.search(line) and "frame-ok" not in line:
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
