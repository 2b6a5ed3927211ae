"""Work beside a load's last steps: waited for, its error raised after them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.alongside import Alongside
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.presence import index_present
from sampark.queries.registry import data_version
from sampark.schema import etl_runs, messages

UNITS = "unit_id,kind,name,parent_id\nBR,state,Bihar,\nBR-PAT,district,Patna,BR\n"


def test_the_work_runs_on_another_thread_and_is_done_when_the_context_is_left() -> None:
    ran_on: list[str] = []
    with Alongside() as alongside:
        alongside.start(lambda: ran_on.append(threading.current_thread().name))
    assert ran_on == ["etl-alongside"]


def test_the_works_error_is_raised_on_leaving() -> None:
    def fails() -> None:
        raise ValueError("profile unreadable")

    with pytest.raises(ValueError, match="profile unreadable"), Alongside() as alongside:
        alongside.start(fails)


def test_an_error_of_the_context_goes_first_and_the_work_is_still_waited_for() -> None:
    finished = threading.Event()

    def slow_then_fails() -> None:
        finished.wait(5)
        raise ValueError("second")

    with pytest.raises(KeyError, match="first"), Alongside() as alongside:
        alongside.start(slow_then_fails)
        finished.set()
        raise KeyError("first")
    assert not any(t.name == "etl-alongside" for t in threading.enumerate())


def test_nothing_started_nothing_waited() -> None:
    with Alongside():
        pass


def test_a_run_hands_the_work_the_loaded_data_and_builds_its_indexes_too(
    db_url: str, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "units").mkdir(parents=True)
    (inbox / "units" / "units.csv").write_text(UNITS, encoding="utf-8")
    engine = migrate(db_url)
    seen: list[str] = []

    def figures() -> None:
        with engine.connect() as conn:
            seen.append(data_version(conn))

    run_inbox(engine, inbox, after_load=figures)
    with engine.connect() as conn:
        # Every file was recorded before the work began: it saw the run's final version.
        assert seen == [data_version(conn)]
        assert index_present(conn, messages, "ix_messages_group_person")


def test_a_failing_work_leaves_the_load_its_indexes_and_its_record_in_place(
    db_url: str, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "units").mkdir(parents=True)
    (inbox / "units" / "units.csv").write_text(UNITS, encoding="utf-8")
    engine = migrate(db_url)

    def fails() -> None:
        raise RuntimeError("figures failed")

    with pytest.raises(RuntimeError, match="figures failed"):
        run_inbox(engine, inbox, after_load=fails)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM units")).scalar_one() == 2
        assert index_present(conn, messages, "ix_messages_group_person")
        finished = conn.execute(sa.select(etl_runs.c.finished_at)).scalars().all()
        assert len(finished) == 1 and finished[0] is not None
