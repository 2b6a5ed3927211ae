"""The demo answers each role's question: the DGP's trend against a demo-scale target, the IG's
league with several districts in every band, the cell's stories at every workflow step."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from etl.demo.calendar import DemoCalendar
from etl.demo.write.database import build_demo_database
from etl.demo.write.profile import demo_profile_text, demo_target, write_demo_profile
from sampark.access import STATE
from sampark.content.queue import story_queue
from sampark.content.waiting import waiting_stories
from sampark.db import migrate
from sampark.metrics.coverage.league import league_table
from sampark.metrics.coverage.overview import Overview, coverage_overview
from sampark.queries.network import membership_history, network
from sampark.queries.stories import all_stories, story_history
from sampark.settings import PROJECT_ROOT
from sampark.targets import read_profile

BUILT = datetime(2026, 12, 6, 7, 0)  # the build moment (local, as the demo build takes it)
PROFILE = """state: bihar
name: Bihar
name_hi: बिहार
member_target: 200000
member_target_date: 2027-03-31
"""


def test_demo_target_is_the_state_target_by_the_demo_share_of_thanas() -> None:
    # 67 of Bihar's 1,064 thanas: 200,000 × 67 / 1,064 = 12,594, to the hundred.
    assert demo_target("bihar", 200_000) == 12_600


def test_demo_profile_says_it_is_demo_scale_and_moves_its_date() -> None:
    text = demo_profile_text("bihar", PROFILE, DemoCalendar(date(2026, 12, 6)))
    assert "demo_scale: true\n" in text
    assert "name: Bihar (demo scale)\n" in text
    assert "name_hi: बिहार (डेमो पैमाना)\n" in text
    assert "member_target: 12600\n" in text
    assert "member_target_date: 2027-05-05\n" in text  # 2027-03-31 + 35 days


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[sa.Engine, Path]:
    root = tmp_path_factory.mktemp("roles")
    engine = migrate(f"sqlite:///{root / 'demo.db'}")
    build_demo_database(engine, root / "demo" / "inbox", now=BUILT)
    targets = write_demo_profile(
        PROJECT_ROOT / "data" / "targets",
        root / "demo" / "targets",
        "bihar",
        DemoCalendar(BUILT.date()),
    )
    return engine, targets


@pytest.fixture(scope="module")
def overview(built: tuple[sa.Engine, Path]) -> Overview:
    engine, targets = built
    with engine.connect() as conn:
        net = network(conn, STATE)
        history = membership_history(conn, STATE)
    return coverage_overview(net, history, read_profile(targets), None, as_of=BUILT.date())


def test_the_written_profile_reads_as_demo_scale(built: tuple[sa.Engine, Path]) -> None:
    profile = read_profile(built[1])
    assert profile.demo_scale and profile.member_target == 12_600
    assert profile.member_target_date == date(2027, 5, 5)


def test_dgp_trend_climbs_and_reaches_the_demo_target_as_planted(overview: Overview) -> None:
    weekly = overview.weekly.get_column("members")
    assert weekly[-1] > weekly[-2] > weekly[0]  # not a flat line at zero
    assert 0.6 < weekly[-1] / overview.member_target < 1.0  # short of the target today
    projection = overview.projection
    assert projection.reach_on is not None
    assert projection.reach_on <= projection.target_date  # on pace: reached before the date


def test_ig_league_ranks_every_district_in_bands_of_several(overview: Overview) -> None:
    league = league_table(overview.children)
    assert league.height == 9
    assert league.get_column("ranked").all()
    sizes = dict(league.group_by("band").agg(pl.col("band_size").first()).iter_rows())
    assert sizes == {"A": 4, "B": 3, "C": 2}


def test_ig_league_within_each_range_ranks_at_least_two_per_band(overview: Overview) -> None:
    # An IG's league draws its bands within the range: no district ranks "1 / 1".
    children = overview.children.with_columns(pl.col("unit_id").str.slice(3, 3).alias("code"))
    ranges = {
        "CEN": ["PAT", "NAL"],
        "SHA": ["BHO", "BUX", "ROH", "KAI"],
        "SAR": ["SAR", "SIW", "GOP"],
    }
    for districts in ranges.values():
        league = league_table(children.filter(pl.col("code").is_in(districts)))
        assert league.get_column("ranked").all()
        assert league.get_column("band_size").min() >= 2, league


def test_cell_finds_stories_at_every_step(built: tuple[sa.Engine, Path]) -> None:
    engine, _ = built
    with engine.connect() as conn:
        queue = story_queue(all_stories(conn, STATE), network(conn, STATE).units)
        history = story_history(conn, STATE)
    statuses = set(queue.get_column("status"))
    assert statuses == {"submitted", "vetted", "approved", "posted", "rejected"}
    assert queue.get_column("ready").sum() > 0  # the cell's ready queue is not empty
    today = history.filter(
        (pl.col("step") == "approved") & (pl.col("at") >= datetime(2026, 12, 5, 18, 30))
    )
    assert today.height >= 2  # approved today (IST) and ready to post
    assert queue.filter(pl.col("override_reference").is_not_null()).height == 1
    blocked = queue.filter(pl.col("blocked"))
    assert set(blocked.get_column("status")) == {"submitted", "vetted"}  # with no written order
    waiting = waiting_stories(queue, history, BUILT)
    assert set(waiting.get_column("status")) >= {"vetted", "approved"}
    assert waiting.select(pl.col("waiting_hours").max()).item() > 24
