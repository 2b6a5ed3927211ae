"""Looking into the files Streamlit would serve for download, as AppTest builds them.

Streamlit serves a download from its media endpoint: bytes given to a download button are
there once the page is drawn, and a file made by a function is made whenever the browser asks
for it (a backend request anyone speaking the protocol can send), with or without a click.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileKind


class RecordingManager(MediaFileManager):
    """The media file manager AppTest builds for each run, kept where a test can reach it."""

    made: ClassVar[list[RecordingManager]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        RecordingManager.made.append(self)


def recorded_managers(monkeypatch: pytest.MonkeyPatch) -> list[RecordingManager]:
    """The managers of every AppTest run from now on, in run order."""
    RecordingManager.made = []
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingManager)
    return RecordingManager.made


def downloadable(manager: MediaFileManager) -> dict[str, bytes]:
    """{file name: bytes} of every file the manager would serve as a download right now."""
    files = manager._storage._files_by_id  # type: ignore[attr-defined]
    return {
        str(f.filename): f.content for f in files.values() if f.kind == MediaFileKind.DOWNLOADABLE
    }


def deferred_id(manager: MediaFileManager, file_name: str) -> str:
    """The id the browser asks for to get `file_name` made."""
    (found,) = [
        file_id
        for file_id, entry in manager._deferred_callables.items()
        if entry["filename"] == file_name
    ]
    return found


def fetch_without_click(manager: MediaFileManager) -> list[tuple[str, bytes]]:
    """Ask for every deferred download once, as the browser's backend request does (no click,
    no rerun); returns (file name, bytes) of each file made."""
    made = []
    for file_id, entry in list(manager._deferred_callables.items()):
        url = manager.execute_deferred(file_id)
        stored = manager._storage.get_file(url.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
        made.append((str(entry["filename"]), stored.content))
    return made
