"""`python -m sampark report KIND`: options parsed here, the report made by
`sampark.reports`, printed as JSON, CSV or a table."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from sampark.cli.text_table import text_table
from sampark.db import migrate
from sampark.metrics.coverage.totals import LEVELS
from sampark.queries.demo import demo_mode_is_on
from sampark.reports.brief import weekly_brief
from sampark.reports.frames import FRAME_KINDS, report
from sampark.safety.export import csv_text
from sampark.settings import load_settings
from sampark.targets import profile_in_force

KINDS = (*FRAME_KINDS, "brief")
FORMATS = ("json", "csv", "table")


def _print(frame: pl.DataFrame, fmt: str, title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(frame.to_dicts(), ensure_ascii=False, default=str))
    elif fmt == "csv":
        typer.echo(csv_text(frame), nl=False)
    else:
        # The terminal's width when printing to one; piped output is never cut.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        typer.echo(text_table(frame, title, width), nl=False)


def report_command(
    kind: Annotated[
        str,
        typer.Argument(
            help="coverage | groups | response | alerts | stories | directives | rumours | brief"
        ),
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
        raise typer.BadParameter(f"kind must be one of {', '.join(KINDS)}")
    levels = (*LEVELS, "group") if kind == "groups" else LEVELS
    if level not in levels:
        raise typer.BadParameter(f"level must be one of {', '.join(levels)}")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")
    settings = load_settings()
    engine = migrate(db or settings.database_url)
    with engine.connect() as conn:
        demo_on = demo_mode_is_on(conn)
    # While demo mode is on the demo is judged against its demo-scale target, as on the page.
    profile = profile_in_force(settings.targets_dir, settings.demo_targets, settings.state, demo_on)
    if kind == "brief":
        if out is None:
            raise typer.BadParameter("brief needs --out FILE.pdf")
        out.write_bytes(weekly_brief(engine, profile, lang))
        typer.echo(f"wrote {out}")
        return
    made = report(engine, kind, level, profile)
    _print(made.frame, fmt, made.title)
