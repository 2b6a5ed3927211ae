"""The demo's registers, alerts and stories: volumes, realism, the guard's cases, determinism."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import polars as pl
import pytest

from etl.demo.build.alerts import alert_frame
from etl.demo.build.response import DAYS, DEMO_NOW, register_frame, write_response
from etl.demo.build.stories import story_frame
from etl.demo.model import Thana

THANAS = [
    Thana(f"BR-{d}-T{i:03d}", f"BR-{d}", None, f"Place {i}", f"स्थान {i}", d.title(), d)
    for d in ("PAT", "NAL")
    for i in range(1, 13)
]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.*"))}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("resp")
    return root, write_response(root, THANAS, scale="small", seed=11)


def test_same_seed_writes_the_same_bytes(written, tmp_path):
    root, _ = written
    write_response(tmp_path, THANAS, scale="small", seed=11)
    assert _files(tmp_path) == _files(root)


def test_another_seed_writes_other_registers(written, tmp_path):
    root, _ = written
    write_response(tmp_path, THANAS, scale="small", seed=12)
    assert _files(tmp_path)["registers/pat_2025.csv"] != _files(root)["registers/pat_2025.csv"]


def test_summary_counts_the_small_scale_volumes(written):
    _, summary = written
    assert summary.registers == 20_000
    assert 1.0 * DAYS <= summary.alerts <= 2.0 * DAYS
    assert summary.files == len(_files(written[0]))
    # Six bad rows per register file, three sent twice, five alerts, five stories.
    register_files = len([f for f in _files(written[0]) if f.startswith("registers/")])
    assert summary.bad_rows == 6 * (register_files - 1) + 3 + 5 + 5


def test_register_stages_follow_each_other_and_none_is_after_the_demo_date():
    frame = register_frame(THANAS, 5000, seed=3)
    stamps = ["received_at", "cognizance_at", "fir_at", "action_at", "closed_at"]
    filled = frame.with_columns(
        pl.coalesce(stamps[: i + 1][::-1]).alias(c) for i, c in enumerate(stamps)
    )
    ordered = pl.all_horizontal(pl.col(b) >= pl.col(a) for a, b in itertools.pairwise(stamps))
    assert filled.select(ordered.all()).item()
    assert frame.select(pl.max_horizontal(stamps).max()).item() <= DEMO_NOW


def test_alerts_reach_60_to_85_percent_and_trace_in_30_to_90_minutes():
    alerts = alert_frame(THANAS, DEMO_NOW, DAYS, 1.5, seed=5)
    reached = alerts.select(pl.col("outcome").is_in(["reached_counselled", "hospitalised"]).mean())
    minutes = alerts.select(
        ((pl.col("traced_at") - pl.col("received_at")).dt.total_minutes()).drop_nulls()
    ).to_series()
    assert 0.6 <= reached.item() <= 0.85
    assert (minutes.min(), minutes.max()) >= (30, 0) and minutes.max() <= 90


STORIES = story_frame(THANAS, DEMO_NOW, seed=9)
TEXT = STORIES.select(
    pl.concat_str(["title", "body", "title_hi", "body_hi"], separator=" ", ignore_nulls=True)
).to_series()

GUARD_CASES = {
    "victim named through village and relation": r"daughter of [A-Z]\w+ \w+ of village \w+",
    "juvenile identified by school": r"\d+-year-old .*School",
    "victim's address": r"resident of House No\. \d+",
    "mobile number": r"\b[6-9]\d{9}\b",
    "aadhaar-like number": r"\b\d{4} \d{4} \d{4}\b",
    "guilt words": r"\bcriminal\b|दोषी|अपराधी",
}


@pytest.mark.parametrize("case", list(GUARD_CASES))
def test_stories_hold_a_case_the_legal_guard_must_block(case):
    assert TEXT.str.contains(GUARD_CASES[case]).any()


def test_most_stories_are_clean():
    unsafe = TEXT.str.contains("|".join(f"(?:{p})" for p in GUARD_CASES.values()))
    assert unsafe.sum() <= 5 < STORIES.height - unsafe.sum()


def test_stories_come_in_hindi_english_and_both():
    has_en = STORIES.get_column("title").is_not_null()
    has_hi = STORIES.get_column("title_hi").is_not_null()
    assert (has_en & ~has_hi).any() and (has_hi & ~has_en).any() and (has_en & has_hi).any()
    assert any(re.search("[\u0900-\u097f]", t or "") for t in STORIES.get_column("body_hi"))
