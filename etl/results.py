"""What a run reports: one result per file, the run's totals, and a held roster's acceptance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class FileResult:
    """One file of a run: rows_read = rows_loaded + rows_rejected + rows_held.

    A held roster loads nothing and holds every row it read; once accepted, the run that
    loads it reads them again as loaded or rejected. A file seen before (skipped, or still
    held) is not read again: its rows count 0."""

    path: str
    kind: str | None
    status: str  # loaded | rejected | held | skipped | ignored
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    reason: str | None = None
    rows_held: int = 0


@dataclass
class RunResult:
    run_id: int
    files: list[FileResult] = field(default_factory=list)

    def total(self, key: str) -> int:
        return sum(int(getattr(f, key)) for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "files": [asdict(f) for f in self.files],
            "rows_read": self.total("rows_read"),
            "rows_loaded": self.total("rows_loaded"),
            "rows_rejected": self.total("rows_rejected"),
            "rows_held": self.total("rows_held"),
        }


class NotHeld(Exception):
    """A file given to accept is not a roster waiting for confirmation; the message says why."""


@dataclass(frozen=True)
class Acceptance:
    """A held roster the data officer confirmed: its registry row, who, and when (IST)."""

    file_id: int
    name: str
    actor: str
    at: datetime


Progress = Callable[[FileResult, int, int], None]
"""Called after each file with its result, how many files are done, and how many in all."""


def unreadable(exc: BaseException) -> str:
    """The reason for a file whose reader failed in a way of its own. Only the error's type is
    named: its message may quote a cell, and cells may be restricted."""
    return f"cannot be read ({type(exc).__name__}); nothing of it was loaded"
