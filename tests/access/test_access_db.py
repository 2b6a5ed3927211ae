"""Scope enforced where data is read, accounts and their audit trail — on SQLite and
PostgreSQL alike, through the real ETL and the real `python -m sampark users` command."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.access import STATE, Scope
from sampark.accounts import password_matches
from sampark.db import migrate
from sampark.queries.accounts import audit_frame, user_row
from sampark.queries.network import group_member_list, membership_history, network
from sampark.queries.registers import alert_details, alerts_frame, register_entries_frame
from sampark.queries.stories import all_stories
from ui.password_sign_in import password_sign_in

ROOT = Path(__file__).resolve().parents[2]

# Two ranges, a district and a thana in each; a group, members, a register entry, an alert
# and a story in each thana.
FILES = {
    "units.csv": "Unit ID,Kind,Name,Parent unit ID\n"
    "BR,state,Bihar,\nR1,range,Central,BR\nR2,range,Tirhut,BR\n"
    "D1,district,Patna,R1\nD2,district,Muzaffarpur,R2\n"
    "T1,thana,Kotwali,D1\nT2,thana,Kanti,D2\n",
    "groups.csv": "Group ID,Unit ID,Group kind,Group name\n"
    "G1,T1,thana_public,Kotwali public\nG2,T2,thana_public,Kanti public\n",
    "rosters/2026-11-01.csv": "Group ID,Mobile number,Category,Name,List date\n"
    "G1,9876500001,trader,Asha,2026-11-01\nG1,9876500002,citizen,Bina,2026-11-01\n"
    "G2,9876500003,trader,Chandan,2026-11-01\n",
    "registers/r.csv": "Unit ID,Received at,Category\n"
    "T1,01-11-2026 10:00,theft\nT2,02-11-2026 11:00,assault\nT2,03-11-2026 09:00,rumour\n",
    "alerts/a.csv": "Platform,Received at,Outcome,Unit ID,Name of the person,"
    "Mobile of the person\n"
    "Instagram,01-11-2026 22:00,,T1,Person One,9876511111\n"
    "Facebook,02-11-2026 21:00,reached_counselled,T2,Person Two,9876522222\n",
    "stories/s.csv": "Unit ID,Date,Category,Title,Story\n"
    "T1,01-11-2026,recovery,Bikes recovered,Three stolen bikes recovered.\n"
    "T2,02-11-2026,awareness,Cyber camp,A cyber awareness camp for traders.\n",
}


def _engine(db_url: str, root: Path) -> sa.Engine:
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    engine = migrate(db_url)
    run_inbox(engine, root)
    return engine


def test_a_district_scope_reads_only_its_own_units_and_their_rows(db_url, tmp_path):
    engine = _engine(db_url, tmp_path / "inbox")
    d1 = Scope("D1")
    with engine.connect() as conn:
        net = network(conn, d1)
        # The units above the scope come (names only) so levels roll up; no sibling does.
        assert sorted(net.units["unit_id"]) == ["BR", "D1", "R1", "T1"]
        assert net.groups["group_id"].to_list() == ["G1"]
        assert sorted(net.members["person_id"]) == ["+919876500001", "+919876500002"]
        assert register_entries_frame(conn, d1)["unit_id"].to_list() == ["T1"]
        assert alerts_frame(conn, d1)["unit_id"].to_list() == ["T1"]
        assert all_stories(conn, d1)["title"].to_list() == ["Bikes recovered"]
        assert membership_history(conn, d1)["group_id"].unique().to_list() == ["G1"]
        assert group_member_list(conn, d1, "G2").is_empty()
        assert group_member_list(conn, d1, "G1")["name"].to_list() == ["Asha", "Bina"]
        everything = register_entries_frame(conn, STATE)
        assert everything.height == 3
        assert register_entries_frame(conn, Scope("R2")).height == 2


def test_alert_details_carry_the_restricted_fields_only_inside_the_scope(db_url, tmp_path):
    engine = _engine(db_url, tmp_path / "inbox")
    with engine.connect() as conn:
        t1 = alert_details(conn, Scope("T1"))
        t2 = alert_details(conn, Scope("T2"), days=7)
    assert t1.select("subject_name", "subject_phone", "outcome").rows() == [
        ("Person One", "+919876511111", None)
    ]
    # Closed, but within the last week of alerts: still listed, with its outcome.
    assert t2.select("subject_name", "outcome").rows() == [("Person Two", "reached_counselled")]


def _users(db_url: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sampark", "users", *args, "--db", db_url],
        input=None if password is None else password + "\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_users_command_adds_disables_resets_and_lists_with_audit(db_url, tmp_path):
    engine = _engine(db_url, tmp_path / "inbox")
    added = _users(
        db_url,
        "add",
        "sp.patna",
        "--role",
        "sp",
        "--unit",
        "D1",
        "--password-stdin",
        password="patna-pass-2026",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added sp.patna (sp at D1)"
    wrong_kind = _users(
        db_url,
        "add",
        "sp.bad",
        "--role",
        "sp",
        "--unit",
        "T1",
        "--password-stdin",
        password="patna-pass-2026",
    )
    assert wrong_kind.returncode == 2
    assert "role sp needs a district unit, got a thana" in wrong_kind.stderr
    short = _users(db_url, "add", "co.x", "--role", "dgp", "--password-stdin", password="short")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    assert _users(db_url, "disable", "sp.patna").returncode == 0
    assert _users(db_url, "list").stdout.strip() == "sp.patna\tsp\tD1 disabled"
    assert _users(db_url, "enable", "sp.patna").returncode == 0
    reset = _users(db_url, "reset", "sp.patna", "--password-stdin", password="new-pass-20261")
    assert reset.returncode == 0
    assert _users(db_url, "disable", "nobody").returncode == 2
    with engine.connect() as conn:
        row = user_row(conn, "sp.patna")
        actions = audit_frame(conn)["action"].to_list()
    assert row is not None and row["password_hash"].startswith("$argon2id$")
    assert password_matches(row["password_hash"], "new-pass-20261")
    assert not password_matches(row["password_hash"], "patna-pass-2026")
    assert actions == [
        "password_reset",
        "user_enabled",
        "user_disabled",
        "user_added",
    ]


def test_failed_sign_ins_are_counted_locked_and_logged(db_url, tmp_path):
    engine = _engine(db_url, tmp_path / "inbox")
    assert (
        _users(
            db_url, "add", "cell", "--role", "social", "--password-stdin", password="cell-pass-2026"
        ).returncode
        == 0
    )
    now = datetime(2026, 11, 23, 10, 0)
    for _ in range(5):
        assert password_sign_in(engine, "cell", "guess", now) is None
    with engine.connect() as conn:
        row = user_row(conn, "cell")
        log = audit_frame(conn).filter(pl.col("action").str.starts_with("sign_in"))
    assert row is not None and (row["failed_logins"], row["locked_until"]) == (
        5,
        datetime(2026, 11, 23, 10, 15),
    )
    assert password_sign_in(engine, "cell", "cell-pass-2026", now) is None
    assert log.select("action", "times", "detail").rows() == [
        ("sign_in_locked", 1, "locked until 2026-11-23 10:15"),
        ("sign_in_failed", 5, None),
    ]
