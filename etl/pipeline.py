"""One run over the inbox: every new file read, loaded in its order, and the run's totals recorded.

The parts live by what they hold: `etl.files` (discovery, hashes, refused files),
`etl.sheet_loads`, `etl.chat_loads` and `etl.results`; their public names are kept here."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from etl.alongside import Alongside
from etl.chat_loads import load_chats
from etl.chat_prints import Fingerprinting
from etl.deferred_indexes import indexes_built_after
from etl.files import discover, refused_file, reject_file, sha256_of
from etl.results import Acceptance, FileResult, NotHeld, Progress, RunResult
from etl.sheet_loads import (
    acceptances,
    held_reason,
    known_to,
    load_checked_file,
    load_file,
    read_sheet,
)
from etl.sheet_reads import CheckedAhead, Refused, checked_ahead
from etl.sources.chats.read import CHAT_SUFFIXES
from etl.sources.registry import SOURCES
from etl.sources.sheets.stamps import ist_now
from etl.sources.sheets.tabular import BadFile, Table, folder_kind
from sampark.clock import now_utc
from sampark.queries.registry import held_rosters, seen_hashes
from sampark.store import registry as store_registry
from sampark.store.batches import WriteBatch, write_batch

__all__ = [
    "Acceptance",
    "FileResult",
    "NotHeld",
    "Progress",
    "RunResult",
    "discover",
    "held_reason",
    "run_inbox",
    "sha256_of",
]


Pending = tuple[tuple[int, int, str], Path, str, Table | None]
"""A sheet to load: its load rank, path, hash, and its table (None: read when it is loaded)."""

# Threads that read the first sheets of a run (units, groups, staff, rosters) together.
SHEET_READERS = 2

Seen = Callable[[Path, str], bool]
"""True (and reported) for a file seen before: skipped, or still held."""
Done = Callable[[FileResult], None]


def _started(engine: sa.Engine, inbox: Path) -> tuple[int, set[str], dict[str, dict[str, Any]]]:
    """A new run's id, the hashes of every file seen before, and the held rosters by hash."""
    with engine.begin() as conn:
        run_id = store_registry.start_run(conn, inbox, now_utc())
        seen = set(seen_hashes(conn))
        held = {
            row["sha256"]: row
            for row in held_rosters(conn)
            .unique("file_id", keep="first", maintain_order=True)
            .to_dicts()
        }
    return run_id, seen, held


def _new_chats(
    others: list[Path], inbox: Path, unchanged: Seen, seen: set[str], done: Done
) -> list[tuple[Path, str]]:
    """The chat exports not seen before, with their hashes; other files are reported ignored."""
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
    return chats


def _loads_while_chats_parse(rank: int) -> bool:
    """Whether sheets of this load rank come after the rosters: chats are matched against
    the groups and people the rosters bring, and the later kinds load while they parse."""
    return rank > SOURCES["rosters"].rank


def _new_sheets(
    engine: sa.Engine,
    run_id: int,
    sheets: list[Path],
    inbox: Path,
    unchanged: Seen,
    seen: set[str],
    done: Done,
) -> list[Pending]:
    """The sheets not seen before, with their load rank; a sheet that cannot be read is refused
    whole here. A sheet whose folder names a kind loaded after the rosters (a state's 2M
    register entries) is read only when it is loaded, while the chats parse: the exports the
    rosters' groups are matched against start parsing that much earlier."""
    hashed = [(path, sha256_of(path)) for path in sheets]
    reads = _read_now(hashed, inbox, seen)
    pending: list[Pending] = []
    for path, sha in hashed:
        name = str(path.relative_to(inbox))
        if unchanged(path, sha):
            continue
        seen.add(sha)
        kind = folder_kind(path, inbox)
        if kind is not None and _loads_while_chats_parse(SOURCES[kind].rank):
            pending.append(((SOURCES[kind].rank, 0, str(path)), path, sha, None))
            continue
        read = reads[path]
        if isinstance(read, BadFile):
            done(reject_file(engine, run_id, name, sha, str(read), read.rows))
            continue
        table, rank = read
        pending.append((rank, path, sha, table))
    return pending


