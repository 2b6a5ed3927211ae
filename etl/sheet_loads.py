"""A sheet read, checked and written in one transaction; a roster that would shrink a group held."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa

from etl.files import sha256_of
from etl.results import Acceptance, FileResult, NotHeld, unreadable
from etl.sources.checks import Checked, Known
from etl.sources.examples import template_rejects
from etl.sources.registry import SOURCES
from etl.sources.sheets.tabular import BadFile, Table, read_table
from etl.sources.sheets.values import coded
from etl.sources.units import KIND_DEPTH
from etl.sources.units import KIND_LABELS as UNIT_KIND_LABELS
from sampark.clock import now_utc
from sampark.queries.network import (
    group_ids,
    latest_roster_dates,
    open_memberships,
    unit_ids,
    unit_tree,
)
from sampark.queries.registry import held_rosters
from sampark.store import registry as store_registry
from sampark.store.registry import HoldChanged
from sampark.store.rosters import shrinking_groups

_CONFIRM = (
    "nothing was changed. A data officer confirms it on the Data page or with "
    "`etl run --accept-shrink FILE`"
)


def held_reason(shrinks: pl.DataFrame) -> str:
    """Why a roster is held, naming each group it would shrink with its counts."""
    groups = ", ".join(
        f"{ending} of the {before} open memberships of group {group} ({before} → {after})"
        for group, before, after, ending in shrinks.select(
            "group_id", "open_before", "open_after", "ending"
        ).rows()
    )
    return f"held: this list would end {groups}; {_CONFIRM}"


def _load_checked(
    conn: sa.Connection, kind: str, checked: Checked, source: str, default_as_of: date
) -> pl.DataFrame:
    """Write a file's valid rows; returns rows that only the database could reject."""
    late = SOURCES[kind].write(conn, checked.rows, source, default_as_of)
    return checked.rejects.clear() if late is None else late


def checked_table(table: Table, known: Known) -> Checked:
    """The sheet's rows checked by its source, after its template's example rows (and ids kept
    for them) are refused."""
    examples = template_rejects(table.kind, table.frame)
    checked = SOURCES[table.kind].check(examples.rows, known)
    return Checked(checked.rows, pl.concat([examples.rejects, checked.rejects]))


def _roster_shrinks(conn: sa.Connection, rows: pl.DataFrame) -> pl.DataFrame:
    """The groups this roster's valid rows would shrink past the limits (lists older than the
    one loaded are left out: they are rejected and end nothing)."""
    group_list = rows.get_column("group_id").unique().to_list()
    snapshot = (
        rows.group_by("group_id")
        .agg(pl.col("as_of").max().cast(pl.Datetime("us")).alias("snapshot_at"))
        .join(latest_roster_dates(conn, group_list), on="group_id", how="left")
        .filter(pl.col("latest").is_null() | (pl.col("snapshot_at") >= pl.col("latest")))
    )
    listed = rows.join(snapshot, on="group_id", how="semi").select("group_id", "person_id")
    opened = open_memberships(conn, group_list).select("group_id", "person_id")
    return shrinking_groups(listed, opened)


def _hold_file(
    conn: sa.Connection,
    run_id: int,
    name: str,
    sha: str,
    rows_read: int,
    shrinks: pl.DataFrame,
    location: Path,
) -> FileResult:
    """A roster held whole: registered with its reason and groups, every row held."""
    reason = held_reason(shrinks)
    file_id = store_registry.record_file(
        conn,
        run_id=run_id,
        path=name,
        sha256=sha,
        source="rosters",
        status="held",
        reason=reason,
        rows_read=rows_read,
        rows_loaded=0,
        rows_rejected=0,
        rows_held=rows_read,
        loaded_at=now_utc(),
    )
    store_registry.hold_roster(conn, file_id, shrinks, str(location.resolve()))
    return FileResult(name, "rosters", "held", rows_read, 0, 0, reason, rows_held=rows_read)


def _registered(
    conn: sa.Connection,
    run_id: int,
    name: str,
    sha: str,
    table: Table,
    loaded: int,
    rejected: int,
    as_of: Any,
    accepted: Acceptance | None,
) -> tuple[int, str | None]:
    """The registry row of a loaded sheet and its note: a new row, or the held roster's row
    marked accepted (NotHeld when it was accepted meanwhile: the load is rolled back)."""
    note = None
    if accepted is None:
        file_id = store_registry.record_file(
            conn,
            run_id=run_id,
            path=name,
            sha256=sha,
            source=table.kind,
            status="loaded",
            rows_read=table.rows_read,
            rows_loaded=loaded,
            rows_rejected=rejected,
            as_of=as_of,
            loaded_at=now_utc(),
        )
    else:
        file_id = accepted.file_id
        try:
            note = store_registry.accept_held_roster(
                conn,
                file_id,
                run_id=run_id,
                rows_loaded=loaded,
                rows_rejected=rejected,
                as_of=as_of,
                actor=accepted.actor,
                at=accepted.at,
                loaded_at=now_utc(),
            )
        except HoldChanged as exc:  # accepted meanwhile: this load is rolled back
            raise NotHeld(str(exc)) from exc
    return file_id, note


