"""Figures worked out from whole tables once per data version, and kept in the database.

The ETL builds them at the end of a run; a dashboard that finds none for the current data
(a database loaded by an older version, or another state profile chosen) builds and stores them
itself, so every later first view — in any replica — reads them ready. Unlike the other store
modules these open their own transactions: the figures are worked out between a read and a
write, and two processes may race to store the same ones.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa

from sampark.access import STATE
from sampark.clock import now_utc
from sampark.metrics.response.snapshot import (
    PARTS,
    SNAPSHOT_KIND,
    ResponseSnapshot,
    profile_key,
    response_snapshot,
    snapshot_payloads,
)
from sampark.queries import registry as registry_reads
from sampark.queries.derived import stored_part_names, stored_response_snapshot
from sampark.queries.network import units_frame
from sampark.queries.registers import register_entries_frame
from sampark.schema import derived_frames
from sampark.targets import Profile

log = logging.getLogger(__name__)


def store_derived(
    conn: sa.Connection,
    kind: str,
    parts: dict[str, bytes],
    *,
    data_version: str,
    inputs_key: str,
    at: datetime,
) -> None:
    """Replace the stored parts of derived figures `kind` (older versions go: only the
    newest is ever read)."""
    conn.execute(sa.delete(derived_frames).where(derived_frames.c.kind == kind))
    conn.execute(
        sa.insert(derived_frames),
        [
            {
                "kind": kind,
                "part": part,
                "data_version": data_version,
                "inputs_key": inputs_key,
                "built_at": at,
                "payload": payload,
            }
            for part, payload in parts.items()
        ],
    )


def response_figures(engine: sa.Engine, profile: Profile) -> tuple[ResponseSnapshot, bool]:
    """The Response figures of the current data, and whether they were built just now (False:
    read as stored). Built figures are stored unless the data changed while they were built."""
    with engine.connect() as conn:
        # The version is read before the entries: figures built while a file loads are
        # labelled with the older version and so rebuilt by the next reader.
        version = registry_reads.data_version(conn)
        stored = stored_response_snapshot(conn, version, profile)
        if stored is not None:
            return stored, False
        snapshot = response_snapshot(
            register_entries_frame(conn, STATE), units_frame(conn), profile
        )
    try:
        with engine.begin() as conn:
            store_derived(
                conn,
                SNAPSHOT_KIND,
                snapshot_payloads(snapshot),
                data_version=version,
                inputs_key=profile_key(profile),
                at=now_utc(),
            )
    except sa.exc.IntegrityError:
        # Another process stored the same figures first; theirs are as good as ours.
        log.info("response figures stored by another process meanwhile")
    return snapshot, True


def refresh_response_figures(engine: sa.Engine, profile: Profile) -> bool:
    """Work out and store the Response figures unless those of the current data are stored;
    whether they were worked out. Checks the stored parts' names only, so an ETL run that
    loads nothing stays quick."""
    with engine.connect() as conn:
        names = stored_part_names(
            conn, SNAPSHOT_KIND, registry_reads.data_version(conn), profile_key(profile)
        )
    if names == PARTS:
        return False
    return response_figures(engine, profile)[1]
