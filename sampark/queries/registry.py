"""The ETL's registry: runs, files seen, rejected rows, held rosters, and the data version
every cached read in the dashboard is keyed by."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.queries.frames import read_frame
from sampark.schema import etl_files, etl_runs, metadata, rejects, roster_holds


def seen_hashes(conn: sa.Connection) -> frozenset[str]:
    """sha256 of every file already in the registry (loaded or rejected)."""
    return frozenset(conn.execute(sa.select(etl_files.c.sha256)).scalars())


def data_version(conn: sa.Connection) -> str:
    """Changes whenever a file is loaded; part of every cache key in the dashboard."""
    # Held files count apart: accepting one loads it without adding a registry row.
    held = sa.func.count(sa.case((etl_files.c.status == "held", 1)))
    row = conn.execute(sa.select(sa.func.count(), sa.func.max(etl_files.c.file_id), held)).one()
    return f"{row[0]}:{row[1]}:{row[2]}"


def table_counts(conn: sa.Connection) -> dict[str, int]:
    """Row count of every table, for checks that a re-run changed nothing."""
    return {
        name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
        for name, table in sorted(metadata.tables.items())
    }


def etl_run_log(conn: sa.Connection) -> pl.DataFrame:
    """Every ETL run, newest first."""
    r = etl_runs.c
    return read_frame(
        conn,
        sa.select(
            r.run_id,
            r.started_at,
            r.finished_at,
            r.inbox,
            r.files_seen,
            r.files_loaded,
            r.files_skipped,
            r.files_rejected,
            r.rows_read,
            r.rows_loaded,
            r.rows_rejected,
            r.files_held,
            r.rows_held,
        ).order_by(r.run_id.desc()),
    )


def etl_file_log(conn: sa.Connection) -> pl.DataFrame:
    """Every file in the registry, newest first."""
    f = etl_files.c
    return read_frame(
        conn,
        sa.select(
            f.file_id,
            f.run_id,
            f.path,
            f.source,
            f.status,
            f.reason,
            f.rows_read,
            f.rows_loaded,
            f.rows_rejected,
            f.rows_held,
            f.loaded_at,
            f.sha256,
        ).order_by(f.file_id.desc()),
    )


def held_rosters(conn: sa.Connection) -> pl.DataFrame:
    """Rosters held for the data officer, one row per group each would shrink, oldest first:
    the file, why, the group's open memberships now and after the list, and where it lies."""
    f, h = etl_files.c, roster_holds.c
    stmt = (
        sa.select(
            f.file_id,
            f.path,
            f.sha256,
            f.reason,
            h.group_id,
            h.open_before,
            h.open_after,
            f.loaded_at.label("held_at"),
            h.location,
        )
        .join(etl_files, f.file_id == h.file_id)
        .where(f.status == "held")
        .order_by(f.file_id, h.group_id)
    )
    return read_frame(conn, stmt)


def reject_log(conn: sa.Connection) -> pl.DataFrame:
    """Every rejected row with its file, line and reason."""
    f, r = etl_files.c, rejects.c
    stmt = (
        sa.select(f.path, f.source, r.line, r.reason, r.raw, f.run_id)
        .join(etl_files, f.file_id == r.file_id)
        .order_by(f.path, r.line)
    )
    return read_frame(conn, stmt)