def load_file(
    conn: sa.Connection,
    run_id: int,
    path: Path,
    inbox: Path,
    sha: str,
    table: Table,
    now: datetime | None = None,
    accepted: Acceptance | None = None,
) -> FileResult:
    """One sheet checked and written on `conn`, inside the transaction or savepoint the caller
    keeps it whole in (or, a roster that would shrink a group, held whole); rows read =
    loaded + rejected."""
    checked = checked_table(table, known_to(conn, now, units=table.kind == "units"))
    return load_checked_file(conn, run_id, path, inbox, sha, table, checked, accepted)


def known_to(conn: sa.Connection, now: datetime | None, *, units: bool = False) -> Known:
    """What a sheet's rows are checked against: the units and groups loaded, the load time
    (`now`, None: the clock) and, for a units sheet, the unit tree."""
    return Known(
        unit_ids=unit_ids(conn),
        group_ids=group_ids(conn),
        now=now,
        unit_tree=unit_tree(conn) if units else None,
    )


def load_checked_file(
    conn: sa.Connection,
    run_id: int,
    path: Path,
    inbox: Path,
    sha: str,
    table: Table,
    checked: Checked,
    accepted: Acceptance | None = None,
) -> FileResult:
    """`load_file` of a sheet already checked (`checked`; `table` gives its kind and rows
    read)."""
    name = accepted.name if accepted else str(path.relative_to(inbox))
    # A list without a date counts as of the day the office saved the file.
    saved_on = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    if table.kind == "rosters" and accepted is None and checked.rows.height:
        dated = checked.rows.with_columns(pl.col("as_of").fill_null(saved_on))
        shrinks = _roster_shrinks(conn, dated)
        if shrinks.height:
            return _hold_file(conn, run_id, name, sha, table.rows_read, shrinks, path)
    late = _load_checked(conn, table.kind, checked, name, saved_on)
    found = pl.concat([checked.rejects, late]).sort("line")
    loaded = checked.rows.height - late.height
    if table.rows_read != loaded + found.height:
        raise AssertionError(f"{name}: {table.rows_read} read ≠ {loaded} + {found.height}")
    as_of = None
    if table.kind == "rosters" and checked.rows.height:
        as_of = checked.rows.get_column("as_of").max()
    file_id, note = _registered(
        conn, run_id, name, sha, table, loaded, found.height, as_of, accepted
    )
    store_registry.record_rejects(conn, file_id, found)
    return FileResult(name, table.kind, "loaded", table.rows_read, loaded, found.height, note)


def read_sheet(path: Path, inbox: Path) -> tuple[Table, tuple[int, int, str]] | BadFile:
    """The sheet and its load rank, or why the whole file is refused. No error while reading
    one file may stop the run: every other file still loads."""
    try:
        table = read_table(path, inbox)
        return table, load_rank(table, path)
    except BadFile as exc:
        return exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader's panic (pyo3's PanicException) is no Exception
        return BadFile(unreadable(exc))


def load_rank(table: Table, path: Path) -> tuple[int, int, str]:
    """Units before groups before rosters…; among unit sheets, the one holding the highest
    level first, so a thana sheet finds the district sheet loaded whatever the file names."""
    depth = 0
    if table.kind == "units":
        kinds = table.frame.select(coded("kind", UNIT_KIND_LABELS)).to_series().drop_nulls()
        depth = min((KIND_DEPTH[k] for k in kinds.unique()), default=len(KIND_DEPTH))
    return SOURCES[table.kind].rank, depth, str(path)


def acceptances(
    engine: sa.Engine, paths: Sequence[Path], actor: str, at: datetime
) -> list[tuple[Acceptance, Path, Path, str, Table]]:
    """Each file to accept with its held registry row, the folder its name is relative to,
    its hash and its sheet; NotHeld when one is not a roster waiting for confirmation."""
    with engine.connect() as conn:
        held = held_rosters(conn).unique("file_id", keep="first", maintain_order=True)
    by_sha = {row["sha256"]: row for row in held.to_dicts()}
    found = []
    for path in (p.resolve() for p in paths):
        if not path.is_file():
            raise NotHeld(f"{path} is no longer there; put the file back, then accept it")
        sha = sha256_of(path)
        row = by_sha.get(sha)
        if row is None:
            raise NotHeld(
                f"{path} is not held: no roster with this content waits for confirmation "
                "(already loaded, never seen, or changed since it was held)"
            )
        parts = Path(row["path"]).parts
        # The folder the file was held from, so its kind reads as it did then.
        root = path.parents[len(parts) - 1] if path.parts[-len(parts) :] == parts else path.parent
        table = read_table(path, root)
        if table.kind != "rosters":
            raise NotHeld(f"{path} is not read as a roster here; accept it from where it was held")
        acceptance = Acceptance(int(row["file_id"]), str(row["path"]), actor, at)
        found.append((acceptance, path, root, sha, table))
    return found
