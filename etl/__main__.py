"""`python -m etl demo|demo-db|run|templates`: a thin command line over etl.pipeline,
etl.demo and etl.demo.write.database."""

from __future__ import annotations

import os

# Set before polars is first imported. A load's writer (this process) handles many small
# frames, one chat export or sheet at a time, while worker processes parse the chats on every
# core: a pool of polars threads here spun waiting for work between those frames and took
# the workers' cores (at state scale a quarter of the load's CPU). Large frames (the response
# figures) lose little on one thread. An operator's own setting is kept.
os.environ.setdefault("POLARS_MAX_THREADS", "1")

import getpass
import json
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from etl.chat_prints import Fingerprinting
from etl.pipeline import FileResult, NotHeld, RunResult, run_inbox
from sampark.clock import now_utc
from sampark.db import migrate
from sampark.settings import Settings, load_settings
from sampark.store.derived import refresh_response_figures
from sampark.store.spread import refresh_spread
from sampark.targets import BadProfile, load_profile

app = typer.Typer(add_completion=False, help="Sampark ETL: inbox files → tables.")
err = Console(stderr=True)


def _summary(result: RunResult) -> Table:
    table = Table(title=f"ETL run {result.run_id}")
    for name in ("file", "kind", "status", "read", "loaded", "rejected", "held", "reason"):
        numeric = name in ("read", "loaded", "rejected", "held")
        table.add_column(name, justify="right" if numeric else "left")
    for f in result.files:
        table.add_row(
            f.path,
            f.kind or "",
            f.status,
            str(f.rows_read),
            str(f.rows_loaded),
            str(f.rows_rejected),
            str(f.rows_held),
            (f.reason or "")[:80],
        )
    table.add_row(
        "[b]total",
        "",
        "",
        *(
            f"[b]{result.total(k)}"
            for k in ("rows_read", "rows_loaded", "rows_rejected", "rows_held")
        ),
        "",
    )
    return table


def _held_notes(result: RunResult) -> list[str]:
    """The reason of each held roster in full (the table cuts reasons short)."""
    return [f"{f.path}: {f.reason}" for f in result.files if f.status == "held"]


def _command_line_actor() -> str:
    """Who accepts on the command line: the system account running it."""
    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):  # no name for the uid, as in some containers
        return "command line"


def _response_figures(engine: sa.Engine, targets_dir: Path, state: str) -> None:
    """Work out and store the Response figures (sampark/store/derived.py) unless stored; a
    profile that cannot be read is reported, and the loaded files stay loaded."""
    try:
        profile = load_profile(targets_dir, state)
    except BadProfile as exc:  # the dashboard says the same
        err.print(f"[yellow]figures not worked out: {exc}")
        return
    refresh_response_figures(engine, profile)


def _spread_figures(
    engine: sa.Engine, targets_dir: Path, state: str, *, quiet: bool, prints: Fingerprinting
) -> None:
    """Work out the directives and rumours (sampark/store/spread.py) of the fingerprints."""
    try:
        profile = load_profile(targets_dir, state)
    except BadProfile:  # reported with the Response figures
        return
    with err.status("working out the directives and rumours…") if not quiet else nullcontext():
        texts = prints.texts_by_hash()
        refresh_spread(engine, profile, prints.pepper, texts=texts, at=now_utc())


def _refresh_figures(
    engine: sa.Engine,
    targets_dir: Path,
    state: str,
    *,
    quiet: bool,
    prints: Fingerprinting | None = None,
) -> None:
    """Work out the figures the dashboard reads ready, unless stored, and with `prints` the
    spread figures."""
    with err.status("working out the Response figures…") if not quiet else nullcontext():
        _response_figures(engine, targets_dir, state)
    if prints is not None:
        _spread_figures(engine, targets_dir, state, quiet=quiet, prints=prints)


