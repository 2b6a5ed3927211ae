"""Inbox discovery, the sha256 file registry, one transaction per file, and reject accounting."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import sqlalchemy as sa

from etl.sources import SOURCES
from etl.sources.chat_groups import keyed_groups
from etl.sources.chats import CHAT_SUFFIXES, Chat, read_chat
from etl.sources.checks import Checked, Known
from etl.sources.examples import template_rejects
from etl.sources.stamps import ist_now
from etl.sources.tabular import SHEET_SUFFIXES, BadFile, Table, read_table
from etl.sources.units import KIND_DEPTH
from etl.sources.units import KIND_LABELS as UNIT_KIND_LABELS
from etl.sources.values import coded
from etl.sources.whatsapp import BadExport
from sampark.clock import now_utc
from sampark.queries.network import (
    group_ids,
    group_members_named,
    group_names,
    latest_roster_dates,
    open_memberships,
    unit_ids,
    unit_tree,
)
from sampark.queries.registry import held_rosters, seen_hashes
from sampark.store import chats as store_chats
from sampark.store import registry as store_registry
from sampark.store.registry import HoldChanged
from sampark.store.rosters import shrinking_groups


@dataclass(frozen=True)
class FileResult:
    """One file of a run: rows_read = rows_loaded + rows_rejected + rows_held.

    A held roster loads nothing and holds every row it read; once accepted, the run that
    loads it reads them again as loaded or rejected. A file seen before (skipped, or still
    held) is not read again: its rows count 0."""

    path: str
    kind: str | None
    status: str  # loaded | rejected | held | skipped | ignored
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    reason: str | None = None
    rows_held: int = 0


@dataclass
class RunResult:
    run_id: int
    files: list[FileResult] = field(default_factory=list)

    def total(self, key: str) -> int:
        return sum(int(getattr(f, key)) for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "files": [asdict(f) for f in self.files],
            "rows_read": self.total("rows_read"),
            "rows_loaded": self.total("rows_loaded"),
            "rows_rejected": self.total("rows_rejected"),
            "rows_held": self.total("rows_held"),
        }


class NotHeld(Exception):
    """A file given to accept is not a roster waiting for confirmation; the message says why."""


@dataclass(frozen=True)
class Acceptance:
    """A held roster the data officer confirmed: its registry row, who, and when (IST)."""

    file_id: int
    name: str
    actor: str
    at: datetime


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


# Exports parsed ahead of the one being written.
_CHAT_WINDOW = 4

Progress = Callable[[FileResult, int, int], None]
"""Called after each file with its result, how many files are done, and how many in all."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover(inbox: Path) -> tuple[list[Path], list[Path]]:
    """(sheets to read, other files left for later sources), both sorted by path."""
    sheets: list[Path] = []
    others: list[Path] = []
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        if path.name.startswith((".", "~$")):  # hidden files and Excel lock files
            continue
        (sheets if path.suffix.lower() in SHEET_SUFFIXES else others).append(path)
    return sheets, others


def _now() -> datetime:
    return now_utc()


def _load_checked(
    conn: sa.Connection, kind: str, checked: Checked, source: str, default_as_of: date
) -> pl.DataFrame:
    """Write a file's valid rows; returns rows that only the database could reject."""
    late = SOURCES[kind].write(conn, checked.rows, source, default_as_of)
    return checked.rejects.clear() if late is None else late


def _checked(table: Table, known: Known) -> Checked:
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
        loaded_at=_now(),
    )
    store_registry.hold_roster(conn, file_id, shrinks, str(location.resolve()))
    return FileResult(name, "rosters", "held", rows_read, 0, 0, reason, rows_held=rows_read)


def _load_file(
    engine: sa.Engine,
    run_id: int,
    path: Path,
    inbox: Path,
    sha: str,
    table: Table,
    now: datetime | None = None,
    accepted: Acceptance | None = None,
) -> FileResult:
    name = accepted.name if accepted else str(path.relative_to(inbox))
    # A list without a date counts as of the day the office saved the file.
    saved_on = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    with engine.begin() as conn:
        known = Known(
            unit_ids=unit_ids(conn),
            group_ids=group_ids(conn),
            now=now,
            unit_tree=unit_tree(conn) if table.kind == "units" else None,
        )
        checked = _checked(table, known)
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
                rows_rejected=found.height,
                as_of=as_of,
                loaded_at=_now(),
            )
        else:
            file_id = accepted.file_id
            try:
                note = store_registry.accept_held_roster(
                    conn,
                    file_id,
                    run_id=run_id,
                    rows_loaded=loaded,
                    rows_rejected=found.height,
                    as_of=as_of,
                    actor=accepted.actor,
                    at=accepted.at,
                    loaded_at=_now(),
                )
            except HoldChanged as exc:  # accepted meanwhile: this load is rolled back
                raise NotHeld(str(exc)) from exc
        store_registry.record_rejects(conn, file_id, found)
    return FileResult(name, table.kind, "loaded", table.rows_read, loaded, found.height, note)


