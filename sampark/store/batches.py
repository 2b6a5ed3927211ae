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

import sqlalchemy as sa

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


def in_batch(conn: sa.Connection) -> bool:
    """Whether `conn` is a write batch's: what it remembers is dropped when the batch ends."""
    return bool(conn.info.get(_OPEN))


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
        with self.conn.begin_nested():
            yield self.conn
        self._pending += rows
        if (
            self._pending >= self._rows_per_commit
            or time.monotonic() - self._started >= self._seconds
        ):
            self.commit()
            self._begin()

    def commit(self) -> None:
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
