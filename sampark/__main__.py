"""`python -m sampark report KIND`: the numbers the dashboard shows, for cron mail and checks."""

from __future__ import annotations

import json
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from sampark import queries
from sampark.db import migrate
from sampark.metrics.coverage import LEVELS, coverage_by_level
from sampark.settings import load_settings
from sampark.targets import load_profile

app = typer.Typer(add_completion=False, help="Sampark reports.")
KINDS = ("coverage",)
FORMATS = ("json", "csv", "table")


def _print(frame: pl.DataFrame, fmt: str, title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(frame.to_dicts(), ensure_ascii=False, default=str))
    elif fmt == "csv":
        typer.echo(frame.write_csv(), nl=False)
    else:
        table = Table(title=title)
        for name in frame.columns:
            table.add_column(name, justify="right" if frame[name].dtype.is_numeric() else "left")
        for row in frame.iter_rows():
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(width=200).print(table)


@app.callback()
def main() -> None:
    """Sampark reports."""


@app.command()
def report(
    kind: Annotated[str, typer.Argument(help="coverage")],
    level: Annotated[str, typer.Option(help="state|range|district|circle|thana")] = "state",
    fmt: Annotated[str, typer.Option("--format", help="json|csv|table")] = "table",
    db: Annotated[str | None, typer.Option(help="Database URL (default: DATABASE_URL)")] = None,
) -> None:
    """Print a report at a level, in the same numbers the dashboard shows."""
    if kind not in KINDS:
        raise typer.BadParameter(f"kind must be one of {', '.join(KINDS)} (others come later)")
    if level not in LEVELS:
        raise typer.BadParameter(f"level must be one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")
    settings = load_settings()
    engine = migrate(db or settings.database_url)
    profile = load_profile(settings.targets_dir, settings.state)
    with engine.connect() as conn:
        net = queries.network(conn)
    _print(coverage_by_level(net, profile, level), fmt, f"Coverage by {level}")


if __name__ == "__main__":
    app()
