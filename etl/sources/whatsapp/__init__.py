"""The WhatsApp "Export chat" parser: `parse_export(path)` reads a `.txt` or `.zip` export,
`parse_exports(paths)` several at once.

`parse` drives the reads (`reading` is one read, `collected` what its blocks produce,
`parsed` the result assembled at the end); `headers` tells which lines start an entry and when
it was written, `stream` reads the file in blocks of lines, `blocks` settles each block into
entries and rejects, `plain` settles the plain user messages of a block, `events` says what the
other entries are (and which membership event a system line records) through the phrase tables
of `phrases`, matched by `matching`; `zipped` finds the chat inside a zip, and `native/` is the
compiled core of the per-byte work.
Over the whole result, `unverified` lists the lines only a guessed phrase typed and
`completeness` tells an export WhatsApp cut at its cap.
"""

from etl.sources.whatsapp.parse import (
    BLOCK_BYTES,
    MAX_CHAT_BYTES,
    BadExport,
    ParsedExport,
    UnknownExportFormat,
    parse_export,
    parse_exports,
)

__all__ = [
    "BLOCK_BYTES",
    "MAX_CHAT_BYTES",
    "BadExport",
    "ParsedExport",
    "UnknownExportFormat",
    "parse_export",
    "parse_exports",
]