def _reject_file(
    engine: sa.Engine, run_id: int, name: str, sha: str, reason: str, rows: int
) -> FileResult:
    """A file refused whole: registered with its reason, every data row counted as rejected."""
    with engine.begin() as conn:
        file_id = store_registry.record_file(
            conn,
            run_id=run_id,
            path=name,
            sha256=sha,
            source=None,
            status="rejected",
            reason=reason,
            rows_read=rows,
            rows_loaded=0,
            rows_rejected=rows,
            loaded_at=_now(),
        )
        store_registry.record_rejects(
            conn,
            file_id,
            pl.DataFrame(
                {"line": [1], "reason": [f"file rejected: {reason}"], "raw": [None]},
                schema={"line": pl.Int64, "reason": pl.String, "raw": pl.String},
            ),
        )
    return FileResult(name, None, "rejected", rows, 0, rows, reason)


def _unreadable(exc: BaseException) -> str:
    """The reason for a file whose reader failed in a way of its own. Only the error's type is
    named: its message may quote a cell, and cells may be restricted."""
    return f"cannot be read ({type(exc).__name__}); nothing of it was loaded"


def _read_sheet(path: Path, inbox: Path) -> tuple[Table, tuple[int, int, str]] | BadFile:
    """The sheet and its load rank, or why the whole file is refused. No error while reading
    one file may stop the run: every other file still loads."""
    try:
        table = read_table(path, inbox)
        return table, _load_rank(table, path)
    except BadFile as exc:
        return exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader's panic (pyo3's PanicException) is no Exception
        return BadFile(_unreadable(exc))


def _read_chat_or_reason(
    path: Path, directory: tuple[pl.DataFrame, pl.DataFrame], keep_text: bool
) -> Chat | str:
    """The parsed chat, or why the whole file is refused. Runs on a worker thread."""
    groups, members = directory
    try:
        return read_chat(path, groups, members, keep_text=keep_text)
    except (LookupError, ValueError, BadExport) as exc:
        return str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # no error while reading one export may stop the run
        return _unreadable(exc)


def _load_chats(
    engine: sa.Engine,
    run_id: int,
    chats: list[tuple[Path, str]],
    inbox: Path,
    done: Callable[[FileResult], None],
    *,
    keep_text: bool,
) -> None:
    """Parse the next few exports on a worker thread while this one writes the current one.

    polars releases the GIL while it parses, so the two overlap on a two-core machine; the
    window keeps only a few parsed chats in memory at a time."""
    with engine.connect() as conn:
        directory = (keyed_groups(group_names(conn)), group_members_named(conn))
    window: deque[tuple[Path, str, Future[Chat | str]]] = deque()
    pending = iter(chats)
    with ThreadPoolExecutor(max_workers=1) as pool:
        while True:
            while len(window) < _CHAT_WINDOW and (item := next(pending, None)) is not None:
                path, sha = item
                window.append(
                    (path, sha, pool.submit(_read_chat_or_reason, path, directory, keep_text))
                )
            if not window:
                return
            path, sha, future = window.popleft()
            name = str(path.relative_to(inbox))
            chat = future.result()
            if isinstance(chat, str):
                done(_reject_file(engine, run_id, name, sha, chat, 0))
            else:
                done(_load_chat(engine, run_id, name, sha, chat))


def _load_chat(engine: sa.Engine, run_id: int, name: str, sha: str, chat: Chat) -> FileResult:
    """One chat export in one transaction: what is new is added, overlap is not repeated.

    Parser findings (a forged header, a timestamp going back) are recorded as warnings; the
    entries themselves are all kept, so they count as loaded."""
    with engine.begin() as conn:
        file_id = store_registry.record_file(
            conn,
            run_id=run_id,
            path=name,
            sha256=sha,
            source="chats",
            status="loaded",
            rows_read=chat.rows_read,
            rows_loaded=chat.rows_read,
            rows_rejected=0,
            loaded_at=_now(),
        )
        new_messages, new_events = store_chats.write_chat(
            conn, chat.group_id, chat.messages, chat.events, file_id
        )
        store_registry.note_file(
            conn,
            file_id,
            f"group {chat.group_id}: {new_messages} new messages, "
            f"{new_events} new membership events; "
            f"{chat.rows_read - new_messages} already loaded from an earlier export",
        )
        store_registry.record_rejects(
            conn,
            file_id,
            chat.rejects.with_columns(("warning: " + pl.col("reason")).alias("reason")),
        )
    return FileResult(name, "chats", "loaded", chat.rows_read, chat.rows_read, 0)


