"""Uploads from the Data page → files in the inbox, then the ETL run over them.

Only files that passed `sampark.uploads` reach here. Each day's uploads share one folder,
`inbox/uploads/<YYYY-MM-DD>/`; a second file of the same name and other content is kept
beside the first as "name (2).csv" (the chat matcher ignores that suffix), never over it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from etl.process import EtlProcessFailed, etl_stdout
from sampark.uploads import Checked

# An upload's run must end: a file that took longer is a file to look at by hand.
RUN_TIMEOUT_S = 600


class UploadRunFailed(RuntimeError):
    """The ETL run over the uploads did not finish; the message says how."""


@dataclass(frozen=True)
class UploadResult:
    """One uploaded file: its name as uploaded, as saved, and what the ETL made of it."""

    original: str
    saved: str | None
    status: str  # loaded | skipped | rejected | ignored | refused (not saved)
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


def run_etl(folder: Path, database_url: str) -> list[dict[str, Any]]:
    """`python -m etl run --inbox folder --json` in its own process (a hostile file can then
    cost at most that process, and `RUN_TIMEOUT_S`); the files it reports."""
    try:
        out = etl_stdout(
            "run", "--inbox", str(folder), "--db", database_url, "--json", timeout=RUN_TIMEOUT_S
        )
    except EtlProcessFailed as err:
        raise UploadRunFailed(str(err)) from err
    files: list[dict[str, Any]] = json.loads(out)["files"]
    return files


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
