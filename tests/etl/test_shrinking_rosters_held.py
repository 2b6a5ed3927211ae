"""A roster that would end most of a group is held until the data officer confirms it; nothing
changes while it is held, and confirming loads it exactly once, audited."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from etl.__main__ import app
from etl.pipeline import NotHeld, run_inbox
from sampark.db import migrate
from sampark.queries.registry import held_rosters, table_counts
from sampark.store.rosters import shrinking_groups
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
HELD_REASON = (
    "held: this list would end 19 of the 20 open memberships of group G1 (20 → 2); nothing "
    "was changed. A data officer confirms it on the Data page or with "
    "`etl run --accept-shrink FILE`"
)


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _roster(day: str, numbers: range) -> str:
    rows = "".join(f"G1,98765{n:05d},trader,{day}\n" for n in numbers)
    return "Group ID,Mobile number,Category,List date\n" + rows


def _held_inbox(root: Path) -> Path:
    """A group of 20 loaded, then a list keeping one of them and adding one."""
    _write(root, "units.csv", "Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    _write(root, "groups.csv", "Group ID,Unit ID,Group kind,Group name\nG1,T1,thana_public,K\n")
    _write(root, "rosters/old.csv", _roster("04-10-2026", range(20)))
    return root


def _shrink(root: Path) -> Path:
    return _write(root, "rosters/new.csv", _roster("01-11-2026", range(19, 21)))


def _memberships(engine: sa.Engine) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT person_id, left_at FROM memberships ORDER BY person_id")
        ).all()
    return [(p, str(left)[:10] if left else None) for p, left in rows]


def _counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return table_counts(conn)


# --- the rule, pure ------------------------------------------------------------------------


def _frames(groups: dict[str, tuple[int, int]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(listed, open) for groups of `open` members of which the list keeps `kept`."""
    opened = [(g, f"p{i}") for g, (n, _) in groups.items() for i in range(n)]
    listed = [(g, f"p{i}") for g, (_, kept) in groups.items() for i in range(kept)]
    schema = {"group_id": pl.String, "person_id": pl.String}
    return (
        pl.DataFrame(listed, schema=schema, orient="row"),
        pl.DataFrame(opened, schema=schema, orient="row"),
    )


def test_a_list_is_held_only_past_half_and_past_ten_people():
    listed, opened = _frames(
        {
            "ends-11-of-20": (20, 9),
            "ends-10-of-20": (20, 10),
            "ends-12-of-13": (13, 1),
            "ends-8-of-9": (9, 1),
            "ends-15-of-30": (30, 15),
            "ends-16-of-30": (30, 14),
        }
    )
    held = shrinking_groups(listed, opened).sort("group_id")
    assert held.rows() == [
        ("ends-11-of-20", 20, 9, 11),
        ("ends-12-of-13", 13, 1, 12),
        ("ends-16-of-30", 30, 14, 16),
    ]


# --- the ETL -------------------------------------------------------------------------------


