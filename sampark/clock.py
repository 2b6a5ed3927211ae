"""The one clock Sampark reads: the real time, or the instant `SAMPARK_NOW` freezes it at.

Every "now" and "today" in the core, the ETL and the dashboard comes from here, so a test (or a
replay of a past day) sets one value and every part of the product — including the
`python -m etl` processes the dashboard starts, which inherit the environment — agrees on the
time. Code that is handed a time (`now=` arguments) keeps taking it; this is the default.

Stored times keep the form each table has always had, so each caller picks its function:
- naive UTC: ETL runs and files, derived figures, story steps;
- naive IST: the load time that register, alert and story times must not pass;
- naive local (the server's zone): accounts, sign-in, sessions and the audit entries they
  write; the local date for "today".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sampark.settings import load_settings

IST = timezone(timedelta(hours=5, minutes=30), "IST")


def instant() -> datetime:
    """The current instant, timezone-aware: SAMPARK_NOW when set, else the real clock."""
    frozen = load_settings().frozen_now
    return frozen if frozen is not None else datetime.now(UTC)


def now_utc() -> datetime:
    """The current time in UTC without a zone (as etl_runs, etl_files, story_steps store it)."""
    return instant().astimezone(UTC).replace(tzinfo=None)


def now_ist() -> datetime:
    """The current time in IST without a zone (the form of every register and alert time)."""
    return instant().astimezone(IST).replace(tzinfo=None)


def now_local() -> datetime:
    """The current time in the server's own zone without a zone (`datetime.now()`'s form)."""
    return instant().astimezone().replace(tzinfo=None)


def today_local() -> date:
    """Today's date in the server's own zone (`date.today()`'s form)."""
    return now_local().date()


def local_behind_ist() -> timedelta:
    """How far the server's own zone is behind IST now: what turns a stored local time
    (accounts, the audit log) into IST for display."""
    local = instant().astimezone().utcoffset() or timedelta(0)
    return timedelta(hours=5, minutes=30) - local
