"""Bad sheets: each bad row is rejected with its line and reason, the rest loads, nothing lost."""

from pathlib import Path

import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.registry import reject_log, table_counts


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _bad_inbox(root: Path) -> Path:
    _write(
        root,
        "units/units.csv",
        "Unit ID,Kind,Name,Name in Hindi,Parent unit ID\n"
        "BR,state,Bihar,बिहार,\n"
        "BR-PAT,जिला,Patna,पटना,BR\n"
        "BR-PAT-T001,thana,Kotwali,कोतवाली,BR-PAT\n"
        "BR-PAT-T002,police post,Digha,,BR-PAT\n"
        "BR-PAT-T001,thana,Kotwali again,,BR-PAT\n",
    )
    _write(
        root,
        "groups.csv",
        "समूह आईडी,इकाई आईडी,समूह प्रकार,समूह का नाम\n"
        "G1,BR-PAT-T001,thana_public,Kotwali Jan Samvad\n"
        "G2,BR-NOPE,thana_public,Nowhere\n",
    )
    _write(
        root,
        "rosters/r.csv",
        "समूह आईडी,नाम,मोबाइल नंबर,श्रेणी,एडमिन,सूची तिथि\n"
        "G1,राम,9876543210,व्यापारी,नहीं,01-11-2026\n"
        "G1,श्याम,12345,व्यापारी,नहीं,01-11-2026\n"
        "G9,गीता,9876500001,नागरिक,नहीं,01-11-2026\n"
        "G1,सीता,9876500002,visitor,नहीं,01-11-2026\n"
        "G1,राम,+91 98765 43210,व्यापारी,नहीं,01-11-2026\n"
        "G1,मोहन,9876500003,ग्राम रक्षक,शायद,01-11-2026\n",
    )
    _write(root, "notes.csv", "Sr,Remarks\n1,call SP\n2,check list\n")
    return root


def _one_thana_group(inbox: Path) -> None:
    _write(inbox, "units.csv", "Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    _write(inbox, "groups.csv", "Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,K\n")


def test_each_bad_row_is_rejected_with_line_and_reason(db_url, tmp_path):
    engine = migrate(db_url)
    result = run_inbox(engine, _bad_inbox(tmp_path / "inbox"))
    with engine.connect() as conn:
        found = reject_log(conn).select("path", "line", "reason").rows()
    assert sorted(found) == sorted(
        [
            ("groups.csv", 3, "unknown unit BR-NOPE"),
            (
                "notes.csv",
                1,
                "file rejected: " + next(f.reason for f in result.files if f.path == "notes.csv"),
            ),
            ("rosters/r.csv", 3, "mobile '12345' is not a valid Indian number"),
            ("rosters/r.csv", 4, "unknown group G9"),
            ("rosters/r.csv", 5, "unknown category 'visitor'"),
            ("rosters/r.csv", 6, "duplicate member of G1 (first on line 2)"),
            ("rosters/r.csv", 7, "admin must be yes or no, not 'शायद'"),
            (
                "units/units.csv",
                5,
                "unknown unit kind 'police post'; expected one of state, zone, "
                "range, district, circle, thana, outpost, division, "
                "police_centre",
            ),
            ("units/units.csv", 6, "duplicate Unit ID BR-PAT-T001 (first on line 4)"),
        ]
    )


def test_rows_read_equal_loaded_plus_rejected_for_every_file(db_url, tmp_path):
    engine = migrate(db_url)
    result = run_inbox(engine, _bad_inbox(tmp_path / "inbox"))
    counts = {f.path: (f.rows_read, f.rows_loaded, f.rows_rejected) for f in result.files}
    assert counts == {
        "units/units.csv": (5, 3, 2),
        "groups.csv": (2, 1, 1),
        "rosters/r.csv": (6, 1, 5),
        "notes.csv": (2, 0, 2),
    }


def test_rerunning_the_same_inbox_changes_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _bad_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    with engine.connect() as conn:
        before = table_counts(conn)
    again = run_inbox(engine, inbox)
    with engine.connect() as conn:
        after = table_counts(conn)
    assert {f.status for f in again.files} == {"skipped"}
    assert {k: v for k, v in after.items() if k != "etl_runs"} == {
        k: v for k, v in before.items() if k != "etl_runs"
    }


def test_newer_roster_ends_memberships_and_keeps_history(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _one_thana_group(inbox)
    _write(
        inbox,
        "rosters/old.csv",
        "Group ID,Mobile number,Category,List date\n"
        "G1,9876500001,trader,04-10-2026\nG1,9876500002,trader,04-10-2026\n",
    )
    run_inbox(engine, inbox)
    _write(
        inbox,
        "rosters/new.csv",
        "Group ID,Mobile number,Category,List date\n"
        "G1,9876500002,trader,01-11-2026\nG1,9876500003,pradhan,01-11-2026\n",
    )
    run_inbox(engine, inbox)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT person_id, joined_at, left_at FROM memberships ORDER BY person_id")
        ).all()
    assert [(p, str(j)[:10], str(x)[:10] if x else None) for p, j, x in rows] == [
        ("+919876500001", "2026-10-04", "2026-11-01"),
        ("+919876500002", "2026-10-04", None),
        ("+919876500003", "2026-11-01", None),
    ]


def test_older_roster_than_the_one_loaded_is_rejected(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _one_thana_group(inbox)
    _write(
        inbox,
        "rosters/new.csv",
        "Group ID,Mobile number,Category,List date\nG1,9876500002,trader,01-11-2026\n",
    )
    run_inbox(engine, inbox)
    _write(
        inbox,
        "rosters/older.csv",
        "Group ID,Mobile number,Category,List date\nG1,9876500009,trader,04-10-2026\n",
    )
    result = run_inbox(engine, inbox)
    older = next(f for f in result.files if f.path == "rosters/older.csv")
    with engine.connect() as conn:
        reasons = reject_log(conn).filter(path="rosters/older.csv")["reason"].to_list()
    assert (older.rows_loaded, older.rows_rejected) == (0, 1)
    assert reasons == [
        "list of 2026-10-04 is older than the list of 2026-11-01 already loaded for group G1"
    ]


def test_staff_person_is_police_with_rank_and_one_person_across_sheets(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _write(inbox, "units.csv", "Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    _write(
        inbox,
        "groups.csv",
        "Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,K\nG2,T1,beat,B\n",
    )
    _write(
        inbox,
        "staff.xlsx.csv",
        "Staff ID,Name,Rank,Unit ID,Mobile number\nS1,Suresh,SI,T1,9876500001\n",
    )
    _write(
        inbox,
        "rosters/r.csv",
        "Group ID,Mobile number,Category\nG1,09876500001,citizen\nG2,+919876500001,citizen\n",
    )
    run_inbox(engine, inbox)
    with engine.connect() as conn:
        people = conn.execute(sa.text("SELECT person_id, category, rank FROM people")).all()
    assert [tuple(p) for p in people] == [("+919876500001", "police", "SI")]


def test_unit_sheets_load_parents_first_whatever_their_names(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _write(inbox, "units/a_thanas.csv", "Unit ID,Kind,Name,Parent unit ID\nT1,थाना,K,D1\n")
    _write(
        inbox, "units/b_top.csv", "Unit ID,Kind,Name,Parent unit ID\nS,state,S,\nD1,district,D,S\n"
    )
    result = run_inbox(engine, inbox)
    assert [(f.path, f.rows_loaded, f.rows_rejected) for f in result.files] == [
        ("units/b_top.csv", 2, 0),
        ("units/a_thanas.csv", 1, 0),
    ]
