"""The membership history read back from SQLite and PostgreSQL alike, and the weekly series
it gives after two member lists."""

from datetime import date
from pathlib import Path

import polars as pl

from etl.pipeline import run_inbox
from sampark.access import STATE
from sampark.db import migrate
from sampark.metrics.coverage.history import weekly_members
from sampark.queries.network import membership_history, network


def _inbox(root: Path) -> Path:
    files = {
        "units.csv": "Unit ID,Kind,Name,Parent unit ID\nBR,state,Bihar,\nT1,thana,Kotwali,BR\n",
        "groups.csv": "Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,K\n",
        "rosters/2026-10-04.csv": "Group ID,Mobile number,Category,List date\n"
        "G1,9876500001,trader,2026-10-04\nG1,9876500002,trader,2026-10-04\n",
        "rosters/2026-11-01.csv": "Group ID,Mobile number,Category,List date\n"
        "G1,9876500001,trader,2026-11-01\nG1,9876500003,citizen,2026-11-01\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_history_keeps_join_and_exit_dates(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    with engine.connect() as conn:
        history = membership_history(conn, STATE).sort("person_id")
    assert history.select("person_id", "joined_at", "left_at").rows() == [
        ("+919876500001", date(2026, 10, 4), None),
        ("+919876500002", date(2026, 10, 4), date(2026, 11, 1)),
        ("+919876500003", date(2026, 11, 1), None),
    ]


def test_weekly_series_from_the_database(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"))
    with engine.connect() as conn:
        net, history = network(conn, STATE), membership_history(conn, STATE)
    weeks = [date(2026, 9, 27), date(2026, 10, 4), date(2026, 11, 1)]
    series = weekly_members(net, history, "state", weeks)
    assert series.select("week_end", "members").rows() == [
        (date(2026, 9, 27), 0),
        (date(2026, 10, 4), 2),
        (date(2026, 11, 1), 2),
    ]
    assert net.staff.schema["rank"] == pl.String
