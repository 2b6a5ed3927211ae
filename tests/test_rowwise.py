"""Python functions over a column run in the calling thread, never on polars' workers."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from sampark.rowwise import through

ROOT = Path(__file__).resolve().parent.parent


def test_each_value_goes_through_and_nulls_stay_null() -> None:
    out = through(pl.Series("h", [3, None, 30]), lambda h: f"{h} h", pl.String)
    assert out.name == "h"
    assert out.to_list() == ["3 h", None, "30 h"]


def test_nulls_go_through_too_when_asked() -> None:
    out = through(pl.Series("x", [None, "a"]), lambda v: v or "-", pl.String, skip_nulls=False)
    assert out.to_list() == ["-", "a"]


def test_structs_go_through_as_dicts() -> None:
    rows = pl.DataFrame({"a": [1, 2], "b": [10, 20]}).select(pl.struct("a", "b").alias("s"))
    dtype = pl.Struct({"sum": pl.Int64})
    out = through(rows.get_column("s"), lambda r: {"sum": r["a"] + r["b"]}, dtype)
    assert out.to_list() == [{"sum": 11}, {"sum": 22}]


def test_no_code_runs_python_on_polars_workers() -> None:
    # map_elements in an expression runs Python on polars' worker threads, each taking the GIL:
    # with one script thread per officer calling polars at once, the server can stop dead.
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("sampark", "ui", "pages")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "rowwise.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".map_elements(" in line or ".map_batches(" in line
    ]
    assert found == []
