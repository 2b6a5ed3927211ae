"""Failed sign-ins fold into one audit row per name and minute with a count, so anyone can no
longer fill the log from the sign-in form; sign-ins and locks stay one row each."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest

from sampark.accounts import UNKNOWN_NAME
from sampark.store import accounts as store_accounts
from tests.signin_setup import (
    NOW,
    PASSWORD,
    accounts_db,
    audit_rows,
    cheap_argon2,  # noqa: F401  (a fixture)
)
from ui.password_sign_in import password_sign_in

pytestmark = pytest.mark.usefixtures("cheap_argon2")

MINUTE = datetime(2026, 11, 23, 10, 0)


def _fail(engine, name: str, at: datetime) -> None:
    with engine.begin() as conn:
        store_accounts.record_sign_in_failure(conn, name, at)


def test_a_hundred_failures_in_one_minute_are_one_row_counting_a_hundred(db_url):
    engine = accounts_db(db_url)
    for second in range(100):
        _fail(engine, "sp.patna", MINUTE + timedelta(seconds=second * 0.59))
    assert audit_rows(engine) == [(MINUTE, "sp.patna", "sign_in_failed", 100)]


def test_failures_fold_per_name_and_minute_and_unknown_names_fold_together(db_url):
    engine = accounts_db(db_url)
    for at, name in (
        (MINUTE, "sp.patna"),
        (MINUTE + timedelta(seconds=30), "admin.hq"),
        (MINUTE + timedelta(seconds=59), "sp.patna"),
        (MINUTE + timedelta(seconds=60), "sp.patna"),
        (MINUTE + timedelta(seconds=1), "guess.one"),
        (MINUTE + timedelta(seconds=2), "guess.two"),
        (MINUTE + timedelta(seconds=3), "correct horse battery"),
    ):
        _fail(engine, name, at)
    # A name that is no account is never written: it may be a password typed in the wrong box,
    # and a thousand made-up names must not make a thousand rows.
    assert audit_rows(engine) == [
        (MINUTE, "sp.patna", "sign_in_failed", 2),
        (MINUTE, "admin.hq", "sign_in_failed", 1),
        (MINUTE + timedelta(minutes=1), "sp.patna", "sign_in_failed", 1),
        (MINUTE, UNKNOWN_NAME, "sign_in_failed", 3),
    ]


def test_parallel_failures_fold_without_losing_a_count(db_url):
    engine = accounts_db(db_url)
    start = threading.Barrier(20)

    def fail(_: int) -> None:
        start.wait()
        _fail(engine, "sp.patna", MINUTE + timedelta(seconds=5))

    with ThreadPoolExecutor(20) as pool:
        list(pool.map(fail, range(20)))
    assert audit_rows(engine) == [(MINUTE, "sp.patna", "sign_in_failed", 20)]


def test_sign_ins_and_locks_are_one_row_each_beside_the_folded_failures(db_url):
    engine = accounts_db(db_url)
    assert password_sign_in(engine, "sp.patna", PASSWORD, NOW) is not None
    for _ in range(7):
        password_sign_in(engine, "sp.patna", "wrong-guess", NOW)
    password_sign_in(engine, "nobody", "wrong-guess", NOW)
    password_sign_in(engine, "sp.off", PASSWORD, NOW)
    assert audit_rows(engine) == [
        (NOW, "sp.patna", "sign_in", 1),
        (MINUTE, "sp.patna", "sign_in_failed", 7),
        (NOW, "sp.patna", "sign_in_locked", 1),
        (MINUTE, UNKNOWN_NAME, "sign_in_failed", 1),
        (MINUTE, "sp.off", "sign_in_failed", 1),
    ]
