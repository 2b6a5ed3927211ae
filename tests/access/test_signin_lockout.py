"""The lock-out holds under parallel tries: each password check is counted in the database
before it is made, so at most five are made per lock window whatever the concurrency — on
SQLite and PostgreSQL alike."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from sampark.schema import users
from tests.signin_setup import (
    NOW,
    PASSWORD,
    accounts_db,
    audit_rows,
    cheap_argon2,  # noqa: F401  (a fixture)
    count_verifications,
)
from ui.password_sign_in import password_sign_in

pytestmark = pytest.mark.usefixtures("cheap_argon2")


def _parallel(engine: sa.Engine, passwords: list[str], now: datetime) -> list[bool]:
    """Sign in to sp.patna with each password at once (all threads released together);
    whether each got in."""
    start = threading.Barrier(len(passwords))

    def attempt(password: str) -> bool:
        start.wait()
        return password_sign_in(engine, "sp.patna", password, now) is not None

    with ThreadPoolExecutor(len(passwords)) as pool:
        return list(pool.map(attempt, passwords))


def _counters(engine: sa.Engine) -> tuple[int, datetime | None]:
    c = users.c
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(c.failed_logins, c.locked_until).where(c.username == "sp.patna")
        ).one()
    return int(row[0]), row[1]


def test_nineteen_parallel_wrong_passwords_check_five_and_lock_the_right_one_out(
    db_url, monkeypatch
):
    engine = accounts_db(db_url)
    checks = count_verifications(monkeypatch)
    got_in = _parallel(engine, [f"wrong-guess-{i:02d}" for i in range(19)], NOW)
    assert got_in == [False] * 19
    assert checks.against(engine, "sp.patna") == 5
    assert len(checks.hashes) == 19  # the other fourteen were checked against a dummy hash
    assert _counters(engine) == (5, NOW + timedelta(minutes=15))
    # The right password, once locked, is refused without being checked.
    assert password_sign_in(engine, "sp.patna", PASSWORD, NOW + timedelta(minutes=14)) is None
    assert checks.against(engine, "sp.patna") == 5


def test_twenty_parallel_tries_with_the_right_one_among_them_check_at_most_five(
    db_url, monkeypatch
):
    engine = accounts_db(db_url)
    checks = count_verifications(monkeypatch)
    got_in = _parallel(engine, [f"wrong-guess-{i:02d}" for i in range(19)] + [PASSWORD], NOW)
    assert len(checks.hashes) == 20
    assert got_in[:19] == [False] * 19
    if got_in[19]:
        # Its check was one of the five allowed; signing in starts a new window of five.
        assert checks.against(engine, "sp.patna") <= 10
    else:
        # Five wrong ones were checked first and locked the account before it.
        assert checks.against(engine, "sp.patna") == 5
        assert _counters(engine) == (5, NOW + timedelta(minutes=15))


def test_the_lock_runs_out_after_fifteen_minutes_and_the_right_password_clears_the_count(
    db_url, monkeypatch
):
    engine = accounts_db(db_url)
    checks = count_verifications(monkeypatch)
    for _ in range(6):
        assert password_sign_in(engine, "sp.patna", "wrong-guess", NOW) is None
    assert checks.against(engine, "sp.patna") == 5
    still = NOW + timedelta(minutes=14, seconds=59)
    assert password_sign_in(engine, "sp.patna", PASSWORD, still) is None
    later = NOW + timedelta(minutes=15)
    row = password_sign_in(engine, "SP.Patna ", PASSWORD, later)
    assert row is not None and (row["username"], row["role"], row["unit_id"]) == (
        "sp.patna",
        "sp",
        "BR-PAT",
    )
    assert _counters(engine) == (0, None)
    assert [a[1:3] for a in audit_rows(engine) if a[2] != "sign_in_failed"] == [
        ("sp.patna", "sign_in_locked"),
        ("sp.patna", "sign_in"),
    ]


def test_a_lock_that_ran_out_starts_a_new_window_of_five(db_url, monkeypatch):
    engine = accounts_db(db_url)
    checks = count_verifications(monkeypatch)
    for _ in range(5):
        password_sign_in(engine, "sp.patna", "wrong-guess", NOW)
    after = NOW + timedelta(minutes=16)
    for _ in range(7):
        password_sign_in(engine, "sp.patna", "wrong-guess", after)
    assert checks.against(engine, "sp.patna") == 10
    assert _counters(engine) == (5, after + timedelta(minutes=15))


def test_the_right_password_resets_the_count_of_wrong_ones(db_url, monkeypatch):
    engine = accounts_db(db_url)
    for _ in range(4):
        password_sign_in(engine, "sp.patna", "wrong-guess", NOW)
    assert _counters(engine) == (4, None)
    assert password_sign_in(engine, "sp.patna", PASSWORD, NOW) is not None
    for _ in range(4):
        password_sign_in(engine, "sp.patna", "wrong-guess", NOW)
    assert password_sign_in(engine, "sp.patna", PASSWORD, NOW) is not None


def test_a_busy_sqlite_database_refuses_the_sign_in_without_an_error(sqlite_url, monkeypatch):
    accounts_db(sqlite_url)
    # The dashboard waits up to 30 s for a writer; this engine gives up at once, so the test
    # sees what a sign-in does when the database stays locked.
    impatient = sa.create_engine(sqlite_url, connect_args={"timeout": 0.05})
    checks = count_verifications(monkeypatch)
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert password_sign_in(impatient, "sp.patna", PASSWORD, NOW) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(checks.hashes) == 1 and checks.against(impatient, "sp.patna") == 0
    assert password_sign_in(impatient, "sp.patna", PASSWORD, NOW) is not None
    impatient.dispose()


@pytest.mark.parametrize("name", ["nobody", "sp.off", "a b c", ""])
def test_a_refused_name_does_one_dummy_check(db_url, monkeypatch, name):
    engine = accounts_db(db_url)
    checks = count_verifications(monkeypatch)
    assert password_sign_in(engine, name, PASSWORD, NOW) is None
    assert len(checks.hashes) == 1
    assert checks.against(engine, "sp.off") == 0
