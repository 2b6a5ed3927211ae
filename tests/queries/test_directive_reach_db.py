"""From the arrivals a run stores to the league row, on SQLite and PostgreSQL: the directive
reaches District One's two thana groups in 10 and 30 minutes and two of District Two's three
(in 1 and 2 hours; the fifth never)."""

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.access import STATE
from sampark.db import migrate
from sampark.metrics.coverage.league import league_table
from sampark.metrics.coverage.overview import coverage_overview
from sampark.queries.directive_reach import stored_deliveries
from sampark.queries.network import membership_history, network
from sampark.spread.tree import unit_ancestors
from sampark.spread.units import unit_directive_reach
from sampark.store.spread import refresh_spread
from sampark.tables.coverage import league_display
from sampark.tables.league_reach import with_reach_texts
from sampark.targets import load_profile
from tests.spread_setup import ISSUED, NOW, PEPPER, spread_inbox

PROFILE = load_profile(Path("data/targets"), "bihar")


def _league(engine: sa.Engine, lang: str, now=NOW):
    with engine.connect() as conn:
        deliveries = stored_deliveries(conn)
        net = network(conn, STATE)
        history = membership_history(conn, STATE)
    reach = None
    if deliveries is not None:
        reach = unit_directive_reach(deliveries, unit_ancestors(net.units), "district", now)
    league = league_table(coverage_overview(net, history, PROFILE, None, as_of=NOW.date()).children)
    return reach, league_display(with_reach_texts(league, reach, "unit_id", lang), lang)


def _run(engine: sa.Engine, root: Path) -> None:
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, spread_inbox(root), now=NOW, prints=prints)
    refresh_spread(engine, PROFILE, PEPPER, texts=prints.texts_by_hash(), at=NOW)


def test_stored_arrivals_give_each_district_its_share_within_24_hours_and_median(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, tmp_path / "inbox")
    reach, shown = _league(engine, "en")
    assert reach is not None
    assert reach.rows() == [
        ("D1", 1, 2, 2, 0, 1.0, 0.17),
        ("D2", 1, 3, 2, 1, 2 / 3, 2.0),
    ]
    rows = {r["Unit"]: r for r in shown.to_dicts()}
    assert (rows["One"]["Directives within 24 h"], rows["One"]["Directive median delay"]) == (
        "100.0% (2 of 2)",
        "10 min",
    )
    assert (rows["Two"]["Directives within 24 h"], rows["Two"]["Directive median delay"]) == (
        "66.7% (2 of 3)",
        "2.0 h",
    )


def test_in_hindi_the_league_row_reads_in_hindi(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, tmp_path / "inbox")
    _, shown = _league(engine, "hi")
    two = next(r for r in shown.to_dicts() if r["इकाई"] == "Two")
    assert two["24 घंटे में पहुँचे निर्देश"] == "66.7% (3 में से 2)"
    assert two["निर्देश पहुँचने की माध्यिका देरी"] == "2.0 घंटे"


def test_a_league_a_month_after_the_directive_says_no_directive_not_zero(db_url, tmp_path):
    engine = migrate(db_url)
    _run(engine, tmp_path / "inbox")
    reach, shown = _league(engine, "en", now=ISSUED + timedelta(days=29))
    assert reach is not None and reach.is_empty()
    assert set(shown.get_column("Directives within 24 h")) == {"no directive"}


def test_before_any_run_with_a_pepper_the_league_says_no_figures_yet(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, spread_inbox(tmp_path / "inbox"), now=NOW)
    with engine.connect() as conn:
        assert stored_deliveries(conn) is None
    _, shown = _league(engine, "en")
    assert set(shown.get_column("Directive median delay")) == {"no figures yet"}
