"""A page's figures and tables remembered between clicks: built once per builder and inputs,
not on every run of every officer.

A warm page view at state scale spent most of its time building plotly figures (every trace
and layout property is validated as it is set; the house style alone copies the template)
and turning tables into text for the screen, over frames the cached loaders hand out
unchanged. `answer(build, *args)` keeps `build(*args)`:

- keyed by where `build` is defined (file, line, name) and by each argument: a value that
  cannot change by its value (a language, a level, a date, a run's key with its scope), a
  polars frame or a frozen dataclass holding frames (a coverage overview) by the object
  itself. The loaders share one frame object per database, data version and scope
  (ui/loaders/run.py), so the same object means the same data; a load or another scope gives
  other objects, hence another answer. The entry holds its arguments, so an object's id
  cannot be reused while the answer lives.
  A tuple, list or dict is keyed by what it holds when asked (a changed list is another key).
- never for a closure or a lambda (what it captures is not in the key) nor for an argument of
  any other kind (a plain object, a set): those are built every time, as before.
- answers are shared, so they must not change: polars frames and Arrow tables cannot be
  changed in place; a plotly figure can, so figures are remembered only by
  `ui/charts.chart`, which draws the figure without handing it to the page (Streamlit's
  plotly_chart copies it, `to_dict`, before serialising it).

Safe because frames are never changed in place (tests/test_memo.py keeps that so); the
promise that no answer crosses scopes is tests/ui/test_remembered.py."""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date, time, timedelta
from enum import Enum
from types import FunctionType
from typing import Any, TypeVar

import polars as pl

R = TypeVar("R")

# Figures and display tables of every page for every scope in use (fifty officers of their own
# units, a dozen per page each); most are of one district or thana and small.
KEPT = 1024

_ANSWERS: OrderedDict[tuple[Hashable, ...], tuple[tuple[Any, ...], Any]] = OrderedDict()
_LOCK = threading.Lock()


# Values that cannot change: kept by value.
_VALUES = (str, int, float, bool, type(None), date, time, timedelta, Enum)


def _frozen(arg: object) -> bool:
    return (
        dataclasses.is_dataclass(arg)
        and not isinstance(arg, type)
        and type(arg).__dataclass_params__.frozen  # type: ignore[attr-defined]
    )


def _part(arg: object) -> Hashable | None:
    """The key part of one argument, or None when the argument cannot be keyed safely."""
    if isinstance(arg, pl.DataFrame | pl.Series):
        return ("object", id(arg))
    if isinstance(arg, FunctionType):  # a builder handed on (ui/charts)
        return _where(arg)
    if isinstance(arg, _VALUES):  # datetime is a date
        return ("value", type(arg).__qualname__, arg)
    if isinstance(arg, tuple | list | dict):
        # By what it holds now: were a list or dict changed later, its key would change too.
        items = [*arg.keys(), *arg.values()] if isinstance(arg, dict) else list(arg)
        parts = tuple(_part(a) for a in items)
        return None if any(p is None for p in parts) else (type(arg).__name__, parts)
    if _frozen(arg):
        try:  # a frozen dataclass of values (a run's key, a scope) is its value
            hash(arg)
        except TypeError:  # one holding frames (an overview) is that object
            return ("object", id(arg))
        return ("value", type(arg).__qualname__, arg)
    return None


def _where(build: object) -> Hashable | None:
    """Where a function is defined, or None for a lambda or a closure (what it captures is
    in no key) or anything else."""
    if not isinstance(build, FunctionType) or build.__closure__ or "<" in build.__qualname__:
        return None
    return (
        "function",
        build.__code__.co_filename,
        build.__code__.co_firstlineno,
        build.__qualname__,
    )


def key_of(build: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Hashable, ...] | None:
    """The key of `build(*args)`, or None when it must be built every time."""
    parts = [_where(build), *(_part(a) for a in args)]
    return None if any(p is None for p in parts) else tuple(parts)


def answer(build: Callable[..., R], *args: Any) -> R:
    """`build(*args)`, remembered for the same builder and the same inputs (see the module)."""
    key = key_of(build, args)
    if key is None:
        return build(*args)
    with _LOCK:
        held = _ANSWERS.get(key)
        if held is not None:  # its objects are alive (held here), so their ids are theirs
            _ANSWERS.move_to_end(key)
            return held[1]  # type: ignore[no-any-return]
    made = build(*args)
    with _LOCK:
        _ANSWERS[key] = (args, made)
        _ANSWERS.move_to_end(key)
        while len(_ANSWERS) > KEPT:
            _ANSWERS.popitem(last=False)
    return made


def forget() -> None:
    """Drop every remembered answer (tests; a data load makes new frames anyway)."""
    with _LOCK:
        _ANSWERS.clear()
