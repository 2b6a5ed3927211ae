"""Demo mode's writes: the manifest of the files the demo build wrote, and its end."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from sampark.queries.demo import demo_mode_not_yet_ended
from sampark.schema import demo_files
from sampark.store.audit import record_audit


def record_demo_files(
    conn: sa.Connection, written: Iterable[tuple[str, str]], at: datetime
) -> None:
    """The demo's manifest: (path, sha256) of every file the demo build wrote. A hash already
    listed raises IntegrityError, so of two builds racing on one database only one goes on."""
    rows = {sha: {"sha256": sha, "path": path, "written_at": at} for path, sha in written}
    if rows:
        conn.execute(demo_files.insert(), list(rows.values()))


def end_demo_mode(conn: sa.Connection, at: datetime, why: str) -> bool:
    """End demo mode for good, with the reason in the audit log, if a demo was begun on this
    database and demo mode has not ended yet; True when this call ended it."""
    if not demo_mode_not_yet_ended(conn):
        return False
    record_audit(conn, at, "sampark", "demo_ended", "database", why)
    return True
