"""The rumours' spread stored after a run, on SQLite and PostgreSQL: each rumour's arrival in
every group and the police answer that came after it; the coverage of a linked answer worked
out from them when read; a run that loads nothing stores nothing again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.spread import rumours_frame, stored_rumour_spread, stored_spread
from sampark.store.rumours import link_answer
from sampark.store.spread import refresh_spread
from sampark.tables.spread_rumours import rebuttals
from sampark.targets import load_profile
from tests.spread_page_setup import NOW, PEPPER, page_inbox

PROFILE = load_profile(Path("data/targets"), "bihar")


def _run(engine: sa.Engine, inbox: Path) -> object:
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, inbox, now=NOW, prints=prints)
    return refresh_spread(engine, PROFILE, PEPPER, texts=prints.texts_by_hash(), at=NOW)


def test_the_rumours_arrivals_and_the_police_answer_are_stored_and_cover_half(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, page_inbox(tmp_path / "inbox"))
    with engine.connect() as conn:
        stored = stored_rumour_spread(conn)
        found = rumours_frame(conn)
    assert stored is not None
    groups = stored["arrivals"].group_by("key").len().sort("len")["len"].to_list()
    assert groups == [5, 6]
    answers = stored["answers"]
    assert answers.sort("first_ts")["group_id"].to_list() == ["GT1", "GT2", "GT4"]
    english = found.filter(pl.col("first_group_id") == "GT1")["cluster"].item()
    with engine.begin() as conn:
        link_answer(conn, english, "cell", NOW, answer_cluster=int(answers["key"].unique().item()))
    with engine.connect() as conn:
        found = rumours_frame(conn)
        hops = stored_spread(conn)
    assert hops is not None
    coverage = rebuttals(found, stored["arrivals"], answers, hops["hops"])
    row = coverage.filter(coverage["key"] == str(english)).row(0, named=True)
    assert (row["groups"], row["answered"], row["coverage"]) == (6, 3, 0.5)
    assert row["first_answer_after"] == timedelta(hours=6)
    assert row["median_delay"] == timedelta(hours=8)


def test_a_second_run_over_the_same_inbox_stores_nothing_again(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = page_inbox(tmp_path / "inbox")
    assert _run(engine, inbox) is not None
    assert _run(engine, inbox) is None
    with engine.connect() as conn:
        assert stored_rumour_spread(conn) is not None
