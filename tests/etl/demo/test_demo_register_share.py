"""The demo's registers are believable: an office closes nearly everything within the 21-day
limit, so only the planted share stays open beyond it (was 922 entries of the small demo)."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from etl.demo.build.response import DEMO_NOW, NEVER_CLOSED, NEVER_TAKEN_UP, register_frame
from etl.demo.model import Thana

THANAS = [
    Thana(f"BR-PAT-T{i:03d}", "BR-PAT", None, f"T{i}", f"T{i}", "Patna", "पटना")
    for i in range(1, 30)
]


def test_few_entries_stay_open_beyond_21_days() -> None:
    frame = register_frame(THANAS, 20_000, seed=5)
    old = frame.filter(pl.col("received_at") < DEMO_NOW - timedelta(days=21))
    still_open = old.filter(pl.col("closed_at").is_null()).height
    assert (frame.height, still_open) == (19_998, 149)
    assert still_open / old.height < 2 * (NEVER_TAKEN_UP + NEVER_CLOSED)


def test_an_entry_never_taken_up_has_no_later_stage() -> None:
    frame = register_frame(THANAS, 20_000, seed=5)
    untouched = frame.filter(pl.col("cognizance_at").is_null())
    stages = ("fir_at", "action_at", "closed_at")
    assert untouched.height > 0
    assert untouched.select(pl.all_horizontal(pl.col(s).is_null() for s in stages).all()).item()
