"""The ETL's registry: runs, every file seen (by sha256), its rejected rows, and the rosters
held for the data officer until one accepts them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.queries.demo import is_demo_file
from sampark.queries.registry import held_rosters
from sampark.schema import etl_files, etl_runs, rejects, roster_holds
from sampark.store.audit import record_audit
from sampark.store.demo import end_demo_mode
from sampark.store.sql import batches, new_id


def start_run(conn: sa.Connection, inbox: Path, at: datetime) -> int:
    return new_id(conn.execute(etl_runs.insert().values(started_at=at, inbox=str(inbox))))


def finish_run(conn: sa.Connection, run_id: int, at: datetime, totals: dict[str, int]) -> None:
    conn.execute(
        etl_runs.update().where(etl_runs.c.run_id == run_id).values(finished_at=at, **totals)
    )


def record_file(conn: sa.Connection, **values: Any) -> int:
    """A row in the file registry; returns its file_id. Every path that loads a file comes
    through here, so a file the demo did not write ends demo mode here, whether it loads or
    is rejected."""
    file_id = new_id(conn.execute(etl_files.insert().values(**values)))
    if not is_demo_file(conn, values["sha256"]):
        end_demo_mode(
            conn, values["loaded_at"], f"a file the demo did not write was loaded: {values['path']}"
        )
    return file_id


def note_file(conn: sa.Connection, file_id: int, note: str) -> None:
    """What a loaded file added, in words, for the Data page."""
    conn.execute(etl_files.update().where(etl_files.c.file_id == file_id).values(reason=note))


def record_rejects(conn: sa.Connection, file_id: int, found: pl.DataFrame) -> None:
    if found.is_empty():  # most files: nothing to plan a frame for
        return
    rows = found.select("line", "reason", "raw").with_columns(file_id=pl.lit(file_id)).to_dicts()
    for batch in batches(rows):
        conn.execute(rejects.insert(), batch)


def hold_roster(conn: sa.Connection, file_id: int, shrinks: pl.DataFrame, location: str) -> None:
    """Record a roster held for the data officer: per group it would shrink, the open
    memberships now and after, and where the file lies (to load it once accepted)."""
    rows = shrinks.select(
        "group_id",
        "open_before",
        "open_after",
        file_id=pl.lit(file_id),
        location=pl.lit(location),
    ).to_dicts()
    conn.execute(roster_holds.insert(), rows)


def move_hold(conn: sa.Connection, file_id: int, location: str) -> None:
    """The held file was found again at `location` (its first place is gone)."""
    conn.execute(
        roster_holds.update().where(roster_holds.c.file_id == file_id).values(location=location)
    )


class HoldChanged(RuntimeError):
    """The roster is no longer held (someone accepted it first)."""


def accept_held_roster(
    conn: sa.Connection,
    file_id: int,
    *,
    run_id: int,
    rows_loaded: int,
    rows_rejected: int,
    as_of: Any,
    actor: str,
    at: datetime,
    loaded_at: datetime,
) -> str:
    """A held roster accepted and loaded: its registry row becomes loaded in this run, its
    holds say who accepted it and when, and the audit log keeps the same. Returns the file's
    note (who accepted it, when, and the groups' counts)."""
    held = held_rosters(conn).filter(pl.col("file_id") == file_id)
    if held.is_empty():
        raise HoldChanged(f"file {file_id} is no longer held")
    name = str(held.get_column("path")[0])
    groups = "; ".join(
        f"group {g}: {before} → {after} open memberships"
        for g, before, after in held.select("group_id", "open_before", "open_after").rows()
    )
    note = f"accepted by {actor} on {at:%d-%m-%Y %H:%M} IST ({groups})"
    done = conn.execute(
        etl_files.update()
        .where(etl_files.c.file_id == file_id, etl_files.c.status == "held")
        .values(
            status="loaded",
            run_id=run_id,
            reason=note,
            rows_loaded=rows_loaded,
            rows_rejected=rows_rejected,
            rows_held=0,
            as_of=as_of,
            loaded_at=loaded_at,
        )
    )
    if done.rowcount != 1:
        raise HoldChanged(f"{name} is no longer held")
    conn.execute(
        roster_holds.update()
        .where(roster_holds.c.file_id == file_id)
        .values(accepted_by=actor, accepted_at=at)
    )
    record_audit(conn, at, actor, "roster_shrink_accepted", f"file:{name}", groups)
    return note