def _load_rank(table: Table, path: Path) -> tuple[int, int, str]:
    """Units before groups before rosters…; among unit sheets, the one holding the highest
    level first, so a thana sheet finds the district sheet loaded whatever the file names."""
    depth = 0
    if table.kind == "units":
        kinds = table.frame.select(coded("kind", UNIT_KIND_LABELS)).to_series().drop_nulls()
        depth = min((KIND_DEPTH[k] for k in kinds.unique()), default=len(KIND_DEPTH))
    return SOURCES[table.kind].rank, depth, str(path)


def _acceptances(
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


def run_inbox(
    engine: sa.Engine,
    inbox: Path,
    progress: Progress | None = None,
    *,
    keep_text: bool = False,
    now: datetime | None = None,
    accept: Sequence[Path] = (),
    actor: str = "",
) -> RunResult:
    """Load every new sheet and chat export under `inbox`; unchanged files are skipped.

    Message text is stored only with `keep_text` (the setting SAMPARK_KEEP_MESSAGE_TEXT).
    `now` (naive IST) is the time after which a register, alert or story time is "in the
    future", and the time an acceptance is recorded at; None means the clock.

    A roster that would end most of a group is held, not loaded. The files in `accept` are
    held rosters `actor` confirms: the run loads those and nothing else (the inbox is not
    read, so confirming one file loads no other), or raises NotHeld before writing anything
    when one is not held."""
    accepting = _acceptances(engine, accept, actor, now or ist_now())
    with engine.begin() as conn:
        run_id = store_registry.start_run(conn, inbox, _now())
        seen = set(seen_hashes(conn))
        held = {
            row["sha256"]: row
            for row in held_rosters(conn)
            .unique("file_id", keep="first", maintain_order=True)
            .to_dicts()
        }
    result = RunResult(run_id)
    sheets, others = discover(inbox) if not accepting else ([], [])
    total = len(sheets) + len(others) + len(accepting)

    def done(file: FileResult) -> None:
        result.files.append(file)
        if progress:
            progress(file, len(result.files), total)

    for acceptance, path, root, sha, table in accepting:
        done(_load_file(engine, run_id, path, root, sha, table, now, acceptance))

    def unchanged(path: Path, sha: str) -> bool:
        """True (and said so) for a file seen before: skipped, or still held."""
        if sha not in seen:
            return False
        name = str(path.relative_to(inbox))
        if sha in held:
            row = held[sha]
            if not Path(row["location"]).is_file():  # moved: accept it from here
                with engine.begin() as conn:
                    store_registry.move_hold(conn, int(row["file_id"]), str(path.resolve()))
            done(FileResult(name, "rosters", "held", reason=f"still {row['reason']}"))
        else:
            done(FileResult(name, None, "skipped", reason="unchanged since it was loaded"))
        return True

    chats: list[tuple[Path, str]] = []
    for path in others:
        name = str(path.relative_to(inbox))
        if path.suffix.lower() not in CHAT_SUFFIXES:
            done(FileResult(name, None, "ignored", reason="neither a sheet nor a chat export"))
            continue
        sha = sha256_of(path)
        if unchanged(path, sha):
            continue
        seen.add(sha)
        chats.append((path, sha))
    pending: list[tuple[tuple[int, int, str], Path, str, Table]] = []
    for path in sheets:
        name = str(path.relative_to(inbox))
        sha = sha256_of(path)
        if unchanged(path, sha):
            continue
        seen.add(sha)
        read = _read_sheet(path, inbox)
        if isinstance(read, BadFile):
            done(_reject_file(engine, run_id, name, sha, str(read), read.rows))
            continue
        table, rank = read
        pending.append((rank, path, sha, table))

    for _, path, sha, table in sorted(pending, key=lambda item: item[0]):
        done(_load_file(engine, run_id, path, inbox, sha, table, now))
    # Chats last: they name groups and people that the sheets bring.
    if chats:
        _load_chats(engine, run_id, chats, inbox, done, keep_text=keep_text)

    with engine.begin() as conn:
        store_registry.finish_run(
            conn,
            run_id,
            _now(),
            {
                "files_seen": len(result.files),
                "files_loaded": sum(f.status == "loaded" for f in result.files),
                "files_skipped": sum(f.status == "skipped" for f in result.files),
                "files_rejected": sum(f.status == "rejected" for f in result.files),
                "files_held": sum(f.status == "held" for f in result.files),
                "rows_read": result.total("rows_read"),
                "rows_loaded": result.total("rows_loaded"),
                "rows_rejected": result.total("rows_rejected"),
                "rows_held": result.total("rows_held"),
            },
        )
    return result
