"""Figures worked out from whole tables once per data version, and kept in the database.

The ETL builds them at the end of a run; a dashboard that finds none for the current data
(a database loaded by an older version, or another state profile chosen) builds and stores them
itself, so every later first view — in any replica — reads them ready.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from etl import load
from sampark import queries
from sampark.access import STATE
from sampark.clock import now_utc
from sampark.metrics.response_snapshot import (
    PARTS,
    SNAPSHOT_KIND,
    ResponseSnapshot,
    profile_key,
    response_snapshot,
    snapshot_payloads,
)
from sampark.targets import Profile

log = logging.getLogger(__name__)


def response_figures(engine: sa.Engine, profile: Profile) -> tuple[ResponseSnapshot, bool]:
    """The Response figures of the current data, and whether they were built just now (False:
    read as stored). Built figures are stored unless the data changed while they were built."""
    with engine.connect() as conn:
        # The version is read before the entries: figures built while a file loads are
        # labelled with the older version and so rebuilt by the next reader.
        version = queries.data_version(conn)
        stored = queries.stored_response_snapshot(conn, version, profile)
        if stored is not None:
            return stored, False
        snapshot = response_snapshot(
            queries.register_entries_frame(conn, STATE), queries.units_frame(conn), profile
        )
    try:
        with engine.begin() as conn:
            load.store_derived(
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
        names = queries.stored_part_names(
            conn, SNAPSHOT_KIND, queries.data_version(conn), profile_key(profile)
        )
    if names == PARTS:
        return False
    return response_figures(engine, profile)[1]