def _read_now(
    hashed: list[tuple[Path, str]], inbox: Path, seen: set[str]
) -> dict[Path, tuple[Table, tuple[int, int, str]] | BadFile]:
    """The new sheets `_new_sheets` reads before loading, by path: all but a repeated file and
    the kinds loaded after the rosters. Read on `SHEET_READERS` threads (the readers let go of
    Python's lock): a state's ~150 unit, group, staff and roster sheets took 3.2 s one after
    another and 1.7–2.3 s on two threads, while the other core had nothing to do."""
    wanted: list[Path] = []
    known = set(seen)
    for path, sha in hashed:
        if sha in known:
            continue
        known.add(sha)
        kind = folder_kind(path, inbox)
        if kind is None or not _loads_while_chats_parse(SOURCES[kind].rank):
            wanted.append(path)
    with ThreadPoolExecutor(max_workers=SHEET_READERS) as pool:
        read = pool.map(lambda path: read_sheet(path, inbox), wanted)
        return dict(zip(wanted, read, strict=True))


def _load_sheets(
    engine: sa.Engine,
    run_id: int,
    pending: list[Pending],
    inbox: Path,
    now: datetime | None,
    done: Done,
    ahead: Mapping[Path, Future[CheckedAhead | Refused]] | None = None,
) -> None:
    """Load the sheets in rank order, each let go once loaded: a state's sheets (2M register
    rows) need not stay in memory while the chats load. A sheet not read yet is read here, or
    taken as checked `ahead` by a worker, and refused whole in the batch when it cannot be.
    Each sheet is kept whole in a savepoint of its own; several commit together. Empties
    `pending`."""
    if not pending:  # nothing new: no write lock taken
        return
    pending.sort(key=lambda item: item[0], reverse=True)
    with write_batch(engine) as batch:
        while pending:
            _, path, sha, table = pending.pop()
            if table is None and ahead and path in ahead:
                _load_ahead(batch, run_id, path, inbox, sha, ahead[path].result(), done)
                continue
            if table is None:
                read = read_sheet(path, inbox)
                if isinstance(read, BadFile):
                    name = str(path.relative_to(inbox))
                    with batch.unit(read.rows) as conn:
                        done(refused_file(conn, run_id, name, sha, str(read), read.rows))
                    continue
                table = read[0]
            with batch.unit(table.rows_read) as conn:
                loaded = load_file(conn, run_id, path, inbox, sha, table, now)
            done(loaded)


def _load_ahead(
    batch: WriteBatch,
    run_id: int,
    path: Path,
    inbox: Path,
    sha: str,
    outcome: CheckedAhead | Refused,
    done: Done,
) -> None:
    """A sheet a worker read and checked ahead, written (or refused whole) in `batch`."""
    if isinstance(outcome, Refused):
        name = str(path.relative_to(inbox))
        with batch.unit(outcome.rows) as conn:
            done(refused_file(conn, run_id, name, sha, outcome.reason, outcome.rows))
        return
    table, checked = outcome.taken()
    with batch.unit(table.rows_read) as conn:
        done(load_checked_file(conn, run_id, path, inbox, sha, table, checked))


@dataclass(frozen=True)
class _Writing:
    """How a run writes: message text kept or not, fingerprints made or not (None), and where
    sheets checked ahead wait (None: the system's temporary folder)."""

    keep_text: bool
    prints: Fingerprinting | None
    scratch: Path | None


def _usable(scratch: Path | None) -> Path | None:
    """`scratch`, made if missing; None (the system's temporary folder) when it cannot be, as
    on a read-only data folder next to a PostgreSQL database."""
    if scratch is None:
        return None
    try:
        scratch.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return scratch


def _load_sheets_and_chats(
    engine: sa.Engine,
    run_id: int,
    pending: list[Pending],
    chats: list[tuple[Path, str]],
    inbox: Path,
    now: datetime | None,
    done: Done,
    how: _Writing,
) -> None:
    """Chats are matched against the groups and people the first kinds of sheet bring, and
    written after every sheet; the later kinds (a state's 2M register rows) are read and
    checked by the chat workers before their first export, and written while the exports
    parse (`etl.sheet_reads`), their rows waiting in a folder made under `how.scratch`.
    Empties `pending`."""
    first = [item for item in pending if not _loads_while_chats_parse(item[0][0])]
    later = [item for item in pending if _loads_while_chats_parse(item[0][0])]
    pending.clear()  # each sheet is let go once loaded
    _load_sheets(engine, run_id, first, inbox, now, done)
    if not chats:
        _load_sheets(engine, run_id, later, inbox, now, done)
        return
    ahead: dict[Path, Future[CheckedAhead | Refused]] = {}
    with tempfile.TemporaryDirectory(prefix="sampark-sheets-", dir=_usable(how.scratch)) as folder:

        def check_ahead(pool: Executor) -> None:
            unread = sorted((item for item in later if item[3] is None), key=lambda i: i[0])
            if not unread:
                return
            # The clock is read here, not in a worker: a load checks every sheet as of one time.
            with engine.connect() as conn:
                known = known_to(conn, now if now is not None else ist_now())
            for _, path, _, _ in unread:
                ahead[path] = pool.submit(checked_ahead, path, inbox, known, Path(folder))

        def later_sheets() -> None:
            _load_sheets(engine, run_id, later, inbox, now, done, ahead)

        load_chats(
            engine,
            run_id,
            chats,
            inbox,
            done,
            keep_text=how.keep_text,
            prints=how.prints,
            meanwhile=later_sheets,
            first=check_ahead,
        )


