"""Every SQL read, returning polars frames or plain values; bound parameters only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.schema import (
    blocklist,
    etl_files,
    etl_runs,
    groups,
    memberships,
    metadata,
    people,
    rejects,
    staff,
    units,
)

# SQLite's default limit on bound parameters is 32,766; stay well under it.
_IN_CHUNK = 5000


def _frame(conn: sa.Connection, stmt: sa.Select[Any], schema: dict[str, Any]) -> pl.DataFrame:
    result = conn.execute(stmt)
    return pl.DataFrame(result.all(), schema=schema, orient="row")


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield list(values[start : start + _IN_CHUNK])


# --- what the ETL needs to check and apply a file -------------------------------------------


def seen_hashes(conn: sa.Connection) -> frozenset[str]:
    """sha256 of every file already in the registry (loaded or rejected)."""
    return frozenset(conn.execute(sa.select(etl_files.c.sha256)).scalars())


def unit_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(units.c.unit_id)).scalars())


def group_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(groups.c.group_id)).scalars())


def latest_roster_dates(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Per group, the date of the newest roster applied: the latest join or exit it recorded."""
    parts = []
    for chunk in _chunks(group_list):
        latest = sa.func.max(sa.func.coalesce(memberships.c.left_at, memberships.c.joined_at))
        stmt = (
            sa.select(memberships.c.group_id, latest.label("latest"))
            .where(memberships.c.group_id.in_(chunk))
            .group_by(memberships.c.group_id)
        )
        parts.append(_frame(conn, stmt, {"group_id": pl.String, "latest": pl.Datetime("us")}))
    return pl.concat(parts) if parts else pl.DataFrame(
        schema={"group_id": pl.String, "latest": pl.Datetime("us")}
    )


def open_memberships(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Memberships still open (no `left_at`) in the given groups."""
    schema = {"membership_id": pl.Int64, "group_id": pl.String, "person_id": pl.String,
              "is_admin": pl.Boolean}
    parts = []
    for chunk in _chunks(group_list):
        stmt = sa.select(
            memberships.c.membership_id, memberships.c.group_id, memberships.c.person_id,
            memberships.c.is_admin,
        ).where(memberships.c.group_id.in_(chunk), memberships.c.left_at.is_(None))
        parts.append(_frame(conn, stmt, schema))
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


def table_counts(conn: sa.Connection) -> dict[str, int]:
    """Row count of every table, for checks that a re-run changed nothing."""
    return {
        name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
        for name, table in sorted(metadata.tables.items())
    }


def is_empty(conn: sa.Connection) -> bool:
    """True when no unit has been loaded yet (a fresh database)."""
    return conn.execute(sa.select(units.c.unit_id).limit(1)).first() is None
