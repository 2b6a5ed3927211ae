"""Remembering a pure function's answer for the same frame object.

A page asks for the same unit tree walk many times in one view (the scope picker, the
tables' names, the scoped network, the stories' district filter), each time over the very
frame the cached loader handed out. The walk joins every unit of a state six or eight times;
doing it once per frame object, not once per call, is most of a warm page view's work saved.

Keyed by the identity of the first argument (a polars DataFrame or a frozen dataclass of
frames, which cannot be hashed) and the value of the others. Each entry holds the frame
itself, so its id cannot be reused by another object while the entry lives. Safe only
because the frames are never changed in place: Sampark builds new frames (`with_columns`,
`join`...) and never calls polars' in-place methods (tests/test_frames_immutable.py keeps
that so)."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
F = TypeVar("F")
R = TypeVar("R")


def by_frame(
    kept: int = 256,
) -> Callable[[Callable[Concatenate[F, P], R]], Callable[Concatenate[F, P], R]]:
    """Decorator: the answer of `fn(frame, *args)` kept for the same `frame` object and equal
    (hashable) `args`; the `kept` newest answers are held."""

    def decorate(fn: Callable[Concatenate[F, P], R]) -> Callable[Concatenate[F, P], R]:
        answers: OrderedDict[tuple[Hashable, ...], tuple[Any, R]] = OrderedDict()
        lock = threading.Lock()

        def remembered(frame: F, /, *args: P.args, **kwargs: P.kwargs) -> R:
            key = (id(frame), *args, *sorted(kwargs.items()))
            with lock:
                held = answers.get(key)
                if held is not None and held[0] is frame:
                    answers.move_to_end(key)
                    return held[1]
            answer = fn(frame, *args, **kwargs)
            with lock:
                answers[key] = (frame, answer)
                answers.move_to_end(key)
                while len(answers) > kept:
                    answers.popitem(last=False)
            return answer

        functools.update_wrapper(remembered, fn)  # name, docstring (doctests), module
        return remembered

    return decorate
