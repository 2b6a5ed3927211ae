"""The load bench's accounts: real ones, made with `python -m sampark users add` (or given a
new password with `users reset`), one per session, each officer on a unit of its own."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROLES = ("dgp", "ig", "sp", "co", "sho")
sys.path.insert(0, str(ROOT))

from sampark.access import ROLE_UNIT_KIND  # noqa: E402  (the project root is on the path now)

__all__ = ["ROLE_UNIT_KIND"]


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    unit: str | None


def default_db_url() -> str:
    from sampark.settings import load_settings

    return load_settings().database_url


def units_by_kind(db_url: str, kinds: Iterable[str]) -> dict[str, list[str]]:
    """Unit ids of each kind, in id order (the `units` table is a contract of DESIGN.md)."""
    import sqlalchemy as sa

    wanted = sorted(set(kinds))
    if not wanted:
        return {}
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT unit_id, kind FROM units WHERE kind IN :kinds ORDER BY unit_id")
                .bindparams(sa.bindparam("kinds", expanding=True))
                .bindparams(kinds=wanted)
            ).all()
    finally:
        engine.dispose()
    out: dict[str, list[str]] = {k: [] for k in wanted}
    for unit_id, kind in rows:
        out[kind].append(unit_id)
    return out


def plan_accounts(roles: Sequence[str], count: int, units: dict[str, list[str]]) -> list[Account]:
    """`count` accounts, roles in turn; each officer of a role on the next unit of its kind."""
    accounts = []
    for i in range(count):
        role = roles[i % len(roles)]
        n = i // len(roles)
        kind = ROLE_UNIT_KIND[role]
        unit = None
        if kind is not None:
            if not units.get(kind):
                raise SystemExit(f"load.py: role {role} needs a {kind}; the database has none")
            unit = units[kind][n % len(units[kind])]
        accounts.append(Account(f"bench-{role.replace('_', '-')}-{n + 1:02d}", role, unit))
    return accounts


def _users(db_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sampark", "users", *args, "--db", db_url],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_accounts(db_url: str, accounts: Sequence[Account], password: str) -> None:
    """Make each account with `users add`, or give an existing one `password` with
    `users reset` (which also lifts a lock-out), two commands at a time."""
    from concurrent.futures import ThreadPoolExecutor

    listed = _users(db_url, "list")
    if listed.returncode != 0:
        raise SystemExit(f"load.py: `users list` failed: {listed.stderr.strip()}")
    existing = {line.split("\t", 1)[0] for line in listed.stdout.splitlines() if line}

    def one(account: Account) -> str | None:
        if account.username in existing:
            done = _users(db_url, "reset", account.username, "--password-stdin", stdin=password)
        else:
            unit = ["--unit", account.unit] if account.unit else []
            done = _users(
                db_url,
                "add",
                account.username,
                "--role",
                account.role,
                *unit,
                "--name",
                f"Bench {account.role} {account.username.rsplit('-', 1)[-1]}",
                "--password-stdin",
                stdin=password,
            )
        if done.returncode != 0:
            return f"{account.username}: {done.stderr.strip() or done.stdout.strip()}"
        return None

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(one, accounts) if f]
    if failures:
        raise SystemExit("load.py: accounts not made:\n  " + "\n  ".join(failures))


def kept_password(kept: Path | None, count: int) -> str | None:
    """The password an earlier run gave at least `count` accounts (`--accounts-kept`): a
    series of runs then pays the `users` commands once, not once per run."""
    if kept is None or not kept.is_file():
        return None
    made_for, password = kept.read_text("utf-8").split("\t", 1)
    return password.strip() if int(made_for) >= count else None


def keep_password(kept: Path | None, count: int, password: str) -> None:
    if kept is not None:
        kept.touch(mode=0o600)
        kept.write_text(f"{count}\t{password}\n", "utf-8")
