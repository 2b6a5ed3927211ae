"""A story's photos, as named in its "Media files" column, read only from the media folder.

A sheet's media column is typed by anyone who can reach an office's sheet, so a name is a
request, not a path: it is served only when it resolves (symbolic links followed) to a regular
file inside `SAMPARK_DATA_DIR/media/`, and only when its bytes are a JPEG or PNG image,
whatever its extension says. Anything else becomes a finding the reviewer reads ("media file
X not found"), never an error that stops the story view.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, UnidentifiedImageError

from sampark.content.intake import PHOTO_MAX_BYTES

# The first bytes of the two image formats a story may carry.
_SIGNATURES = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}
# Why a named file is not shown: not in the media folder, not a readable file, not a JPEG or
# PNG, or larger than the submission form would have taken.
PROBLEMS = ("outside", "not_found", "not_image", "too_big")


@dataclass(frozen=True)
class MediaFile:
    """A photo to show: its name as the story gives it, its bytes and its format."""

    name: str
    data: bytes
    kind: str


@dataclass(frozen=True)
class MediaProblem:
    """A named file that is not shown, and why (one of PROBLEMS)."""

    name: str
    problem: str


def image_kind(data: bytes) -> str | None:
    """JPEG or PNG when the bytes are one (signature and a readable image), else None.

    >>> image_kind(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    True
    """
    kind = next((k for sig, k in _SIGNATURES.items() if data.startswith(sig)), None)
    if kind is None:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return kind if found == kind else None


def _escapes(name: str) -> bool:
    """A name that points anywhere but down into the folder: absolute (POSIX or Windows, a
    drive or a share), or holding a `..` part or a NUL byte."""
    if not name or "\x00" in name:
        return True
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or windows.root:
        return True
    return ".." in posix.parts or ".." in windows.parts


def _read_inside(media_dir: Path, name: str) -> bytes | str:
    """The file's bytes (at most one byte over the photo limit), or the problem."""
    if _escapes(name):
        return "outside"
    root = media_dir.resolve()
    try:
        # strict: every link on the way is followed, and a missing file says so.
        target = (root / name).resolve(strict=True)
    except (OSError, RuntimeError):
        return "not_found"
    if not target.is_relative_to(root) or target == root:
        return "outside"
    if not target.is_file():
        return "not_found"
    # O_NOFOLLOW: the resolved path must still be that file when it is opened; O_NONBLOCK: a
    # pipe put there in the meantime cannot hold the page.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(target, flags)
    except OSError:
        return "not_found"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "not_found"
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(PHOTO_MAX_BYTES + 1)
    finally:
        os.close(fd)


def story_media(
    media_dir: Path, names: list[str] | None
) -> tuple[list[MediaFile], list[MediaProblem]]:
    """The story's photos that may be shown, and a problem for every other name, both in the
    story's order."""
    shown: list[MediaFile] = []
    problems: list[MediaProblem] = []
    for name in names or []:
        read = _read_inside(media_dir, name)
        if isinstance(read, str):
            problems.append(MediaProblem(name, read))
        elif len(read) > PHOTO_MAX_BYTES:
            problems.append(MediaProblem(name, "too_big"))
        elif (kind := image_kind(read)) is None:
            problems.append(MediaProblem(name, "not_image"))
        else:
            shown.append(MediaFile(name, read, kind))
    return shown, problems
