"""Sheets loaded while the chats parse (a state's 2M register entries), read and checked ahead
in the chat workers, so that the writer only writes them.

The writer is the load's longest path: reading and checking a state's register sheets was a
sixth of its time, while the chat workers waited with their bytes ahead parsed. A sheet's
check needs only what the sheets loaded before it hold (the unit and group ids), so each is
checked in a worker as soon as the chats start, and its rows wait in an Arrow file (memory
holds none of them until the writer reaches the sheet)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.sheet_loads import checked_table, read_sheet
from etl.sources.checks import Checked, Known
from etl.sources.sheets.tabular import BadFile, Table


@dataclass(frozen=True)
class Refused:
    """A sheet refused whole: the reason and the data rows it holds (counted as rejected)."""

    reason: str
    rows: int


@dataclass(frozen=True)
class CheckedAhead:
    """A sheet read and checked ahead: its kind and rows read, its valid rows and rejects in
    Arrow files until `taken`."""

    kind: str
    rows_read: int
    rows: Path
    rejects: Path

    def taken(self) -> tuple[Table, Checked]:
        """The sheet (its rows left out: they are checked) and its checked rows; the files
        go."""
        checked = Checked(pl.read_ipc(self.rows), pl.read_ipc(self.rejects))
        self.rows.unlink()
        self.rejects.unlink()
        return Table(self.kind, pl.DataFrame(), self.rows_read), checked


def checked_ahead(path: Path, inbox: Path, known: Known, folder: Path) -> CheckedAhead | Refused:
    """The sheet at `path` read and checked against `known`, its rows written into `folder`;
    or why it is refused whole."""
    read = read_sheet(path, inbox)
    if isinstance(read, BadFile):
        return Refused(str(read), read.rows)
    table = read[0]
    checked = checked_table(table, known)
    stem = folder / uuid.uuid4().hex
    rows, rejects = stem.with_suffix(".rows.arrow"), stem.with_suffix(".rejects.arrow")
    # zstd: a state's checked register rows take 0.4x their CSV's bytes instead of 1.8x, for
    # ~3 ms a sheet each way.
    checked.rows.write_ipc(rows, compression="zstd")
    checked.rejects.write_ipc(rejects, compression="zstd")
    return CheckedAhead(table.kind, table.rows_read, rows, rejects)
