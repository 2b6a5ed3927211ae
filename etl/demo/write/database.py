"""The dashboard's demo database: the small synthetic demo written into a folder of its own,
the sha256 of every file it wrote recorded (the manifest), and only those files loaded, into a
database that held nothing before.

Demo mode (the role switcher that enters without a password,
`sampark.queries.demo.demo_mode_is_on`) rests on that manifest: the first file loaded that the
demo did not write, or the first account, ends it for good (`sampark.store.demo.end_demo_mode`)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from etl.chat_prints import Fingerprinting
from etl.demo.calendar import calendar_for
from etl.demo.generate import write_demo
from etl.demo.write.story_steps import plant_story_steps
from etl.pipeline import RunResult, run_inbox, sha256_of
from sampark.clock import now_local
from sampark.queries.demo import is_empty
from sampark.store.audit import record_audit
from sampark.store.demo import record_demo_files

IST_AHEAD_OF_UTC = timedelta(hours=5, minutes=30)
Writer = Callable[[Path], object]
"""Writes the demo's files into the (new, empty) folder it is given."""


class DemoRefused(RuntimeError):
    """The demo was not built; the message says why."""


def _files(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under `folder`."""
    return {
        p.relative_to(folder).as_posix(): sha256_of(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _aside(folder: Path, at: datetime) -> Path:
    """A free name beside `folder` for what an earlier build (or anyone) left in it."""
    base = folder.with_name(f"{folder.name}.before-{at:%Y%m%d-%H%M%S}")
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def _refuse_unless_empty(conn: sa.Connection) -> None:
    if not is_empty(conn):
        raise DemoRefused(
            "the database is not empty: the demo is built only into a database of its own "
            "(no unit, no file, no account); point DATABASE_URL at a new one"
        )


def _plant_steps(engine: sa.Engine, at: datetime, now: datetime | None) -> None:
    """The cell finds stories at every step: a few moved on as offices would have, before
    `at` (local time) and, for today's, not before the build day began in IST."""
    calendar = calendar_for(None if now is None else now.date())
    with engine.begin() as conn:
        plant_story_steps(
            conn, at.astimezone(UTC).replace(tzinfo=None), calendar.now - IST_AHEAD_OF_UTC
        )


def build_demo_database(
    engine: sa.Engine,
    folder: Path,
    *,
    state: str = "bihar",
    seed: int = 7,
    write: Writer | None = None,
    keep_text: bool = False,
    now: datetime | None = None,
    prints: Fingerprinting | None = None,
) -> RunResult:
    """Write the small demo of `state` into `folder`, record its manifest, load `folder`.

    The files are written into a new private folder first and hashed there, so the manifest
    holds only what this build wrote; anything already in `folder` that differs is moved
    aside (kept, never loaded). Raises DemoRefused on a database that is not empty, also when
    another build claimed it first. `write` replaces the demo writer (tests); `now` is the
    clock for the audit entries and the ETL's "in the future" check (None: the clock)."""
    at = now or now_local()
    with engine.connect() as conn:
        _refuse_unless_empty(conn)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-writing-", dir=folder.parent))
    try:
        if write is None:
            # The demo's newest day is the build's day: `now`'s, else the clock's.
            today = None if now is None else now.date()
            write_demo(staging, state=state, scale="small", seed=seed, today=today)
        else:
            write(staging)
        written = _files(staging)
        try:
            with engine.begin() as conn:
                _refuse_unless_empty(conn)
                record_demo_files(conn, ((p, sha) for p, sha in written.items()), at)
        except sa.exc.IntegrityError as exc:
            raise DemoRefused("another demo build claimed this database first") from exc
        if folder.exists() and not any(folder.iterdir()):
            folder.rmdir()
        if folder.exists() and _files(folder) == written:
            shutil.rmtree(staging)  # the same bytes as the last build: keep the folder
        else:
            if folder.exists():
                folder.rename(_aside(folder, at))
            staging.rename(folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging)  # only ever the private folder this build made
    result = run_inbox(engine, folder, keep_text=keep_text, now=now, prints=prints)
    _plant_steps(engine, at, now)
    with engine.begin() as conn:
        record_audit(
            conn, at, "sampark", "demo_built", "database", f"{folder}: {len(written)} files"
        )
    return result
