"""Accounts for the sign-in tests, and the seam that counts argon2 password verifications."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import polars as pl
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from sampark import accounts
from sampark.accounts import hash_password
from sampark.db import migrate
from sampark.schema import audit_log
from sampark.store import accounts as store_accounts
from sampark.store import network as store_network

NOW = datetime(2026, 11, 23, 10, 0, 12)
PASSWORD = "patna-pass-2026"
# Units only: enough for the dashboard to skip building the demo and for the scopes to exist.
UNITS = pl.DataFrame(
    {
        "unit_id": ["BR", "BR-R-CEN", "BR-PAT", "BR-PAT-T001"],
        "kind": ["state", "range", "district", "thana"],
        "name": ["Bihar", "Central", "Patna", "Kotwali"],
        "name_hi": ["बिहार", "मध्य", "पटना", "कोतवाली"],
        "parent_id": [None, "BR", "BR-R-CEN", "BR-PAT"],
    }
)


@pytest.fixture
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Argon2 with 1 MiB and one pass instead of 64 MiB and three, for the tests that check
    dozens of passwords: each check still takes a moment, so parallel tries overlap."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    monkeypatch.setattr(accounts, "DUMMY_HASH", cheap.hash("not-a-real-password"))
    yield


def accounts_db(url: str) -> sa.Engine:
    """The database at `url` with the units above and three accounts: `sp.patna` (an SP),
    `admin.hq` (the administrator) and `sp.off` (disabled); every password is PASSWORD."""
    engine = migrate(url)
    with engine.begin() as conn:
        store_network.write_units(conn, UNITS)
        for username, role, unit in (
            ("sp.patna", "sp", "BR-PAT"),
            ("admin.hq", "admin", None),
            ("sp.off", "sp", "BR-PAT"),
        ):
            store_accounts.add_user(
                conn,
                username=username,
                password_hash=hash_password(PASSWORD),
                role=role,
                unit_id=unit,
                display_name=None,
                at=datetime(2026, 11, 1),
                actor="test",
            )
        store_accounts.set_user_disabled(conn, "sp.off", True, datetime(2026, 11, 2), "test")
    return engine


class Verifications:
    """Every argon2 verification made through `sampark.accounts.password_matches`: the stored
    hash it was checked against."""

    def __init__(self, real: Callable[[str, str], bool]) -> None:
        self.hashes: list[str] = []
        self._real = real

    def __call__(self, stored_hash: str, password: str) -> bool:
        self.hashes.append(stored_hash)
        return self._real(stored_hash, password)

    def against(self, engine: sa.Engine, username: str) -> int:
        """How many were made against the stored hash of `username`."""
        with engine.connect() as conn:
            stored = conn.execute(
                sa.text("SELECT password_hash FROM users WHERE username = :u"), {"u": username}
            ).scalar_one()
        return self.hashes.count(stored)


def count_verifications(monkeypatch: pytest.MonkeyPatch) -> Verifications:
    seen = Verifications(accounts.password_matches)
    monkeypatch.setattr(accounts, "password_matches", seen)
    return seen


def audit_rows(engine: sa.Engine) -> list[tuple[object, ...]]:
    """(at, actor, action, times) of every audit entry but the set-up's, oldest first."""
    c = audit_log.c
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(c.at, c.actor, c.action, c.times)
            .where(c.action.startswith("sign_in"))
            .order_by(c.audit_id)
        )
        return [tuple(r) for r in rows]
