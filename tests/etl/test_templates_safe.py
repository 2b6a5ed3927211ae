"""A blank template loaded as written changes nothing: its example rows use ids and phones that
can never exist, and a row equal to a template's example row is rejected as such."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
import sqlalchemy as sa

from etl.pipeline import run_inbox
from etl.sources.examples import EXAMPLE_REASON, template_rejects
from etl.sources.sheets.columns import SHEETS
from etl.sources.sheets.tabular import read_table
from etl.templates import write_templates
from sampark.db import migrate
from sampark.phones import normalise_phone
from sampark.schema import metadata

# The tables an office's sheets write to.
DATA_TABLES = (
    "units",
    "groups",
    "people",
    "memberships",
    "staff",
    "blocklist",
    "register_entries",
    "alerts",
    "stories",
)
ID_COLUMNS = ("unit_id", "group_id", "parent_id", "staff_id")
PHONE_COLUMNS = ("phone", "admin_phone", "subject_phone")


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _real_state(inbox: Path) -> Path:
    """A real Patna Kotwali holding the ids the templates' examples used to carry."""
    _write(
        inbox,
        "units/units.csv",
        "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-PAT,district,Patna,BR\n"
        "BR-PAT-C01,circle,Sadar,BR-PAT\nBR-PAT-T001,thana,Kotwali,BR-PAT-C01\n",
    )
    _write(
        inbox,
        "groups/groups.csv",
        "Group ID,Unit ID,Group kind,Group name\n"
        "G-BR-PAT-T001,BR-PAT-T001,thana_public,Kotwali Jan Samvad\n",
    )
    members = "".join(f"G-BR-PAT-T001,98765{n:05d},trader,01-10-2026\n" for n in range(30))
    _write(inbox, "rosters/kotwali.csv", "Group ID,Mobile number,Category,List date\n" + members)
    _write(
        inbox,
        "staff/staff.csv",
        "Staff ID,Name,Rank,Unit ID,Mobile number\nBRP-004512,Suresh,SI,BR-PAT-T001,9876500101\n",
    )
    return inbox


def _contents(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        tables = {name: conn.execute(metadata.tables[name].select()).all() for name in DATA_TABLES}
    return {name: sorted(tuple(map(str, row)) for row in rows) for name, rows in tables.items()}


def test_blank_templates_loaded_as_written_change_no_real_group(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _real_state(tmp_path / "real"))
    before = _contents(engine)
    assert len([r for r in before["memberships"] if r[4] == "None"]) == 30  # open

    write_templates(tmp_path / "templates")
    result = run_inbox(engine, tmp_path / "templates")

    assert _contents(engine) == before
    counts = sorted((f.kind, f.rows_read, f.rows_loaded, f.rows_rejected) for f in result.files)
    assert counts == sorted((kind, 1, 0, 1) for kind in SHEETS)
    with engine.connect() as conn:
        reasons = conn.execute(sa.text("SELECT DISTINCT reason FROM rejects")).scalars().all()
    assert reasons == [EXAMPLE_REASON]
    assert EXAMPLE_REASON.startswith("example row from the template / ")


@pytest.mark.parametrize("kind", list(SHEETS))
def test_every_template_example_uses_reserved_ids_and_a_refused_phone(kind):
    for column in SHEETS[kind].columns:
        if column.key in ID_COLUMNS:
            assert column.example.startswith("EXAMPLE-"), (kind, column.key)
        if column.key in PHONE_COLUMNS and column.example:
            assert normalise_phone(column.example) is None, (kind, column.key)


@pytest.mark.parametrize("kind", list(SHEETS))
def test_a_row_equal_to_the_example_row_is_rejected_as_the_example(kind, tmp_path):
    (path,) = [p for p in write_templates(tmp_path) if p.stem == kind]
    table = read_table(path)
    checked = template_rejects(table.kind, table.frame)
    assert checked.rows.height == 0
    assert checked.rejects.select("line", "reason").rows() == [(2, EXAMPLE_REASON)]


def test_an_edited_example_row_keeps_its_reserved_id_and_is_refused(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _write(
        inbox,
        "units/units.csv",
        "Unit ID,Kind,Name,Parent unit ID\nBR,state,Bihar,\nEXAMPLE-T001,thana,My thana,BR\n",
    )
    _write(
        inbox,
        "groups/groups.csv",
        "Group ID,Unit ID,Group kind,Group name\nexample-g-9,BR,apex,Apex\n",
    )
    _write(
        inbox,
        "staff/staff.csv",
        "Staff ID,Name,Rank,Unit ID,Mobile number\nEXAMPLE-004512,Suresh,SI,BR,9876500101\n",
    )
    result = run_inbox(engine, inbox)
    assert [(f.path, f.rows_loaded, f.rows_rejected) for f in result.files] == [
        ("units/units.csv", 1, 1),
        ("groups/groups.csv", 0, 1),
        ("staff/staff.csv", 0, 1),
    ]
    with engine.connect() as conn:
        reasons = (
            conn.execute(sa.text("SELECT reason FROM rejects ORDER BY reject_id")).scalars().all()
        )
    assert reasons == [
        "ids starting EXAMPLE- are kept for the templates' example rows: EXAMPLE-T001",
        "ids starting EXAMPLE- are kept for the templates' example rows: example-g-9",
        "ids starting EXAMPLE- are kept for the templates' example rows: EXAMPLE-004512",
    ]


def test_template_rejects_leave_other_rows_alone():
    example = {c.key: c.example or None for c in SHEETS["blocklist"].columns}
    frame = pl.DataFrame(
        [{"line": 2, **example}, {"line": 3, **example, "phone": "9876500001"}],
        schema={"line": pl.Int64, **{k: pl.String for k in example}},
    )
    checked = template_rejects("blocklist", frame)
    assert checked.rows["line"].to_list() == [3]
    assert checked.rejects["line"].to_list() == [2]
