"""Chat exports parsed ahead of the writer, in file order: in worker processes for a large
inbox, on one thread beside the writer for a small one.

A state's weekly inbox holds ~1,600 exports (2M messages); parsing them is most of a cold load,
so it runs on every core while the main process writes. Results come back in the order the
files were given, whatever order the workers finish in, so the same inbox always writes the
same rows under the same file ids."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from etl.chat_prints import Printed, printed_chat
from etl.results import unreadable
from etl.sources.chats.read import Chat, NamesByGroup, read_chat, read_chats
from etl.sources.whatsapp import BadExport

Directory = tuple[pl.DataFrame, NamesByGroup]
"""The groups (keyed names) and their members' names a chat is matched against."""

# Below this many bytes of exports, starting worker processes (each imports polars and the
# parser afresh) costs more than it saves.
PROCESS_MIN_BYTES = 32 * 2**20
# How far worker processes run ahead of the writer, in bytes of exports: a parsed export
# (without its text) takes about as much memory as the file, and a state's register sheets
# load in the time the workers parse about this much.
AHEAD_BYTES = 64 * 2**20
# Exports parsed together (`parse_exports`): the phrase tables' fixed cost per call was about
# 15 ms of the ~45 ms of CPU a state's average export (~125 KB) took alone. A batch is written
# only once all of it is parsed, so it stays small next to the bytes ahead.
BATCH_FILES = 16
BATCH_BYTES = 2 * 2**20

# The directory a worker process matches chats against, set once when it starts.
_directory: Directory | None = None


def read_chat_or_reason(
    path: Path, directory: Directory, keep_text: bool, pepper: bytes | None = None
) -> Printed | str:
    """The parsed chat with its fingerprints (None without a pepper), or why the whole file
    is refused. The text is read for the fingerprints and dropped unless kept."""
    groups, names = directory
    try:
        chat = read_chat(path, groups, names, keep_text=keep_text or pepper is not None)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # no error while reading one export may stop the run
        return _reason(exc)
    return _printed_or_reason(chat, keep_text, pepper)


def read_chats_or_reasons(
    paths: list[Path], directory: Directory, keep_text: bool, pepper: bytes | None = None
) -> list[Printed | str]:
    """`read_chat_or_reason` of each path, in order, the exports parsed together
    (`read_chats`); should that fail as a whole, each is read alone."""
    groups, names = directory
    try:
        chats = read_chats(paths, groups, names, keep_text=keep_text or pepper is not None)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # no error of the batch may refuse the exports that read well
        return [read_chat_or_reason(path, directory, keep_text, pepper) for path in paths]
    return [
        _reason(chat)
        if isinstance(chat, Exception)
        else _printed_or_reason(chat, keep_text, pepper)
        for chat in chats
    ]


