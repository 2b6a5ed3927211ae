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

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import polars as pl

from etl.sources.chat_groups import export_chat_name
from etl.sources.whatsapp_events import classify, events_of, load_phrases
from etl.sources.whatsapp_headers import UnknownExportFormat, read_headers

__all__ = ["MAX_CHAT_BYTES", "BadExport", "ParsedExport", "UnknownExportFormat", "parse_export"]

# The chat text of a zip is read whole; beyond this it is refused (a zip bomb, or not a chat).
MAX_CHAT_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 100_000

REJECT_SCHEMA = {"line": pl.Int64, "reason": pl.String, "raw": pl.String}


class BadExport(ValueError):
    """The file cannot be read as an export: a broken, unsafe or oversized zip, no chat text."""


@dataclass(frozen=True)
class ParsedExport:
    """One export: messages, membership and group events, and what could not be read cleanly."""

    messages: pl.DataFrame  # ts, author, text, kind, line
    events: pl.DataFrame  # ts, event, actor, subject, line
    rejects: pl.DataFrame  # line, reason, raw
    day_first: bool
    date_order_decided: bool  # False: no day > 12 in the file told day from month
    date_order_evidence: (
        str  # "day>12", or else "setting", "chronology" (fewer steps back), "default"
    )
    layout: str  # "android" | "ios"
    chat_name: str | None

    @property
    def unknown_system_lines(self) -> int:
        """System lines no phrase table recognised (kept, with event "unknown")."""
        return self.events.filter(pl.col("event") == "unknown").height


def parse_export(
    path: Path, *, day_first: bool | None = None, max_chat_bytes: int = MAX_CHAT_BYTES
) -> ParsedExport:
    """Read a WhatsApp export. `day_first` only applies when the dates leave the order open.

    Raises `UnknownExportFormat` when no message header is found near the top and
    `BadExport` when a zip is broken, unsafe, has no chat text, or unpacks past the cap.
    """
    path = Path(path)
    rejects = [pl.DataFrame(schema=REJECT_SCHEMA)]
    member: str | None = None
    if path.suffix.lower() == ".zip":
        data, member, refused = _chat_from_zip(path, max_chat_bytes)
        rejects.append(refused)
    else:
        data = path.read_bytes()
    text, clean = _decoded(data)
    raw = _lines(text)
    headers = read_headers(raw, day_first=day_first)
    rejects.append(headers.rejects)
    if not clean:
        bad = headers.lines.filter(pl.col("raw").str.contains("\ufffd", literal=True))
        rejects.append(
            bad.select(
                "line",
                pl.lit("undecodable bytes (not UTF-8), replaced with U+FFFD").alias("reason"),
                "raw",
            )
        )
    name = export_chat_name(path) or (export_chat_name(PurePosixPath(member)) if member else None)
    phrases = load_phrases()
    classified = classify(_entries(headers.lines), phrases, name)
    return ParsedExport(
        messages=classified.select("ts", "author", "text", "kind", "line"),
        events=events_of(classified, phrases),
        rejects=pl.concat(rejects).sort("line", nulls_last=False, maintain_order=True),
        day_first=headers.day_first,
        date_order_decided=headers.date_order_evidence == "day>12",
        date_order_evidence=headers.date_order_evidence,
        layout=headers.layout,
        chat_name=name,
    )


def _entries(lines: pl.DataFrame) -> pl.DataFrame:
    """One row per entry: header fields plus its continuation lines joined with "\\n"."""
    lines = lines.with_columns(pl.col("is_header").cum_sum().alias("id"))
    heads = lines.filter(pl.col("is_header")).select("id", "ts", "line", "rest")
    more = (
        lines.filter(~pl.col("is_header") & (pl.col("id") > 0))
        .group_by("id", maintain_order=True)
        .agg(pl.col("raw").str.join("\n").alias("more"))
    )
    return heads.join(more, on="id", how="left", maintain_order="left")


def _decoded(data: bytes) -> tuple[str, bool]:
    """Text and whether it decoded cleanly (UTF-8, or UTF-16 when it carries that BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), True
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), False


def _lines(text: str) -> pl.Series:
    """Lines without terminators (LF or CRLF), split in polars rather than in Python."""
    if text.endswith("\n"):
        text = text[:-1]
    lines = pl.Series("raw", [text]).str.split("\n").explode()
    if "\r" in text:  # one scan in C; skips a pass over every line for LF-only files
        lines = lines.str.strip_suffix("\r")
    return lines.fill_null("")


def _is_unsafe(name: str) -> bool:
    parts = re.split(r"[\\/]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts


def _chat_from_zip(path: Path, cap: int) -> tuple[bytes, str, pl.DataFrame]:
    """The chat text among a zip's members; media are never read, unsafe names refused."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise BadExport(f"{path.name}: not a readable zip ({err})") from err
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise BadExport(f"{path.name}: {len(infos)} members, over {MAX_ZIP_MEMBERS}")
        unsafe = [i.filename for i in infos if _is_unsafe(i.filename)]
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
        try:
            with archive.open(chat) as stream:
                data = stream.read(cap + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError) as err:
            raise BadExport(f"{path.name}: {chat.filename} is corrupt ({err})") from err
        if len(data) > cap:
            raise BadExport(
                f"{path.name}: {chat.filename} unpacks past the {cap}-byte cap although it"
                f" declares {chat.file_size} bytes (zip bomb)"
            )
    refused = pl.DataFrame(
        {
            "line": [None] * len(unsafe),
            "reason": ["zip member with an absolute or '..' path refused"] * len(unsafe),
            "raw": unsafe,
        },
        schema=REJECT_SCHEMA,
    )
    return data, chat.filename, refused


def _pick_chat(texts: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """`_chat.txt` (iOS), then "WhatsApp Chat with …" (Android), then the only text file."""
    names = [PurePosixPath(i.filename).name for i in texts]
    for pattern in (r"_chat\.txt", r"(?i)whatsapp chat.*"):
        found = [i for i, n in zip(texts, names, strict=True) if re.fullmatch(pattern, n)]
        if found:
            return found[0]
    return texts[0] if len(texts) == 1 else None
