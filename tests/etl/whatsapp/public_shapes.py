"""What the tests of export shapes seen in public exports share: the two engines to read each
shape with, an iPhone line, the export written and read, and its rows and events."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.sources.whatsapp import ParsedExport, parse_export
from etl.sources.whatsapp.native import glue as whatsapp_native

LRM, NNBSP, NBSP = "\u200e", "\u202f", "\u00a0"

ENGINES = [
    pytest.param(
        "native",
        marks=pytest.mark.skipif(
            not whatsapp_native.available(),
            reason="compiled parser not built (bash scripts/setup.sh)",
        ),
    ),
    "polars",
]


def ios(author: str, text: str, second: int, *, marked: bool = True) -> str:
    return f"[12/03/24, 10:02:{second:02d}] {author}: {LRM if marked else ''}{text}\n"


def parsed(tmp_path: Path, text: str, engine: str, *, name: str = "_chat.txt") -> ParsedExport:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return parse_export(path, engine=engine)


def rows(result: ParsedExport) -> list[tuple[object, ...]]:
    return result.messages.select("author", "kind").rows()


def events(result: ParsedExport) -> list[tuple[object, ...]]:
    return result.events.select("event", "actor", "subject").rows()
