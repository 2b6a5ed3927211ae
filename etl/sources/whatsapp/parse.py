"""WhatsApp "Export chat" files (`.txt`, or `.zip` with or without media) → typed frames.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> chat = folder / "WhatsApp Chat with PS Kotwali.txt"
>>> _ = chat.write_text(
...     "13/01/24, 7:41\u202fpm - SHO Kotwali added Amit and Ravi\\n"
...     "13/01/24, 7:42\u202fpm - Amit: Namaste\\nsecond line\\n",
...     encoding="utf-8",
... )
>>> result = parse_export(chat)
>>> result.messages.select("author", "text", "kind").rows()
[(None, 'SHO Kotwali added Amit and Ravi', 'system'), ('Amit', 'Namaste\\nsecond line', 'text')]
>>> result.events.select("event", "actor", "subject").rows()
[('added', 'SHO Kotwali', 'Amit'), ('added', 'SHO Kotwali', 'Ravi')]
>>> result.day_first, result.date_order_decided, result.chat_name
(True, True, 'PS Kotwali')
"""

from __future__ import annotations

import functools
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TypeVar

import polars as pl

from etl.sources.chats.names import export_chat_name
from etl.sources.whatsapp.collected import (
    Collected,
    classified_waiting,
    take_classified,
    unverified_of,
)
from etl.sources.whatsapp.headers import (
    UnknownExportFormat,
    most_common_shape,
    shape_counts,
)
from etl.sources.whatsapp.native import glue as native
from etl.sources.whatsapp.parsed import ParsedExport, assembled
from etl.sources.whatsapp.phrases import Phrases, load_phrases
from etl.sources.whatsapp.reading import Decided, Pass, one_pass
from etl.sources.whatsapp.stream import (
    BLOCK_BYTES,
    REJECT_SCHEMA,
    OverCap,
    export_blocks,
    lines_of,
)
from etl.sources.whatsapp.unverified import unverified_matches
from etl.sources.whatsapp.zipped import BadExport, Opener, chat_in_zip, member_opener

__all__ = [
    "BLOCK_BYTES",
    "MAX_CHAT_BYTES",
    "BadExport",
    "ParsedExport",
    "UnknownExportFormat",
    "parse_export",
    "parse_exports",
]

# A zip's chat text beyond this is refused (a zip bomb, or not a chat). Plain text files are
# read in blocks and have no cap.
MAX_CHAT_BYTES = 200 * 1024 * 1024

T = TypeVar("T")


def parse_export(
    path: Path,
    *,
    day_first: bool | None = None,
    max_chat_bytes: int = MAX_CHAT_BYTES,
    block_bytes: int = BLOCK_BYTES,
    engine: str = "auto",
) -> ParsedExport:
    """Read a WhatsApp export. `day_first` only applies when the dates leave the order open.

    The text is read in blocks of about `block_bytes`, so memory stays bounded by the result.
    `engine`: "native" (the compiled core, `native/`), "polars", or "auto" (native
    when built); both give the same result, and `ParsedExport.engine` says which ran.
    Raises `UnknownExportFormat` when no message header is found near the top and
    `BadExport` when a zip is broken, unsafe, has no chat text, or unpacks past the cap.
    """
    _check_engine(engine)
    read = _read_export(Path(path), day_first, max_chat_bytes, block_bytes, engine)
    return _finished(read, load_phrases())


def parse_exports(
    paths: Sequence[Path],
    *,
    max_chat_bytes: int = MAX_CHAT_BYTES,
    block_bytes: int = BLOCK_BYTES,
    engine: str = "auto",
) -> list[ParsedExport | Exception]:
    """`parse_export` of each path, in order: the export, or the error that refused it (one
    export's error refuses it alone).

    The entries that need the phrase tables (system lines, marked or odd lines) are classified
    for all the exports together once each is read: dozens of polars steps whose fixed cost
    was most of the CPU of a small export (a state's weekly inbox holds ~1,600 exports of
    ~125 KB). Each entry is classified on its own, so the result is what each export alone
    gives."""
    _check_engine(engine)
    reads: list[_Read | Exception] = []
    for path in paths:
        try:
            reads.append(_read_export(Path(path), None, max_chat_bytes, block_bytes, engine))
        except Exception as exc:  # refuses this export alone; the caller says why
            reads.append(exc)
    phrases = load_phrases()
    ready = [(r.read.got, r.name) if isinstance(r, _Read) else (Collected(), None) for r in reads]
    try:
        together = classified_waiting(ready, phrases)
    except Exception:  # each export is then classified alone, and an error refuses only it
        together = [None] * len(reads)
    taken: list[_Read | Exception] = []
    typed: dict[int, tuple[pl.DataFrame, pl.DataFrame]] = {}
    for k, (r, odd) in enumerate(zip(reads, together, strict=True)):
        try:
            if isinstance(r, _Read) and odd is not None:
                typed[k] = (take_classified(r.read.got, odd, phrases, typed_now=False), odd.events)
            taken.append(r)
        except Exception as exc:  # refuses this export alone; the caller says why
            taken.append(exc)
    try:
        unverified = dict(zip(typed, unverified_of(list(typed.values()), phrases), strict=True))
    except Exception:  # each export's are then found alone, and an error refuses only it
        unverified = {}
    parsed: list[ParsedExport | Exception] = []
    for k, r in enumerate(taken):
        try:
            if isinstance(r, Exception):
                parsed.append(r)
                continue
            if k in typed:
                found = unverified.get(k)
                if found is None:
                    found = unverified_matches(*typed[k], phrases)
                r.read.got.unverified.append(found)
            parsed.append(_finished(r, phrases))
        except Exception as exc:  # refuses this export alone; the caller says why
            parsed.append(exc)
    return parsed


