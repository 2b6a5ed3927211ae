"""The directive register loaded from the inbox, and the rumours' audited verdicts, on SQLite
and PostgreSQL: rows read = loaded + rejected, a re-run changes nothing, text never in a reject."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.schema import audit_log, directives, rejects, rumours
from sampark.store.rumours import UnknownRumour, link_answer, set_verdict, store_rumours

NOW = datetime(2026, 11, 20, 12, 0)
ORDER = "All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight."
SECRET = "tiny"


def _register(inbox: Path) -> None:
    folder = inbox / "directives"
    folder.mkdir(parents=True)
    (folder / "register.csv").write_text(
        "Directive ID,Issued at,Issued by,Title,Text,Unit ID\n"
        f'PHQ/14,08-11-2026 10:15,ADG Crime,Pandals,"{ORDER}",\n'
        f'phq/15,09-11-2026 11:00,ADG L&O,,"{ORDER} Also at ghats.",\n'
        f"PHQ/16,09-11-2026 12:00,ADG L&O,,{SECRET},\n",
        encoding="utf-8",
    )


def test_the_register_loads_counted_and_a_rerun_changes_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    inbox = tmp_path / "inbox"
    _register(inbox)
    first = run_inbox(engine, inbox, now=NOW)
    again = run_inbox(engine, inbox, now=NOW)
    loaded = first.files[0]
    assert (loaded.kind, loaded.rows_read, loaded.rows_loaded, loaded.rows_rejected) == (
        "directives",
        3,
        2,
        1,
    )
    assert [f.status for f in again.files] == ["skipped"]
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(directives.c.directive_id, directives.c.issued_by).order_by("directive_id")
        ).all()
        reject = conn.execute(sa.select(rejects.c.reason, rejects.c.raw)).one()
    assert [tuple(r) for r in rows] == [("PHQ/14", "ADG Crime"), ("PHQ/15", "ADG L&O")]
    assert "too short" in reject.reason
    assert SECRET not in (reject.raw or "") and SECRET not in reject.reason


def _found() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "cluster": [77],
            "first_ts": [NOW],
            "first_group_id": ["G1"],
            "groups_in_window": [5],
            "districts_in_window": [2],
            "groups": [6],
            "districts": [3],
            "last_ts": [NOW],
        }
    )


def test_a_verdict_and_an_answer_are_audited_and_survive_the_next_run(db_url):
    engine = migrate(db_url)
    with engine.begin() as conn:
        store_rumours(conn, _found())
        set_verdict(conn, 77, "false", "Cell: Asha", NOW)
        link_answer(conn, 77, "Cell: Asha", NOW, directive_id="PHQ/14")
    with engine.begin() as conn:
        store_rumours(conn, _found().with_columns(groups=pl.lit(9)))
        row = conn.execute(sa.select(rumours)).one()
        audit = conn.execute(
            sa.select(audit_log.c.action, audit_log.c.target, audit_log.c.detail).order_by(
                audit_log.c.action
            )
        ).all()
    assert (row.groups, row.verdict, row.verdict_by, row.answer_directive_id) == (
        9,
        "false",
        "Cell: Asha",
        "PHQ/14",
    )
    assert [tuple(a) for a in audit] == [
        ("rumour_answer", "rumour:77", "directive:PHQ/14"),
        ("rumour_verdict", "rumour:77", "false"),
    ]


def test_a_verdict_on_no_rumour_or_outside_the_list_is_refused(db_url):
    engine = migrate(db_url)
    with engine.begin() as conn:
        store_rumours(conn, _found())
        with pytest.raises(UnknownRumour):
            set_verdict(conn, 78, "false", "Cell: Asha", NOW)
        with pytest.raises(ValueError, match="verdict must be one of"):
            set_verdict(conn, 77, "fake", "Cell: Asha", NOW)
        with pytest.raises(ValueError, match="exactly one"):
            link_answer(conn, 77, "Cell: Asha", NOW)