def _loaded_with_progress(
    engine: sa.Engine,
    folder: Path,
    settings: Settings,
    *,
    quiet: bool,
    accept: list[Path],
    actor: str,
    prints: Fingerprinting | None,
) -> RunResult:
    """`run_inbox` with a bar of the files (none when `quiet`), the Response figures worked out
    beside the index build that ends a cold load (etl.alongside)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
    ) as bar:
        task = bar.add_task("files", total=None)

        def step(file: FileResult, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=file.path[-40:])

        def response_figures() -> None:
            bar.update(task, description="indexes and Response figures…")
            _response_figures(engine, settings.targets_dir, settings.state)

        return run_inbox(
            engine,
            folder,
            progress=step,
            keep_text=settings.keep_message_text,
            accept=accept,
            actor=actor,
            prints=prints,
            after_load=response_figures,
            # On disk beside the data: a state's checked register rows (up to ~170 MB) would
            # sit in memory in a /tmp that is a tmpfs.
            scratch=settings.data_dir / "scratch",
        )


@app.command()
def run(
    inbox: Annotated[Path | None, typer.Option(help="Folder of input files")] = None,
    db: Annotated[str | None, typer.Option(help="Database URL (default: DATABASE_URL)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary only")] = False,
    accept_shrink: Annotated[
        list[Path] | None,
        typer.Option(
            "--accept-shrink",
            help="A held roster to load although it ends most of a group (repeatable); "
            "the run then loads only these files",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Who accepts the held rosters (default: this account)")
    ] = None,
) -> None:
    """Load every new file in the inbox; unchanged files are skipped, and a roster that would
    end most of a group is held until accepted with --accept-shrink."""
    settings = load_settings()
    folder = inbox or (accept_shrink[0].parent if accept_shrink else settings.inbox)
    if not folder.is_dir():
        err.print(f"[red]inbox {folder} is not a folder")
        raise typer.Exit(2)
    engine = migrate(db or settings.database_url)
    pepper = settings.fingerprint_pepper
    prints = Fingerprinting(pepper) if pepper else None
    try:
        result = _loaded_with_progress(
            engine,
            folder,
            settings,
            quiet=as_json,
            accept=accept_shrink or [],
            actor=actor or _command_line_actor(),
            prints=prints,
        )
    except NotHeld as exc:
        err.print(f"[red]{exc}")
        raise typer.Exit(2) from exc
    if prints is not None:
        _spread_figures(engine, settings.targets_dir, settings.state, quiet=as_json, prints=prints)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        Console().print(_summary(result))
        for note in _held_notes(result):
            err.print(f"[yellow]{note}")


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Folder to write the synthetic inbox into")],
    state: Annotated[
        str | None, typer.Option(help="bihar | rajasthan | up (default: SAMPARK_STATE)")
    ] = None,
    scale: Annotated[str, typer.Option(help="small | state")] = "small",
    seed: Annotated[int, typer.Option(help="Same seed, same files")] = 7,
) -> None:
    """Write a deterministic synthetic inbox (real CSV/XLSX files)."""
    from etl.demo import STATES, write_demo

    # The dashboard builds its first demo through this command; the state it measures is the
    # state it gets.
    state = state or load_settings().state
    if state not in STATES:
        err.print(f"[red]state must be one of {', '.join(STATES)}, not {state}")
        raise typer.Exit(2)
    if scale not in ("small", "state"):
        err.print(f"[red]scale must be small or state, not {scale}")
        raise typer.Exit(2)
    with err.status("writing demo inbox…") as status:
        summary = write_demo(
            out, state=state, scale=scale, seed=seed, progress=lambda msg: status.update(msg)
        )
    err.print(f"wrote {summary.files} files to {out}: {summary}")


@app.command("demo-db")
def demo_db(
    out: Annotated[
        Path | None,
        typer.Option(help="The demo's own folder (default: SAMPARK_DATA_DIR/demo/inbox)"),
    ] = None,
    db: Annotated[str | None, typer.Option(help="Database URL (default: DATABASE_URL)")] = None,
    seed: Annotated[int, typer.Option(help="Same seed, same files")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary only")] = False,
) -> None:
    """Build the dashboard's demo database: write the small demo into its own folder, record
    the sha256 of every file written, and load only those, into an empty database (exit 3
    otherwise). Demo mode offers the role switcher until a real file or account arrives."""
    from etl.demo import STATES
    from etl.demo.calendar import calendar_for
    from etl.demo.write.database import DemoRefused, build_demo_database
    from etl.demo.write.pepper import demo_fingerprinting
    from etl.demo.write.photos import write_story_photos
    from etl.demo.write.profile import write_demo_profile

    settings = load_settings()
    if settings.state not in STATES:
        err.print(f"[red]SAMPARK_STATE must be one of {', '.join(STATES)}, not {settings.state}")
        raise typer.Exit(2)
    engine = migrate(db or settings.database_url)
    folder = out or settings.demo_inbox
    # The demo's chats are fingerprinted and its planted directives and rumours worked out, as
    # a real run with a pepper would (etl.demo.write.pepper: the demo's own when none is set).
    prints = demo_fingerprinting(settings.fingerprint_pepper)
    try:
        with err.status("building the demo database…") if not as_json else nullcontext():
            result = build_demo_database(
                engine,
                folder,
                state=settings.state,
                seed=seed,
                keep_text=settings.keep_message_text,
                prints=prints,
            )
    except DemoRefused as exc:
        err.print(f"[red]demo not built: {exc}")
        raise typer.Exit(3) from exc
    # The demo is judged against its own, demo-scale target (etl.demo.write.profile).
    demo_targets = folder.parent / "targets"
    write_demo_profile(settings.targets_dir, demo_targets, settings.state, calendar_for())
    _refresh_figures(engine, demo_targets, settings.state, quiet=as_json, prints=prints)
    # The photos the demo's stories name, drawn into the folder the Social page reads.
    write_story_photos(engine, settings.data_dir / "media")
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        Console().print(_summary(result))


@app.command()
def templates(
    out: Annotated[Path, typer.Option(help="Folder to write the blank sheets into")],
) -> None:
    """Write blank XLSX input sheets with bilingual headers and an example row."""
    from etl.templates import write_templates

    for path in write_templates(out):
        typer.echo(str(path))


if __name__ == "__main__":
    app()
