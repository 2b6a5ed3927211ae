"""An export opened as Windows-1252 text and saved again as UTF-8 (seen in a public repository:
an Android export whose narrow spaces read `â€¯` and whose Arabic text read `ØªÙ…`), read as
the phone wrote it. Lines written for this project."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from etl.sources.whatsapp.resaved import as_written_blocks
from tests.etl.whatsapp.public_shapes import ENGINES, NNBSP, parsed


def resaved(text: str) -> str:
    """`text` as a program reading Windows-1252 shows it (the five undefined bytes as the C1
    controls of the same number, as Windows reads them)."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in text.encode("utf-8")
    )


WRITTEN = (
    f"1/17/25, 1:23{NNBSP}pm - Ravi Kumar: नमस्ते, थाना पहुँचे\n"
    f"1/17/25, 1:24{NNBSP}pm - سمير: تم\n"
    f"1/17/25, 1:25{NNBSP}pm - Ravi Kumar: ok 👍\n"
)


def test_a_resaved_block_reads_as_written_and_a_right_one_passes_untouched() -> None:
    assert resaved(WRITTEN) != WRITTEN
    assert b"".join(as_written_blocks(iter([resaved(WRITTEN).encode()]))) == WRITTEN.encode()
    right = [WRITTEN.encode(), "café au lait — 12 €\n".encode()]
    assert [a is b for a, b in zip(as_written_blocks(iter(right)), right, strict=True)] == [
        True,
        True,
    ]


def test_a_line_that_is_no_resave_is_left_as_it_is() -> None:
    # A character outside Windows-1252 (a later edit) cannot be undone: that line stays.
    blocks = [resaved(WRITTEN).encode(), f"1/17/25, 1:26{NNBSP}pm - Ravi Kumar: ठीक\n".encode()]
    mended = b"".join(as_written_blocks(iter(blocks))).decode()
    assert mended == WRITTEN + f"1/17/25, 1:26{NNBSP}pm - Ravi Kumar: ठीक\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_resaved_export_is_read_with_its_times_names_and_texts(
    tmp_path: Path, engine: str
) -> None:
    result = parsed(tmp_path, resaved(WRITTEN), engine)
    assert result.messages.select("ts", "author", "text").rows() == [
        (datetime(2025, 1, 17, 13, 23), "Ravi Kumar", "नमस्ते, थाना पहुँचे"),
        (datetime(2025, 1, 17, 13, 24), "سمير", "تم"),
        (datetime(2025, 1, 17, 13, 25), "Ravi Kumar", "ok 👍"),
    ]
