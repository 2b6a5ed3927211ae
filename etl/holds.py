"""Accepting a held roster from the dashboard: `etl run --accept-shrink` in its own process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from etl.process import EtlProcessFailed, etl_stdout
from etl.uploads import RUN_TIMEOUT_S


class AcceptFailed(RuntimeError):
    """The held roster was not loaded; the message says why."""


def accept_held_roster(location: Path, database_url: str, actor: str) -> dict[str, Any]:
    """Load the held roster at `location` as accepted by `actor`; what the run reports for it
    (status, rows read, loaded, rejected). Nothing else in its folder is loaded."""
    try:
        out = etl_stdout(
            "run",
            "--accept-shrink",
            str(location),
            "--actor",
            actor,
            "--db",
            database_url,
            "--json",
            timeout=RUN_TIMEOUT_S,
        )
    except EtlProcessFailed as err:
        raise AcceptFailed(str(err)) from err
    files: list[dict[str, Any]] = json.loads(out)["files"]
    return files[0]
