"""Many files written in one transaction, each in a savepoint of its own.

A commit rewrites every page the transaction touched: on a cold load of a state, ~2M register
rows go into a unique index on a random key, and a commit per file wrote most of that index
again for each file. Here the outer transaction commits once enough rows have gathered (or
enough time has passed, so other writers are not kept waiting long), while a file that fails
rolls back to its savepoint alone: nothing of it stays, and the files before it commit.

pysqlite's own transaction handling would end the outer transaction at a savepoint's release
(it sends no BEGIN before a SAVEPOINT), so on SQLite this connection, and only this one, runs
in the driver's autocommit mode and says BEGIN itself (as SQLAlchemy's SQLite dialect
documents). BEGIN IMMEDIATE takes the write lock before the first read: a read snapshot that
another writer moved past could not be upgraded to a write without failing at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import polars as pl
import sqlalchemy as sa

from sampark.store.sql import bulk_insert

# Rows gathered before a commit, and the longest a batch holds the write lock: a dashboard's
# write waits for it (SQLite's busy timeout is 30 s).
ROWS_PER_COMMIT = 200_000
SECONDS_PER_COMMIT = 10.0
# The batch connection's SQLite page cache in KiB: a state's register index (~2M random keys)
# stays in memory instead of being read back from the file for every insert.
SQLITE_CACHE_KIB = 131_072
# What a store module remembers for the length of one batch lives in the connection's `info`
# under names with this prefix, dropped when the batch ends (a pooled connection outlives it).
BATCH_INFO = "sampark.batch."
_OPEN = f"{BATCH_INFO}open"
# Rows gathered by `defer_insert` before they are written: one image of ~50k rows costs half
# as much as the same rows written a few hundred at a time (a chat export's messages).
DEFERRED_ROWS = 50_000
_DEFERRED = f"{BATCH_INFO}deferred"


@dataclass
class _Deferred:
    """Rows waiting to be inserted, each with the unit that gave them: `pending` not written
    yet, `written` written inside the unit now open (its savepoint may still undo them)."""

    unit: int = 0
    pending: list[tuple[int, sa.Table, pl.DataFrame]] = field(default_factory=list)
    written: list[tuple[int, sa.Table, pl.DataFrame]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(frame.height for _, _, frame in self.pending)


def in_batch(conn: sa.Connection) -> bool:
    """Whether `conn` is a write batch's: what it remembers is dropped when the batch ends."""
    return bool(conn.info.get(_OPEN))


def defer_insert(conn: sa.Connection, table: sa.Table, frame: pl.DataFrame) -> None:
    """Insert `frame`'s rows into `table` (`bulk_insert`), in a batch gathered with the rows
    of later units and written with them: once `DEFERRED_ROWS` wait, at `write_deferred`
    (which a reader of the table calls first) and before the batch commits. Rows of a unit
    that fails are dropped with it; rows wait in the order given, so the table's new ids
    follow it. Outside a batch they are inserted at once."""
    deferred = conn.info.get(_DEFERRED)
    if not isinstance(deferred, _Deferred):
        bulk_insert(conn, table, frame)
        return
    if frame.height:
        deferred.pending.append((deferred.unit, table, frame))
    if deferred.rows >= DEFERRED_ROWS:
        write_deferred(conn)


def write_deferred(conn: sa.Connection) -> None:
    """Write the rows `defer_insert` gathered: each table's in one `bulk_insert`."""
    deferred = conn.info.get(_DEFERRED)
    if not isinstance(deferred, _Deferred) or not deferred.pending:
        return
    tables = {table.name: table for _, table, _ in deferred.pending}
    for name, table in tables.items():
        frames = [frame for _, t, frame in deferred.pending if t.name == name]
        together = frames[0] if len(frames) == 1 else pl.concat(frames, how="vertical_relaxed")
        bulk_insert(conn, table, together)
    deferred.written += deferred.pending
    deferred.pending = []


class WriteBatch:
    """The outer transaction of a batch; `unit` is one file's savepoint inside it."""

    def __init__(self, conn: sa.Connection, rows_per_commit: int, seconds: float) -> None:
        self.conn = conn
        self._rows_per_commit = rows_per_commit
        self._seconds = seconds
        self._pending = 0
        self._begin()

    def _begin(self) -> None:
        self._transaction = self.conn.begin()
        if self.conn.dialect.name == "sqlite":
            self.conn.exec_driver_sql("BEGIN IMMEDIATE")
        self._started = time.monotonic()

    @contextmanager
    def unit(self, rows: int) -> Iterator[sa.Connection]:
        """One file's writes: kept whole, or (on an exception, which goes on up) rolled back
        to where the file began. `rows` counts toward the next commit."""
        deferred = self._deferred
        deferred.unit += 1
        try:
            with self.conn.begin_nested():
                yield self.conn
        except BaseException:
            # The savepoint undid what this unit wrote, earlier units' gathered rows with
            # it: those wait again; this unit's are dropped.
            kept = deferred.written + deferred.pending
            deferred.pending = [item for item in kept if item[0] != deferred.unit]
            raise
        finally:
            deferred.written = []
        self._pending += rows
        if (
            self._pending >= self._rows_per_commit
            or time.monotonic() - self._started >= self._seconds
        ):
            self.commit()
            self._begin()

    @property
    def _deferred(self) -> _Deferred:
        deferred = self.conn.info.get(_DEFERRED)
        if not isinstance(deferred, _Deferred):
            deferred = self.conn.info[_DEFERRED] = _Deferred()
        return deferred

    def commit(self) -> None:
        write_deferred(self.conn)
        self._transaction.commit()
        self._pending = 0


@contextmanager
def write_batch(
    engine: sa.Engine,
    rows_per_commit: int = ROWS_PER_COMMIT,
    seconds: float = SECONDS_PER_COMMIT,
) -> Iterator[WriteBatch]:
    """A batch on a connection of its own; the files written in it commit at the end, also
    when one fails (that one was rolled back to its savepoint; its error goes on up)."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql(f"PRAGMA cache_size=-{int(SQLITE_CACHE_KIB)}")
            conn.commit()
        conn.info[_OPEN] = True
        try:
            batch = WriteBatch(conn, rows_per_commit, seconds)
            try:
                yield batch
            finally:
                batch.commit()
        finally:
            for name in [k for k in conn.info if str(k).startswith(BATCH_INFO)]:
                del conn.info[name]
            if sqlite:  # the large page cache goes with the connection, not back to the pool
                conn.invalidate()
