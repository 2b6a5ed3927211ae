"""One read of a WhatsApp export's text, block by block: the header shape and the day/month
order guessed from the first block (unless fixed by an earlier read), each next block prepared
on a worker thread while this one is settled and classified.
"""

from __future__ import annotations

import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass

import polars as pl

from etl.sources.whatsapp.blocks import (
    Block,
    NativeSettler,
    PolarsSettler,
    Settler,
    line_count,
    prepared_bytes,
    prepared_native,
)
from etl.sources.whatsapp.collected import Collected, collect
from etl.sources.whatsapp.headers import (
    SNIFF_LINES,
    DateEvidence,
    Shape,
    UnknownExportFormat,
    line_shapes,
)
from etl.sources.whatsapp.native import glue as native
from etl.sources.whatsapp.phrases import Phrases
from etl.sources.whatsapp.stream import export_blocks, lines_of
from etl.sources.whatsapp.zipped import Opener

PREPARED_AHEAD = 2  # blocks queued for the worker thread (see `one_pass`)
# The text the header shape is guessed from (`_head`): ~150 lines of a usual chat. Read with
# the general pattern, the whole of a state's average export (~125 KB) cost ~2 ms of its ~25.
HEAD_BYTES = 16 * 1024

_workers = threading.local()


def _block_worker() -> ThreadPoolExecutor:
    """The thread that prepares blocks for the calling thread, the same one for every export
    it reads. polars keeps its compiled regexes per thread (a few dozen, least recently used
    dropped): a new thread per export compiled the phrase tables' large alternations again for
    every export, most of the CPU of a small one. Per calling thread, so that two threads
    reading chats never wait on each other; a thread's worker ends with it (the executor is
    collected). The process id guards against a forked child, which has no such thread."""
    pool: ThreadPoolExecutor | None = getattr(_workers, "pool", None)
    if pool is None or getattr(_workers, "pid", None) != os.getpid():
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whatsapp-blocks")
        _workers.pool, _workers.pid = pool, os.getpid()
    return pool


@dataclass(frozen=True)
class Decided:
    """File-wide choices fixed for a second read, when the first block guessed wrong."""

    shape: str | None = None
    order: tuple[bool, str] | None = None
    count_back: bool = False  # count steps back in time in every block (see `one_pass`)
    engine: str = "polars"  # "native" or "polars"; polars again when the native read fails


def _with_last(blocks: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each block and whether it is the last."""
    previous = next(blocks, None)
    for block in blocks:
        assert previous is not None
        yield previous, False
        previous = block
    if previous is not None:
        yield previous, True


def _head(first: bytes) -> bytes:
    """The lines the shape is guessed from: the first `HEAD_BYTES` or `SNIFF_LINES` lines,
    whichever reaches further. The guess only saves work: a shape other than the file's most
    common one leaves as many lines of other shapes as of its own, which has the whole file
    counted (`parse._exact_shape`) and read again with the right one."""
    cut = first.find(b"\n", HEAD_BYTES) + 1
    if cut == 0:
        return first
    at = -1
    for _ in range(SNIFF_LINES):
        at = first.find(b"\n", at + 1)
        if at < 0:
            return first
    return first[: max(cut, at + 1)]


def _first_shape(lines: pl.DataFrame, decided: Decided) -> Shape:
    if decided.shape is not None:
        return Shape(decided.shape)
    shapes = line_shapes(lines.get_column("raw")).to_list()
    if all(shape is None for shape in shapes[:SNIFF_LINES]):
        raise _no_header()
    # Counted in Python: for the first ~150 lines polars' counting and sorting cost more.
    counts = Counter(shape for shape in shapes if shape is not None)
    return Shape(min(counts.items(), key=lambda count: (-count[1], count[0]))[0])


def _no_header() -> UnknownExportFormat:
    return UnknownExportFormat(
        f"no WhatsApp message header in the first {SNIFF_LINES} lines"
        " (expected e.g. '12/03/23, 10:00 am - Name: text' or '[12/03/23, 10:00:00 AM] …')"
    )


@dataclass
class Pass:
    """One read of the text and the guesses it made from the first block."""

    got: Collected
    shape: Shape
    order: tuple[bool, str]  # the day/month order the entries were settled with
    final: tuple[bool, str]  # the order the whole file gives
    evidence: DateEvidence
    skipped: bool  # some blocks did not count steps back in time


def one_pass(
    opener: Opener,
    cap: int | None,
    name: str | None,
    day_first: bool | None,
    decided: Decided,
    block_bytes: int,
    phrases: Phrases,
) -> Pass:
    """One pass over the text. The shape and the day/month order are guessed from the first
    block, unless `decided` fixes them. The next block is prepared on a worker thread while
    this one is settled and classified.

    Steps back in time only decide the order when no day > 12 does, so once one has, later
    blocks skip counting them (`Pass.skipped`)."""
    evidence, got = DateEvidence(), Collected()
    order: tuple[bool, str] | None = decided.order
    pool = _block_worker()
    pending: deque[Future[Block]] = deque()
    with opener() as stream, _settled_on_exit(pending):
        blocks = _with_last(export_blocks(stream, block_bytes, cap))
        first, eof = _first_blocks(blocks)
        shape = _first_shape(lines_of(_head(first), 1)[0], decided)
        prepare, settler = _engine(decided.engine, shape)
        next_line, skipped = 1 + line_count(first), False
        # Blocks queued for the worker: two, so that a block the main thread is slow on does
        # not leave the worker idle (one more block in memory).
        pending.append(pool.submit(prepare, first, 1, eof, shape, day_first, True))
        while True:
            block = pending.popleft().result()
            evidence.add(block.dates)
            while len(pending) < PREPARED_AHEAD and not eof:
                data, eof = next(blocks)
                count = decided.count_back or evidence.first_big == evidence.second_big
                skipped |= not count
                pending.append(pool.submit(prepare, data, next_line, eof, shape, day_first, count))
                next_line += line_count(data)
            order = order or evidence.order(day_first, year_first=shape.year_first)
            done = settler.settled(block, day_first=order[0], phrases=phrases)
            collect(got, block, done, phrases, name)
            if block.eof:
                break
    assert order is not None
    final = decided.order or evidence.order(day_first, year_first=shape.year_first)
    return Pass(got, shape, order, final, evidence, skipped)


@contextmanager
def _settled_on_exit(pending: deque[Future[Block]]) -> Iterator[None]:
    """Blocks still queued when a read stops early (an error) are dropped, and the one being
    prepared is waited for: the worker outlives the read, and the next export's blocks must
    not queue behind this one's."""
    try:
        yield
    finally:
        for future in pending:
            future.cancel()
        wait(pending)


def _first_blocks(blocks: Iterator[tuple[bytes, bool]]) -> tuple[bytes, bool]:
    """The first blocks joined until they hold `SNIFF_LINES` lines, and whether that is the
    whole text."""
    first, eof = b"", True
    for data, last in blocks:
        first, eof = first + data, last
        if first.count(b"\n") >= SNIFF_LINES:
            break
    if not first:
        raise _no_header()
    return first, eof


def _engine(engine: str, shape: Shape) -> tuple[Callable[..., Block], Settler]:
    """How blocks are prepared and settled: by the compiled core or by polars."""
    if engine == "native":
        return prepared_native, NativeSettler(native.Window(shape))
    return prepared_bytes, PolarsSettler(shape)
