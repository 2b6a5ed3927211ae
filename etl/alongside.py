"""Work on a thread of its own beside a load's last steps, its error raised when it is done.

A state's cold load ends with two long steps that need each other's data but not each other's
result: the deferred indexes are built (SQLite or PostgreSQL at work, this process's main
thread waiting on it) and the Response figures are worked out from the loaded register (polars
at work). Side by side they take the longer of the two, not the sum."""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType


class Alongside:
    """A context in which `start(work)` runs `work` on a thread. Leaving the context waits for
    the thread and raises what `work` raised, unless the context is left by an error of its
    own (that one goes on up; the thread is still waited for, so nothing outlives the run)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, work: Callable[[], None]) -> None:
        if self._thread is not None:
            raise RuntimeError("Alongside runs one piece of work")

        def run() -> None:
            try:
                work()
            except BaseException as exc:  # raised in the caller's thread on leaving
                self._error = exc

        self._thread = threading.Thread(target=run, name="etl-alongside", daemon=True)
        self._thread.start()

    def __enter__(self) -> Alongside:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None and exc is None:
            raise self._error
