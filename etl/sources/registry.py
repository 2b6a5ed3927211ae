"""The input kinds: one interface (`check(frame, known) -> Checked`), and ONE
registry: `SOURCES[kind]` is the kind's `Source` (its sheet spec, its check, its write and its
load rank). The pipeline picks everything about a kind from here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import polars as pl
import sqlalchemy as sa

from etl.sources import (
    alerts,
    blocklist,
    directives,
    groups,
    registers,
    rosters,
    staff,
    stories,
    units,
)
from etl.sources.checks import Checked, Known
from etl.sources.sheets.columns import SHEETS, Sheet
from sampark.store import directives as store_directives
from sampark.store import network as store_network
from sampark.store import registers as store_registers
from sampark.store import rosters as store_rosters
from sampark.store import stories as store_stories

Checker = Callable[[pl.DataFrame, Known], Checked]
Writer = Callable[[sa.Connection, pl.DataFrame, str, date], pl.DataFrame | None]
"""(connection, valid rows, the file's name, the date a list without one is as of) -> the rows
only the database could reject, or None when it rejects none."""


@dataclass(frozen=True)
class Source:
    """One input kind: how its sheet reads, how its rows are checked and written, its place
    in the load order (a roster finds its group, a group its unit), and the cells a reject
    shows (the restricted ones of an alert never among them)."""

    kind: str
    sheet: Sheet
    check: Checker
    write: Writer
    rank: int
    raw: list[str]


def _units(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> None:
    store_network.write_units(conn, rows)


def _groups(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> None:
    store_network.write_groups(conn, rows)


def _staff(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> None:
    store_network.write_staff(conn, rows)


def _blocklist(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> None:
    store_network.write_blocklist(conn, rows)


def _rosters(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> pl.DataFrame:
    dated = rows.with_columns(pl.col("as_of").fill_null(as_of))
    return store_rosters.write_roster(conn, dated, name)


def _registers(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> pl.DataFrame:
    return store_registers.write_register_entries(conn, rows)


def _alerts(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> pl.DataFrame:
    return store_registers.write_alerts(conn, rows)


def _stories(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> pl.DataFrame:
    return store_stories.write_stories(conn, rows)


def _directives(conn: sa.Connection, rows: pl.DataFrame, name: str, as_of: date) -> None:
    store_directives.write_directives(conn, rows)


# In load order.
_KINDS: tuple[tuple[str, Checker, Writer, list[str]], ...] = (
    ("units", units.check, _units, units.RAW),
    ("groups", groups.check, _groups, groups.RAW),
    ("staff", staff.check, _staff, staff.RAW),
    ("rosters", rosters.check, _rosters, rosters.RAW),
    ("blocklist", blocklist.check, _blocklist, blocklist.RAW),
    ("registers", registers.check, _registers, registers.RAW),
    ("alerts", alerts.check, _alerts, alerts.RAW),
    ("stories", stories.check, _stories, stories.RAW),
    ("directives", directives.check, _directives, directives.RAW),
)

SOURCES: dict[str, Source] = {
    kind: Source(kind, SHEETS[kind], check, write, rank, raw)
    for rank, (kind, check, write, raw) in enumerate(_KINDS)
}