def _totals(result: RunResult) -> dict[str, int]:
    """The run's counts as the registry stores them."""
    return {
        "files_seen": len(result.files),
        "files_loaded": sum(f.status == "loaded" for f in result.files),
        "files_skipped": sum(f.status == "skipped" for f in result.files),
        "files_rejected": sum(f.status == "rejected" for f in result.files),
        "files_held": sum(f.status == "held" for f in result.files),
        "rows_read": result.total("rows_read"),
        "rows_loaded": result.total("rows_loaded"),
        "rows_rejected": result.total("rows_rejected"),
        "rows_held": result.total("rows_held"),
    }


def _unchanged_check(
    engine: sa.Engine,
    inbox: Path,
    seen: set[str],
    held: dict[str, dict[str, Any]],
    done: Callable[[FileResult], None],
) -> Callable[[Path, str], bool]:
    """A check that is True (and says so) for a file seen before: skipped, or still held."""

    def unchanged(path: Path, sha: str) -> bool:
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

    return unchanged


def run_inbox(
    engine: sa.Engine,
    inbox: Path,
    progress: Progress | None = None,
    *,
    keep_text: bool = False,
    now: datetime | None = None,
    accept: Sequence[Path] = (),
    actor: str = "",
    prints: Fingerprinting | None = None,
    after_load: Callable[[], None] | None = None,
    scratch: Path | None = None,
) -> RunResult:
    """Load every new sheet and chat export under `inbox`; unchanged files are skipped.

    Message text is stored only with `keep_text` (the setting SAMPARK_KEEP_MESSAGE_TEXT);
    with `prints` each message with enough text is fingerprinted first (etl/chat_prints.py).
    `now` (naive IST) is the time after which a register, alert or story time is "in the
    future", and the time an acceptance is recorded at; None means the clock.

    A roster that would end most of a group is held, not loaded. The files in `accept` are
    held rosters `actor` confirms: the run loads those and nothing else (the inbox is not
    read, so confirming one file loads no other), or raises NotHeld before writing anything
    when one is not held.

    `after_load` (figures worked out from the loaded data) runs on a thread once every file
    is written, while the indexes a cold load left out are built; its error is raised once
    the run is recorded as finished. `scratch` is where sheets checked ahead wait to be
    written (None: the system's temporary folder, which may be held in memory)."""
    accepting = acceptances(engine, accept, actor, now or ist_now())
    run_id, seen, held = _started(engine, inbox)
    result = RunResult(run_id)
    sheets, others = discover(inbox) if not accepting else ([], [])
    total = len(sheets) + len(others) + len(accepting)

    def done(file: FileResult) -> None:
        result.files.append(file)
        if progress:
            progress(file, len(result.files), total)

    for acceptance, path, root, sha, table in accepting:
        with engine.begin() as conn:
            loaded = load_file(conn, run_id, path, root, sha, table, now, acceptance)
        done(loaded)

    unchanged = _unchanged_check(engine, inbox, seen, held, done)
    chats = _new_chats(others, inbox, unchanged, seen, done)
    pending = _new_sheets(engine, run_id, sheets, inbox, unchanged, seen, done)

    with Alongside() as alongside:
        with indexes_built_after(engine):
            how = _Writing(keep_text, prints, scratch)
            _load_sheets_and_chats(engine, run_id, pending, chats, inbox, now, done, how)
            if after_load is not None:
                alongside.start(after_load)
        with engine.begin() as conn:
            store_registry.finish_run(conn, run_id, now_utc(), _totals(result))
    return result
