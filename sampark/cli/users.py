"""`python -m sampark users add|disable|enable|reset|list`: the dashboard's accounts."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import sqlalchemy as sa
import typer

from sampark.access import ROLE_UNIT_KIND, AccessError, check_role
from sampark.accounts import AccountError, check_username, hash_password
from sampark.clock import now_local
from sampark.db import migrate
from sampark.queries.accounts import user_row, users_frame
from sampark.queries.network import unit_kind
from sampark.settings import load_settings
from sampark.store import accounts as store_accounts

users_app = typer.Typer(add_completion=False, help="Dashboard accounts (stored in the database).")

_DB = Annotated[str | None, typer.Option(help="Database URL (default: DATABASE_URL)")]
_STDIN = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input")
]
_ROLE_HELP = ", ".join(f"{r} ({k or 'state'})" for r, k in ROLE_UNIT_KIND.items())


def _engine(db: str | None) -> sa.Engine:
    return migrate(db or load_settings().database_url)


def _operator() -> str:
    """Who ran the command, for the audit log: the shell user on the server."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@users_app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="Sign-in name: letters, digits, . _ @ -")],
    role: Annotated[str, typer.Option(help=f"One of: {_ROLE_HELP}")],
    unit: Annotated[str | None, typer.Option(help="Unit ID of the user's range/district/…")] = None,
    name: Annotated[str | None, typer.Option(help="Name shown in the dashboard")] = None,
    password_stdin: _STDIN = False,
    db: _DB = None,
) -> None:
    """Add an account. The unit must be of the kind the role reads (an IG's range, …)."""
    engine = _engine(db)
    try:
        clean = check_username(username)
        with engine.connect() as conn:
            kind = unit_kind(conn, unit) if unit else None
            if unit and kind is None:
                raise AccessError(f"no unit {unit!r} in the database")
            if user_row(conn, clean) is not None:
                raise AccountError(f"user {clean!r} exists; use `users reset` or `users enable`")
        check_role(role, kind)
        hashed = hash_password(_password(password_stdin))
    except (AccountError, AccessError) as exc:
        _fail(str(exc))
        return
    with engine.begin() as conn:
        ended_demo = store_accounts.add_user(
            conn,
            username=clean,
            password_hash=hashed,
            role=role,
            unit_id=unit,
            display_name=name,
            at=now_local(),
            actor=_operator(),
        )
    typer.echo(f"added {clean} ({role}{' at ' + unit if unit else ''})")
    if ended_demo:
        typer.echo("demo mode ended: the role switcher without a password is no longer offered")


def _set_disabled(username: str, disabled: bool, db: str | None) -> None:
    with _engine(db).begin() as conn:
        done = store_accounts.set_user_disabled(
            conn, username.strip().lower(), disabled, now_local(), _operator()
        )
    if not done:
        _fail(f"no user {username!r}")
    typer.echo(f"{'disabled' if disabled else 'enabled'} {username}")


@users_app.command("disable")
def disable(username: str, db: _DB = None) -> None:
    """Disable an account: its open sessions end at their next click."""
    _set_disabled(username, True, db)


@users_app.command("enable")
def enable(username: str, db: _DB = None) -> None:
    """Enable a disabled account again."""
    _set_disabled(username, False, db)


@users_app.command("reset")
def reset(username: str, password_stdin: _STDIN = False, db: _DB = None) -> None:
    """Set a new password (also lifts a lock-out after failed sign-ins)."""
    try:
        hashed = hash_password(_password(password_stdin))
    except AccountError as exc:
        _fail(str(exc))
        return
    with _engine(db).begin() as conn:
        done = store_accounts.set_user_password(
            conn, username.strip().lower(), hashed, now_local(), _operator()
        )
    if not done:
        _fail(f"no user {username!r}")
    typer.echo(f"password reset for {username}")


@users_app.command("list")
def list_users(db: _DB = None) -> None:
    """Every account: role, unit, disabled, failed sign-ins, lock."""
    with _engine(db).connect() as conn:
        frame = users_frame(conn)
    for row in frame.iter_rows(named=True):
        flags = " disabled" if row["disabled"] else ""
        if row["locked_until"] is not None:
            flags += f" locked until {row['locked_until']:%Y-%m-%d %H:%M}"
        typer.echo(f"{row['username']}\t{row['role']}\t{row['unit_id'] or 'state'}{flags}")
