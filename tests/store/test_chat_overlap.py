"""Which lines of an export are new, decided without a database."""

from __future__ import annotations

import polars as pl

from sampark.store.chats import new_only

HELD_SCHEMA = {"ts": pl.Int64, "author": pl.String, "n": pl.UInt32}


def _rows() -> pl.DataFrame:
    return pl.DataFrame({"ts": [1, 1, 2, 3], "author": ["A", "A", "B", None], "line": [1, 2, 3, 4]})


def test_nothing_held_keeps_every_line():
    held = pl.DataFrame(schema=HELD_SCHEMA)
    assert new_only(_rows(), held, ["ts", "author"]).get_column("line").to_list() == [1, 2, 3, 4]


def test_a_key_held_once_drops_its_first_occurrence_only():
    held = pl.DataFrame({"ts": [1, 3], "author": ["A", None], "n": [1, 1]}, schema=HELD_SCHEMA)
    kept = new_only(_rows(), held, ["ts", "author"])
    assert kept.columns == ["ts", "author", "line"]
    assert sorted(kept.get_column("line").to_list()) == [2, 3]
