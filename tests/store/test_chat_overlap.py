"""Which lines of an export are new, decided without a database."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.store.chats import new_only, time_span

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


def test_an_export_s_time_span_runs_over_its_messages_and_events():
    chat_messages = pl.DataFrame({"ts": [datetime(2026, 3, 2, 9, 5), datetime(2026, 3, 1, 8, 0)]})
    events = pl.DataFrame({"ts": [datetime(2026, 3, 3, 7, 30)]})
    none = pl.DataFrame(schema={"ts": pl.Datetime("us")})
    assert time_span(chat_messages, events) == (
        datetime(2026, 3, 1, 8, 0),
        datetime(2026, 3, 3, 7, 30),
    )
    assert time_span(none, events) == (datetime(2026, 3, 3, 7, 30), datetime(2026, 3, 3, 7, 30))
    assert time_span(none, none) == (None, None)
