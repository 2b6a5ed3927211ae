"""The chat text inside a WhatsApp export zip: which member it is, and how to open it.

Media members are never read; names that could escape a folder are refused and reported.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

import polars as pl

from etl.sources.whatsapp.stream import REJECT_SCHEMA
from sampark.safety.archives import is_unsafe_name

MAX_ZIP_MEMBERS = 100_000

Opener = Callable[[], AbstractContextManager[IO[bytes]]]


class BadExport(ValueError):
    """The file cannot be read as an export: a broken, unsafe or oversized zip, no chat text."""


def member_opener(path: Path, member: str) -> Opener:
    @contextmanager
    def opened() -> Iterator[IO[bytes]]:
        with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
            yield stream

    return opened


def chat_in_zip(path: Path, cap: int) -> tuple[str, pl.DataFrame]:
    """The chat text's member name, and the unsafe names refused; media are never read."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise BadExport(f"{path.name}: not a readable zip ({err})") from err
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise BadExport(f"{path.name}: {len(infos)} members, over {MAX_ZIP_MEMBERS}")
        unsafe = [i.filename for i in infos if is_unsafe_name(i.filename)]
        texts = [
            i
            for i in infos
            if i.filename not in unsafe
            and not i.is_dir()
            and i.filename.lower().endswith(".txt")
            and not i.filename.startswith("__MACOSX/")
            and not PurePosixPath(i.filename).name.startswith("._")
        ]
        chat = _pick_chat(texts)
        if chat is None:
            listed = ", ".join(i.filename for i in texts) or "none"
            raise BadExport(f"{path.name}: no single chat text among the members (.txt: {listed})")
        if chat.flag_bits & 0x1:
            raise BadExport(f"{path.name}: {chat.filename} is encrypted")
        if chat.file_size > cap:
            raise BadExport(
                f"{path.name}: {chat.filename} unpacks to {chat.file_size} bytes,"
                f" over the {cap}-byte cap"
            )
    refused = pl.DataFrame(
        {
            "line": [None] * len(unsafe),
            "reason": ["zip member with an absolute or '..' path refused"] * len(unsafe),
            "raw": unsafe,
        },
        schema=REJECT_SCHEMA,
    )
    return chat.filename, refused


def _pick_chat(texts: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """`_chat.txt` (iOS), then "WhatsApp Chat with …" (Android), then the only text file."""
    names = [PurePosixPath(i.filename).name for i in texts]
    for pattern in (r"_chat\.txt", r"(?i)whatsapp chat.*"):
        found = [i for i, n in zip(texts, names, strict=True) if re.fullmatch(pattern, n)]
        if found:
            return found[0]
    return texts[0] if len(texts) == 1 else None
