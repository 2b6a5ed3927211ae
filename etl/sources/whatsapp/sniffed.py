"""Menders of an export's blocks that its first lines switch on.

One phone writes a whole export alike, so what its first lines show (stamps in another script's
digits, a re-save in the wrong code page) holds for every block: the first lines decide once,
and an export that needs no mending passes untouched, without a search through every block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from etl.sources.whatsapp.headers import SNIFF_LINES


def first_lines(block: bytes, count: int = SNIFF_LINES) -> bytes:
    """The first `count` lines of `block` (all of it when it holds fewer), found by searching
    for line breaks rather than splitting a 2 MB block into lines."""
    cut = 0
    for _ in range(count):
        cut = block.find(b"\n", cut) + 1
        if not cut:
            return block
    return block[:cut]


def mended_when(
    blocks: Iterator[bytes], wanted: Callable[[bytes], bool], mend: Callable[[bytes], bytes]
) -> Iterator[bytes]:
    """`blocks` with `mend` applied to each when `wanted` holds of the first block's first
    lines; else the blocks as they are."""
    first = next(blocks, None)
    if first is None:
        return
    if not wanted(first_lines(first)):
        yield first
        yield from blocks
        return
    yield mend(first)
    yield from map(mend, blocks)