def _check_engine(engine: str) -> None:
    if engine not in ("auto", "native", "polars"):
        raise ValueError(f"engine must be auto, native or polars, not {engine!r}")
    if engine == "native" and not native.available():
        raise ValueError(
            f"engine='native' but the compiled parser is not built ({native.library_path()})"
        )


@dataclass(frozen=True)
class _Read:
    """An export read to its last block, the entries that need the phrase tables waiting."""

    read: Pass
    engine: str
    name: str | None
    refused: pl.DataFrame  # a zip's members refused


def _read_export(
    path: Path, day_first: bool | None, max_chat_bytes: int, block_bytes: int, engine: str
) -> _Read:
    refused = pl.DataFrame(schema=REJECT_SCHEMA)
    member: str | None = None
    cap: int | None = None
    opener: Opener = lambda: path.open("rb")  # noqa: E731
    if path.suffix.lower() == ".zip":
        member, refused = chat_in_zip(path, max_chat_bytes)
        opener, cap = member_opener(path, member), max_chat_bytes
    name = export_chat_name(path) or (export_chat_name(PurePosixPath(member)) if member else None)
    use_native = engine == "native" or (engine == "auto" and native.available())
    read = functools.partial(
        _last_read, opener, cap, name, day_first, block_bytes, "native" if use_native else "polars"
    )
    last, used = _guarded(path, member, cap, read)
    return _Read(last, used, name, refused)


def _finished(r: _Read, phrases: Phrases) -> ParsedExport:
    """The export assembled from its last read (classifying what still waits)."""
    read = r.read
    parsed = assembled(read.got, read.shape, read.final, r.name, phrases)
    rejects = pl.concat([r.refused, parsed.rejects])
    return replace(
        parsed,
        engine=r.engine,
        rejects=rejects.sort("line", nulls_last=False, maintain_order=True),
    )


def _guarded(path: Path, member: str | None, cap: int | None, read: Callable[[], T]) -> T:
    """`read()`, with a zip's corruption or overflow turned into `BadExport`."""
    try:
        return read()
    except OverCap as err:
        raise BadExport(
            f"{path.name}: {member} unpacks past the {cap}-byte cap although it"
            " declares less (zip bomb)"
        ) from err
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise BadExport(f"{path.name}: {member} is corrupt ({err})") from err


def _last_read(
    opener: Opener,
    cap: int | None,
    name: str | None,
    day_first: bool | None,
    block_bytes: int,
    engine: str,
) -> tuple[Pass, str]:
    """The export's last read and the engine it used: read once, and read again for as long
    as a read finds that a guess made from its first block does not hold for the whole file
    (`_correction`) or the compiled core cannot read it. Each further read keeps what the
    reads before it found, so there are a few at most."""
    phrases = load_phrases()
    decided = Decided(engine=engine)
    while True:
        try:
            read = one_pass(opener, cap, name, day_first, decided, block_bytes, phrases)
        except native.NativeFailed:
            # Out of memory in C, or a line too long for an Arrow string view: polars reads it.
            decided = replace(decided, engine="polars")
            continue
        correction = _correction(read, decided, opener, cap, block_bytes)
        if correction is None:
            return read, decided.engine
        decided = correction


def _correction(
    read: Pass, decided: Decided, opener: Opener, cap: int | None, block_bytes: int
) -> Decided | None:
    """What the next read must use when a guess `read` made from the first block does not
    hold for the whole file; None when every guess held.

    The shape: another shape could only outnumber the guessed one if the lines not of it
    were as many, and then every line is counted. Steps back in time: when blocks skipped
    counting them because a day > 12 had decided the order, and a later day > 12 in the
    other field undid that, they are counted everywhere. The order: when the whole file
    gives another than the one the entries were settled with."""
    engine, got, shape = decided.engine, read.got, read.shape
    if decided.shape is None and got.header_like - got.shaped >= got.shaped:
        exact = _exact_shape(opener, cap, block_bytes)
        if exact != shape.text:
            return Decided(shape=exact, engine=engine)
    evidence = read.evidence
    if read.skipped and decided.order is None and evidence.first_big == evidence.second_big:
        return Decided(shape=shape.text, count_back=True, engine=engine)
    if read.final[0] != read.order[0]:
        return Decided(shape=shape.text, order=read.final, engine=engine)
    return None


def _exact_shape(opener: Opener, cap: int | None, block_bytes: int) -> str | None:
    """The file's most common header shape, counted over every line (the slow way)."""
    counts, next_line = [], 1
    with opener() as stream:
        for data in export_blocks(stream, block_bytes, cap):
            lines, _ = lines_of(data, next_line)
            next_line += lines.height
            counts.append(shape_counts(lines.get_column("raw")))
    return most_common_shape(pl.concat(counts))