def _printed_or_reason(chat: Chat, keep_text: bool, pepper: bytes | None) -> Printed | str:
    try:
        return printed_chat(chat, pepper, keep_text=keep_text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # no error while printing one export may stop the run
        return _reason(exc)


def _reason(exc: BaseException) -> str:
    """Why an export is refused: the parser's own message for what it refuses, else only the
    error's kind (an unexpected error's message may quote the chat)."""
    if isinstance(exc, (LookupError, ValueError, BadExport)):
        return str(exc)
    return unreadable(exc)


def _start_worker(directory: Directory) -> None:
    global _directory
    _directory = directory


def _read_in_worker(
    paths: list[Path], keep_text: bool, pepper: bytes | None
) -> list[Printed | str]:
    if _directory is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker started without the group directory")
    return read_chats_or_reasons(paths, _directory, keep_text, pepper)


def worker_count(paths: list[Path], cores: int | None = None) -> int:
    """How many processes parse: one per core for an inbox worth it, else 0 (a thread)."""
    cores = cores or os.cpu_count() or 1
    if cores < 2 or len(paths) < 2:
        return 0
    size = sum(p.stat().st_size for p in paths)
    return cores if size >= PROCESS_MIN_BYTES else 0


@contextmanager
def _one_thread_polars() -> Iterator[None]:
    """Worker processes started meanwhile run polars on one thread each: the workers already
    fill the cores, and a pool of polars threads per worker would only fight over them."""
    before = os.environ.get("POLARS_MAX_THREADS")
    os.environ["POLARS_MAX_THREADS"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("POLARS_MAX_THREADS", None)
        else:
            os.environ["POLARS_MAX_THREADS"] = before


def _executor(directory: Directory, workers: int) -> Executor:
    if workers <= 0:
        return ThreadPoolExecutor(max_workers=1)
    # spawn, not fork: the parent already runs polars' and SQLAlchemy's threads.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(directory,),
    )


@contextmanager
def parsing_ahead(
    chats: list[tuple[Path, str]],
    directory: Directory,
    *,
    keep_text: bool,
    workers: int,
    pepper: bytes | None = None,
    ahead_bytes: int = AHEAD_BYTES,
    first: Callable[[Executor], None] | None = None,
) -> Iterator[Iterator[tuple[Path, str, Printed | str]]]:
    """Start parsing the exports now; within, an iterator of each (path, sha, parsed chat
    with its prints, or refusal reason), in the order given.

    The exports go to the parsers in batches of consecutive files (`batches`). Worker
    processes run ahead of the writer by up to `ahead_bytes` of exports (at least two batches
    per worker), so the work done between entering and reading the first result (a state's
    register sheets) overlaps the parse. A thread keeps two batches ahead. Memory holds that
    much parsed, never the inbox. `first` is handed the pool before any export is given to
    it, to give it work that must be done before theirs. Leaving early (an error in the
    writer) cancels what has not started."""
    fewest = max(2, 2 * workers)
    budget = ahead_bytes if workers > 0 else 0
    window: deque[tuple[list[tuple[Path, str]], int, Future[list[Printed | str]]]] = deque()
    pending = batches(chats, BATCH_FILES, BATCH_BYTES)
    held = 0
    pool = _executor(directory, workers)

    def top_up() -> None:
        nonlocal held
        while (batch := next(pending, None)) is not None:
            paths = [path for path, _ in batch]
            size = sum(path.stat().st_size for path in paths)
            future = _parse_batch(pool, workers, paths, directory, keep_text, pepper)
            window.append((batch, size, future))
            held += size
            if len(window) >= fewest and held >= budget:
                return

    def in_order() -> Iterator[tuple[Path, str, Printed | str]]:
        nonlocal held
        while window:
            batch, size, future = window.popleft()
            held -= size
            results = future.result()
            if len(window) < fewest or held < budget:
                top_up()
            for (path, sha), result in zip(batch, results, strict=True):
                yield path, sha, result

    try:
        with _one_thread_polars():  # the processes start at the first submissions
            if first is not None:
                first(pool)
            top_up()
        yield in_order()
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _parse_batch(
    pool: Executor,
    workers: int,
    paths: list[Path],
    directory: Directory,
    keep_text: bool,
    pepper: bytes | None,
) -> Future[list[Printed | str]]:
    """The batch given to a worker process (which holds the directory) or to the thread."""
    if workers > 0:
        return pool.submit(_read_in_worker, paths, keep_text, pepper)
    return pool.submit(read_chats_or_reasons, paths, directory, keep_text, pepper)


def batches(
    chats: list[tuple[Path, str]], files: int, size: int
) -> Iterator[list[tuple[Path, str]]]:
    """The exports in runs of consecutive files, each run up to `files` files and closed once
    it holds `size` bytes (a large export goes alone)."""
    batch: list[tuple[Path, str]] = []
    held = 0
    for path, sha in chats:
        batch.append((path, sha))
        held += path.stat().st_size
        if len(batch) >= files or held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch
