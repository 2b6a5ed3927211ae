"""What makes a zip unsafe to keep or to read (pure): the one place both the Data page's
upload and the WhatsApp parser ask.

Python's zipfile never unpacks a member past the size its directory declares (a longer stream
fails its CRC), so the declared sizes bound what reading can cost; a zip bomb shows as a
member declaring far more than it stores.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass

# A chat text compresses about 5-10 times, media hardly at all; 100 times is a bomb.
MAX_RATIO = 100
# Below this size a high ratio costs nothing (an empty or repetitive small file).
RATIO_FLOOR = 1024 * 1024


def is_unsafe_name(name: str) -> bool:
    """A member name that would land outside the folder it is unpacked into: absolute,
    a drive letter, or a '..' step (with either slash).

    >>> [is_unsafe_name(n) for n in ("a/b.txt", "../x", "/etc/passwd", "C:x", "a\\\\..\\\\b")]
    [False, True, True, True, True]
    """
    parts = re.split(r"[\\/]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts


def is_symlink(info: zipfile.ZipInfo) -> bool:
    """A member stored as a symbolic link (Unix mode in the high bits of external_attr)."""
    return stat.S_ISLNK(info.external_attr >> 16)


@dataclass(frozen=True)
class ZipLimits:
    """What a zip may hold before it is refused."""

    max_members: int = 10_000
    max_total_bytes: int = 500 * 1024 * 1024
    max_ratio: int = MAX_RATIO


@dataclass(frozen=True)
class ZipProblem:
    """Why a zip is refused: `code` names the condition, `detail` the member or the numbers."""

    code: str  # members | path | link | size | bomb
    detail: str


def zip_problem(archive: zipfile.ZipFile, limits: ZipLimits) -> ZipProblem | None:
    """The first reason to refuse `archive` as a whole, or None when it is safe to keep."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        return ZipProblem("members", f"{len(infos)} > {limits.max_members}")
    unsafe = [i.filename for i in infos if is_unsafe_name(i.filename)]
    if unsafe:
        return ZipProblem("path", ", ".join(unsafe[:3]))
    links = [i.filename for i in infos if is_symlink(i)]
    if links:
        return ZipProblem("link", ", ".join(links[:3]))
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        return ZipProblem("size", f"{total} > {limits.max_total_bytes}")
    for info in infos:
        if info.file_size > RATIO_FLOOR and (
            info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            return ZipProblem("bomb", f"{info.filename}: {info.compress_size} → {info.file_size}")
    return None
