"""An export opened as Windows-1252 text and saved again as UTF-8, read as the phone wrote it.

An office PC that opens an export in a program assuming the Windows code page, and saves it,
turns every non-ASCII character into two or three Latin ones: an iPhone's narrow space before
"pm" becomes `â€¯`, an Arabic or Devanagari name a run of `Ø`, `Ù`, `à¤`. No header survives the
narrow space, so such a file was refused. When the first lines of an export read back as UTF-8
after being written out as Windows-1252, and only then, every line that does so is mended; a
line that does not (a character outside Windows-1252) is left as it is. A file written right
never reads back so: a real non-ASCII letter either has no Windows-1252 byte or does not make
valid UTF-8.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from etl.sources.whatsapp.sniffed import mended_when

# The five bytes Windows-1252 leaves undefined: Windows reads them as the C1 controls of the
# same number, which Python's codec refuses to write back.
_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _c1_as_bytes(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    if all(ord(ch) in _UNDEFINED for ch in bad):
        return bad.encode("latin-1"), error.end
    raise error


codecs.register_error("sampark-c1", _c1_as_bytes)


def _as_written(text: str) -> str | None:
    """`text` as the phone wrote it, or None when it is not a Windows-1252 re-save of it."""
    try:
        fixed = text.encode("cp1252", errors="sampark-c1").decode("utf-8")
    except UnicodeError:
        return None
    return fixed if fixed != text else None


def _mended_line(line: str) -> str:
    return _as_written(line) or line


def _mended(block: bytes) -> bytes:
    text = block.decode("utf-8", errors="surrogateescape")
    if (whole := _as_written(text)) is not None:
        return whole.encode("utf-8")
    lines = text.splitlines(keepends=True)
    return "".join(map(_mended_line, lines)).encode("utf-8", errors="surrogateescape")


def _resaved(head: bytes) -> bool:
    """Whether an export's first lines are a Windows-1252 re-save of what the phone wrote."""
    return not head.isascii() and _as_written(head.decode("utf-8", errors="replace")) is not None


def as_written_blocks(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """The blocks of an export, mended when its first lines are a Windows-1252 re-save (see
    the module, and `sniffed.mended_when`); an export written right passes untouched."""
    return mended_when(blocks, _resaved, _mended)
