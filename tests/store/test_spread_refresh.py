"""The spread figures after a run, on SQLite and PostgreSQL: a registered directive's reach,
a rumour and its broadcast text stored; a second run over the same inbox changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.registry import table_counts
from sampark.queries.spread import rumours_frame, stored_spread
from sampark.schema import broadcast_texts
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile
from tests.spread_setup import NOW, PEPPER, RUMOUR, spread_inbox

PROFILE = load_profile(Path("data/targets"), "bihar")


def _run(engine: sa.Engine, inbox: Path) -> None:
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, inbox, now=NOW, prints=prints)
    refresh_spread(engine, PROFILE, PEPPER, texts=prints.texts_by_hash(), at=NOW)


def test_a_run_stores_the_directive_reach_the_rumour_and_its_broadcast_text(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, spread_inbox(tmp_path / "inbox"))
    with engine.connect() as conn:
        spread = stored_spread(conn)
        rumours = rumours_frame(conn)
        kept = conn.execute(sa.select(broadcast_texts.c.text, broadcast_texts.c.groups)).all()
    assert spread is not None
    reach = spread["reach"].row(0, named=True)
    assert (reach["key"], reach["targets"], reach["reached"], reach["share"]) == (
        "PHQ/14",
        5,
        4,
        0.8,
    )
    assert (reach["t50"], reach["t90"]) == (timedelta(hours=1), None)
    assert spread["never"]["group_id"].to_list() == ["GT5"]
    assert rumours.select("groups", "districts", "groups_in_window").rows() == [(5, 2, 5)]
    assert [tuple(k) for k in kept] == [(RUMOUR, 5)]


def test_a_second_run_over_the_same_inbox_changes_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = spread_inbox(tmp_path / "inbox")
    _run(engine, inbox)
    with engine.connect() as conn:
        before = table_counts(conn)
        rumours = rumours_frame(conn)
    _run(engine, inbox)
    with engine.connect() as conn:
        after = table_counts(conn)
        again = rumours_frame(conn)
    assert {k: v for k, v in after.items() if k != "etl_runs"} == {
        k: v for k, v in before.items() if k != "etl_runs"
    }
    assert again.equals(rumours)


def test_figures_stored_for_this_data_are_not_worked_out_again(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, spread_inbox(tmp_path / "inbox"))
    assert refresh_spread(engine, PROFILE, PEPPER, texts={}, at=NOW) is None
