"""`python -m sampark report KIND`: the numbers the dashboard shows, for cron mail and checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import polars as pl
import sqlalchemy as sa
import typer
from rich.console import Console
from rich.table import Table

from sampark.access import STATE
from sampark.brief import weekly_brief
from sampark.content.queue import stories_by_level, story_queue
from sampark.db import migrate
from sampark.export_safety import csv_text
from sampark.metrics.activity import WINDOW_DAYS, group_health, health_by_level
from sampark.metrics.coverage import LEVELS
from sampark.metrics.coverage_rules import coverage_table
from sampark.queries.chats import activity
from sampark.queries.network import network
from sampark.queries.stories import all_stories
from sampark.reports_response import response_report
from sampark.settings import load_settings
from sampark.targets import load_profile
from sampark.users_cli import users_app

app = typer.Typer(add_completion=False, help="Sampark reports and dashboard accounts.")
# Reports run on the server by an operator who already holds the database, so they read the
# whole state; the dashboard is where scope applies.
app.add_typer(users_app, name="users")
KINDS = ("coverage", "groups", "response", "alerts", "stories", "brief")
FORMATS = ("json", "csv", "table")


def _print(frame: pl.DataFrame, fmt: str, title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(frame.to_dicts(), ensure_ascii=False, default=str))
    elif fmt == "csv":
        typer.echo(csv_text(frame), nl=False)
    else:
        table = Table(title=title)
        for name in frame.columns:
            table.add_column(name, justify="right" if frame[name].dtype.is_numeric() else "left")
        for row in frame.iter_rows():
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(width=200).print(table)


@app.callback()
def main() -> None:
    """Sampark reports and dashboard accounts."""


@app.command()
def report(
    kind: Annotated[
        str, typer.Argument(help="coverage | groups | response | alerts | stories | brief")
    ],
    level: Annotated[
        str, typer.Option(help="state|range|district|circle|thana (groups also: group)")
    ] = "state",
    fmt: Annotated[str, typer.Option("--format", help="json|csv|table")] = "table",
    db: Annotated[str | None, typer.Option(help="Database URL (default: DATABASE_URL)")] = None,
    out: Annotated[Path | None, typer.Option(help="brief: the PDF file to write")] = None,
    lang: Annotated[str, typer.Option(help="brief: en | hi")] = "en",
) -> None:
    """Print a report at a level, in the same numbers the dashboard shows."""
    if kind not in KINDS:
        raise typer.BadParameter(f"kind must be one of {', '.join(KINDS)} (others come later)")
    levels = (*LEVELS, "group") if kind == "groups" else LEVELS
    if level not in levels:
        raise typer.BadParameter(f"level must be one of {', '.join(levels)}")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")
    settings = load_settings()
    engine = migrate(db or settings.database_url)
    profile = load_profile(settings.targets_dir, settings.state)
    if kind == "stories":
        _print(stories_report(engine, level), fmt, f"Stories by {level}")
        return
    if kind in ("response", "alerts"):
        with engine.connect() as conn:
            _print(response_report(conn, kind, profile, level), fmt, f"{kind} by {level}")
        return
    if kind == "brief":
        if out is None:
            raise typer.BadParameter("brief needs --out FILE.pdf")
        out.write_bytes(weekly_brief(engine, profile, lang))
        typer.echo(f"wrote {out}")
        return
    with engine.connect() as conn:
        net = network(conn, STATE)
        chats = activity(conn, STATE) if kind == "groups" else None
    if chats is None:
        _print(coverage_table(net, profile, level), fmt, f"Coverage by {level}")
        return
    health = group_health(net, chats)
    table = health if level == "group" else health_by_level(health, net.units, level)
    as_of = chats.reference.date() if chats.reference else "no chats loaded"
    _print(table, fmt, f"Group health by {level} ({WINDOW_DAYS} days to {as_of})")


def stories_report(engine: sa.Engine, level: str) -> pl.DataFrame:
    """Stories per status at `level`, as the Social media cell page counts them."""
    with engine.connect() as conn:
        units = network(conn, STATE).units
        stories = all_stories(conn, STATE)
    return stories_by_level(story_queue(stories, units), units, level)


if __name__ == "__main__":
    app()
