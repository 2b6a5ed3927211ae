"""Files into the inbox, and `python -m etl …` run on them in its own process, as an office
would run it: the dashboard's uploads, a held roster the data officer accepts, and the demo an
empty dashboard builds. A failing or hostile file then costs at most that process (and
`RUN_TIMEOUT_S`), and the dashboard never imports the ETL.

Only files that passed `sampark.safety.uploads` are saved here. Each day's uploads share one folder,
`inbox/uploads/<YYYY-MM-DD>/`; a second file of the same name and other content is kept
beside the first as "name (2).csv" (the chat matcher ignores that suffix), never over it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from sampark.safety.uploads import Checked
from sampark.settings import PROJECT_ROOT

# An upload's run must end: a file that took longer is a file to look at by hand.
RUN_TIMEOUT_S = 600


class EtlProcessFailed(RuntimeError):
    """The command exited with an error or ran out of time; the message says which."""


class UploadRunFailed(RuntimeError):
    """The ETL run over the uploads did not finish; the message says how."""


class AcceptFailed(RuntimeError):
    """The held roster was not loaded; the message says why."""


class DemoBuildFailed(RuntimeError):
    """The demo database was not built; the message says why."""


# The last line of a Python traceback: the error's type, then its message.
_ERROR_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))(?::|$)")


def failure_reason(command: str, stderr: str) -> str:
    """Why `etl <command>` failed, from its error output, for the page that started it.

    A traceback's message may quote a row (a database error lists the values it was given,
    an alert's name and mobile among them), so of a traceback only the error's type is told;
    the ETL's own last line (say, "inbox … is not a folder") is told as it is.

    >>> failure_reason("run", "Traceback …\\nsqlalchemy.exc.DataError: (x) [parameters: 'A']")
    'etl run failed: sqlalchemy.exc.DataError (its message is kept out: it may quote a cell)'
    """
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return f"etl {command} failed"
    if not any(line.startswith("Traceback") for line in lines):
        return f"etl {command} failed: {lines[-1][-500:]}"
    # The error's line is the last that starts with a type; its message may run on below it.
    kinds = [found.group(1) for line in lines if (found := _ERROR_LINE.match(line))]
    kind = kinds[-1] if kinds else "an error"
    return f"etl {command} failed: {kind} (its message is kept out: it may quote a cell)"


def etl_stdout(*args: str, timeout: float | None = None) -> str:
    """The command's standard output, or EtlProcessFailed with the end of its error output."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl", *args],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as err:
        raise EtlProcessFailed(f"etl {args[0]} took over {timeout:g} s and was stopped") from err
    if done.returncode != 0:
        raise EtlProcessFailed(failure_reason(args[0], done.stderr))
    return done.stdout


# --- uploads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadResult:
    """One uploaded file: its name as uploaded, as saved, and what the ETL made of it."""

    original: str
    saved: str | None
    status: str  # loaded | skipped | rejected | held | ignored | refused (not saved)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    reason: str | None = None
    code: str | None = None  # a refusal's code, for its bilingual message


def upload_folder(inbox: Path, day: date) -> Path:
    return inbox / "uploads" / day.isoformat()


def _candidates(name: str) -> list[str]:
    path = PurePosixPath(name)
    return [name, *(f"{path.stem} ({n}){path.suffix}" for n in range(2, 1000))]


def save_upload(folder: Path, upload: Checked) -> str:
    """Write an accepted upload into `folder`; returns the file name it has there. The same
    bytes under the same name are not written twice (the ETL then skips them as seen)."""
    assert upload.accepted, upload.refusal
    folder.mkdir(parents=True, exist_ok=True)
    for name in _candidates(upload.name):
        target = folder / name
        if target.exists():
            if target.read_bytes() == upload.data:
                return name
            continue
        # Written aside and renamed, so a run never sees half a file.
        partial = folder / f".{name}.part"
        partial.write_bytes(upload.data)
        os.replace(partial, target)
        return name
    raise FileExistsError(f"{folder}: too many files named like {upload.name}")


def _run_files(*args: str) -> list[dict[str, Any]]:
    """`python -m etl run … --json` within `RUN_TIMEOUT_S`; the files it reports."""
    out = etl_stdout("run", *args, "--json", timeout=RUN_TIMEOUT_S)
    files: list[dict[str, Any]] = json.loads(out)["files"]
    return files


def run_etl(folder: Path, database_url: str) -> list[dict[str, Any]]:
    """`python -m etl run --inbox folder --json` in its own process; the files it reports."""
    try:
        return _run_files("--inbox", str(folder), "--db", database_url)
    except EtlProcessFailed as err:
        raise UploadRunFailed(str(err)) from err


def upload_results(
    uploads: list[Checked], saved: list[str | None], files: list[dict[str, Any]]
) -> list[UploadResult]:
    """One result per upload, in upload order: refused ones with their reason, saved ones
    with what the run reported for the file (`saved[i]` is the i-th upload's saved name)."""
    by_path = {str(f["path"]): f for f in files}
    results = []
    for upload, name in zip(uploads, saved, strict=True):
        if upload.refusal is not None or name is None:
            refusal = upload.refusal
            results.append(
                UploadResult(
                    upload.original,
                    None,
                    "refused",
                    reason=refusal.detail if refusal else None,
                    code=refusal.code if refusal else None,
                )
            )
            continue
        found = by_path.get(name, {"status": "ignored", "reason": "not seen by the ETL run"})
        results.append(
            UploadResult(
                upload.original,
                name,
                str(found["status"]),
                int(found.get("rows_read", 0)),
                int(found.get("rows_loaded", 0)),
                int(found.get("rows_rejected", 0)),
                found.get("reason"),
            )
        )
    return results


def load_uploads(
    uploads: list[Checked], inbox: Path, database_url: str, day: date
) -> list[UploadResult]:
    """Save the accepted uploads into the day's folder, run the ETL over it, and say per
    upload what happened. Raises `UploadRunFailed` when the run itself fails."""
    folder = upload_folder(inbox, day)
    saved = [save_upload(folder, u) if u.accepted else None for u in uploads]
    files = run_etl(folder, database_url) if any(saved) else []
    return upload_results(uploads, saved, files)


# --- held rosters and the demo ----------------------------------------------------------------


def accept_held_roster(location: Path, database_url: str, actor: str) -> dict[str, Any]:
    """Load the held roster at `location` as accepted by `actor` (`etl run --accept-shrink`);
    what the run reports for it (status, rows read, loaded, rejected). Nothing else in its
    folder is loaded."""
    try:
        files = _run_files("--accept-shrink", str(location), "--actor", actor, "--db", database_url)
    except EtlProcessFailed as err:
        raise AcceptFailed(str(err)) from err
    return files[0]


def build_demo_database(folder: Path, seed: int, database_url: str) -> dict[str, Any]:
    """`python -m etl demo-db`: the small demo written into `folder` and loaded into the
    (empty) database; the run's summary (rows loaded, rejected, …)."""
    try:
        summary: dict[str, Any] = json.loads(
            etl_stdout(
                "demo-db", "--out", str(folder), "--seed", str(seed), "--db", database_url, "--json"
            )
        )
    except (EtlProcessFailed, json.JSONDecodeError) as exc:
        raise DemoBuildFailed(str(exc)) from exc
    return summary