def test_a_shrinking_roster_is_held_and_nothing_changes(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    members, counts = _memberships(engine), _counts(engine)
    _shrink(inbox)

    result = run_inbox(engine, inbox)

    held = next(f for f in result.files if f.path == "rosters/new.csv")
    assert (held.status, held.rows_read, held.rows_loaded, held.rows_rejected, held.rows_held) == (
        "held",
        2,
        0,
        0,
        2,
    )
    assert held.reason == HELD_REASON
    assert _memberships(engine) == members
    after = _counts(engine)
    assert {k: after[k] - counts[k] for k in after if after[k] != counts[k]} == {
        "etl_runs": 1,
        "etl_files": 1,
        "roster_holds": 1,
    }
    with engine.connect() as conn:
        holds = held_rosters(conn)
    assert holds.select("path", "group_id", "open_before", "open_after").rows() == [
        ("rosters/new.csv", "G1", 20, 2)
    ]


def test_rerunning_keeps_a_held_roster_held_and_changes_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    _shrink(inbox)
    run_inbox(engine, inbox)
    members, counts = _memberships(engine), _counts(engine)

    again = run_inbox(engine, inbox)

    assert {f.path: f.status for f in again.files} == {
        "units.csv": "skipped",
        "groups.csv": "skipped",
        "rosters/old.csv": "skipped",
        "rosters/new.csv": "held",
    }
    still = next(f for f in again.files if f.status == "held")
    assert (still.rows_read, still.rows_held) == (0, 0)  # nothing read anew
    assert still.reason == "still " + HELD_REASON
    assert _memberships(engine) == members
    assert {**_counts(engine), "etl_runs": 0} == {**counts, "etl_runs": 0}


def test_rows_read_are_loaded_plus_rejected_plus_held_for_files_and_runs(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    _write(inbox, "rosters/new.csv", _roster("01-11-2026", range(19, 21)) + "G1,12345,trader,\n")
    first = run_inbox(engine, _held_inbox(tmp_path / "first"))
    second = run_inbox(engine, inbox)
    for result in (first, second):
        for f in result.files:
            assert f.rows_read == f.rows_loaded + f.rows_rejected + f.rows_held, f
        totals = result.as_json()
        assert totals["rows_read"] == (
            totals["rows_loaded"] + totals["rows_rejected"] + totals["rows_held"]
        )
    assert second.as_json()["rows_held"] == 3
    with engine.connect() as conn:
        runs = conn.execute(
            sa.text("SELECT rows_read, rows_loaded, rows_rejected, rows_held FROM etl_runs")
        ).all()
        files = conn.execute(
            sa.text("SELECT rows_read, rows_loaded, rows_rejected, rows_held FROM etl_files")
        ).all()
    for read, loaded, rejected, held in [*runs, *files]:
        assert read == loaded + rejected + held


def test_accept_shrink_loads_the_held_roster_once_and_audits_it(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    held_file = _shrink(inbox)
    run_inbox(engine, inbox)

    out = CliRunner().invoke(
        app,
        [
            "run",
            "--inbox",
            str(inbox),
            "--db",
            db_url,
            "--json",
            "--accept-shrink",
            str(held_file),
            "--actor",
            "do.patna",
        ],
    )

    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert [
        (f["path"], f["status"], f["rows_read"], f["rows_loaded"], f["rows_held"])
        for f in report["files"]
        if f["status"] != "skipped"
    ] == [("rosters/new.csv", "loaded", 2, 2, 0)]
    ended = [p for p, left in _memberships(engine) if left == "2026-11-01"]
    assert len(ended) == 19
    assert len(_memberships(engine)) == 21  # nothing deleted: 19 ended, 1 stays, 1 joined
    with engine.connect() as conn:
        audit = conn.execute(sa.text("SELECT actor, action, target, detail FROM audit_log")).all()
        holds = held_rosters(conn)
        status = conn.execute(
            sa.text("SELECT status, rows_loaded, rows_held FROM etl_files WHERE path = :p"),
            {"p": "rosters/new.csv"},
        ).one()
    assert [tuple(a) for a in audit] == [
        (
            "do.patna",
            "roster_shrink_accepted",
            "file:rosters/new.csv",
            "group G1: 20 → 2 open memberships",
        )
    ]
    assert holds.is_empty()
    assert tuple(status) == ("loaded", 2, 0)

    members = _memberships(engine)
    again = CliRunner().invoke(
        app, ["run", "--inbox", str(inbox), "--db", db_url, "--accept-shrink", str(held_file)]
    )
    assert again.exit_code == 2
    assert "is not held" in again.output
    plain = run_inbox(engine, inbox)
    assert {f.status for f in plain.files} == {"skipped"}
    assert _memberships(engine) == members


def test_accepting_a_file_that_is_not_held_is_refused(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    with pytest.raises(NotHeld, match=r"old\.csv is not held"):
        run_inbox(engine, inbox, accept=[inbox / "rosters" / "old.csv"], actor="x")


def test_data_page_button_accepts_a_held_roster(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    _shrink(inbox)
    run_inbox(engine, inbox)
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "data_officer")
    at.run()
    assert not at.exception
    (held,) = [d.value for d in at.dataframe if "Open memberships now" in d.value.columns]
    assert held[["Group", "Open memberships now", "After this list"]].values.tolist() == [
        ["G1", "20", "2"]
    ]

    (accept,) = [b for b in at.button if b.key and b.key.startswith("accept_hold_")]
    accept.click().run()

    assert not at.exception
    assert len([p for p, left in _memberships(engine) if left == "2026-11-01"]) == 19
    with engine.connect() as conn:
        actors = conn.execute(
            sa.text("SELECT actor FROM audit_log WHERE action = 'roster_shrink_accepted'")
        ).scalars()
        assert list(actors) == ["test-data_officer"]
    assert not [b for b in at.button if b.key and b.key.startswith("accept_hold_")]


def test_a_held_roster_found_again_elsewhere_is_accepted_from_there(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = _held_inbox(tmp_path / "inbox")
    run_inbox(engine, inbox)
    first = _shrink(inbox)
    run_inbox(engine, inbox)
    again = _write(tmp_path / "uploads", "new.csv", first.read_text(encoding="utf-8"))
    first.unlink()

    result = run_inbox(engine, tmp_path / "uploads")

    assert [(f.path, f.status) for f in result.files] == [("new.csv", "held")]
    with engine.connect() as conn:
        assert held_rosters(conn)["location"].to_list() == [str(again.resolve())]
