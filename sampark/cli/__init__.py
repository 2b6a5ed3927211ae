"""`python -m sampark report|users …`: the command line only parses options and calls the
core."""

from __future__ import annotations

import typer

from sampark.cli.report import report_command
from sampark.cli.users import users_app

app = typer.Typer(add_completion=False, help="Sampark reports and dashboard accounts.")
app.command("report")(report_command)
app.add_typer(users_app, name="users")


@app.callback()
def main() -> None:
    """Sampark reports and dashboard accounts."""
