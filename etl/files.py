"""The inbox's files: discovery, the sha256 that registers a file as seen, a file refused whole."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from etl.results import FileResult
from etl.sources.sheets.tabular import SHEET_SUFFIXES
from sampark.clock import now_utc
from sampark.store import registry as store_registry


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover(inbox: Path) -> tuple[list[Path], list[Path]]:
    """(sheets to read, other files left for later sources), both sorted by path."""
    sheets: list[Path] = []
    others: list[Path] = []
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        if path.name.startswith((".", "~$")):  # hidden files and Excel lock files
            continue
        (sheets if path.suffix.lower() in SHEET_SUFFIXES else others).append(path)
    return sheets, others


def reject_file(
    engine: sa.Engine, run_id: int, name: str, sha: str, reason: str, rows: int
) -> FileResult:
    """A file refused whole: registered with its reason, every data row counted as rejected."""
    with engine.begin() as conn:
        return refused_file(conn, run_id, name, sha, reason, rows)


def refused_file(
    conn: sa.Connection, run_id: int, name: str, sha: str, reason: str, rows: int
) -> FileResult:
    """`reject_file` on a connection whose transaction the caller keeps."""
    file_id = store_registry.record_file(
        conn,
        run_id=run_id,
        path=name,
        sha256=sha,
        source=None,
        status="rejected",
        reason=reason,
        rows_read=rows,
        rows_loaded=0,
        rows_rejected=rows,
        loaded_at=now_utc(),
    )
    store_registry.record_rejects(
        conn,
        file_id,
        pl.DataFrame(
            {"line": [1], "reason": [f"file rejected: {reason}"], "raw": [None]},
            schema={"line": pl.Int64, "reason": pl.String, "raw": pl.String},
        ),
    )
    return FileResult(name, None, "rejected", rows, 0, rows, reason)
