"""The house's size rule: no Python file over 400 lines and no function over 60 lines.

Long code hides its control flow; a module named for what it holds and a function named for
what it returns read in one sitting. Every tracked Python file is read (ast, so methods and
nested functions count too) and each offender fails the test with its path and length.

The exceptions are named here, each with its reason, and kept as short as possible: a
declaration table (columns, schema, synthetic names) reads top to bottom and gains nothing from
being cut; a "pending" entry is being split by another branch and is removed when that lands.
An exception that no longer breaks the rule fails too, so the lists cannot go stale.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
# The venv and the compiled parser live at the top; caches anywhere.
SKIPPED_TOP_DIRS = {".venv", "build", "node_modules", ".git"}
SKIPPED_DIRS = {"__pycache__", ".mypy_cache", ".ruff_cache"}

# Files that may run past 400 lines: declarations, read top to bottom.
DECLARATION_FILES = {
    "sampark/schema.py": "the tables' declaration, the contract between writes and reads",
    "etl/sources/sheets/columns.py": "every input sheet's columns with their two headers",
    "etl/demo/data/names.py": "synthetic names the demo draws from",
    "etl/demo/data/ranges.py": "the demo's ranges, districts and thanas",
}

# Functions that may run past 60 lines, as (path, function name).
DECLARATION_FUNCTIONS = {
    ("migrations/versions/0001_initial_schema.py", "upgrade"): "the first schema, one table "
    "after another; a migration is frozen once applied",
}

# Left to another branch of this round, which works in the file (a split here would collide
# with its edits); the lead removes each entry at the merge once that branch has cut it.
PENDING_FILES = {}
PENDING_FUNCTIONS = {}

FILE_EXCEPTIONS = DECLARATION_FILES | PENDING_FILES
FUNCTION_EXCEPTIONS = DECLARATION_FUNCTIONS | PENDING_FUNCTIONS


def python_files() -> Iterator[Path]:
    """Every Python file of the project, outside the venv and the build output."""
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] not in SKIPPED_TOP_DIRS and not SKIPPED_DIRS.intersection(parts):
            yield path


def function_lengths(source: str, where: str) -> Iterator[tuple[str, int]]:
    """Each function's (or method's) name with its length in lines, decorators not counted."""
    for node in ast.walk(ast.parse(source, filename=where)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            yield node.name, node.end_lineno - node.lineno + 1


def long_files() -> dict[str, int]:
    """Files over the line limit, by path relative to the project."""
    found: dict[str, int] = {}
    for path in python_files():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_FILE_LINES:
            found[path.relative_to(ROOT).as_posix()] = lines
    return found


def long_functions() -> dict[tuple[str, str], int]:
    """Functions over the line limit, by (path, name)."""
    found: dict[tuple[str, str], int] = {}
    for path in python_files():
        where = path.relative_to(ROOT).as_posix()
        for name, lines in function_lengths(path.read_text(encoding="utf-8"), where):
            if lines > MAX_FUNCTION_LINES:
                found[(where, name)] = max(lines, found.get((where, name), 0))
    return found


def test_function_lengths_count_a_function_from_its_def_to_its_last_line() -> None:
    source = (
        "def short():\n    return 1\n\n\n"
        "class A:\n    def method(self):\n        x = 1\n\n        return x\n"
    )
    assert dict(function_lengths(source, "x.py")) == {"short": 2, "method": 4}


def test_no_file_is_over_400_lines_outside_the_named_exceptions() -> None:
    offenders = {path: n for path, n in long_files().items() if path not in FILE_EXCEPTIONS}
    assert offenders == {}, f"files over {MAX_FILE_LINES} lines: {offenders}"


def test_no_function_is_over_60_lines_outside_the_named_exceptions() -> None:
    offenders = {
        f"{path}::{name}": n
        for (path, name), n in long_functions().items()
        if (path, name) not in FUNCTION_EXCEPTIONS
    }
    assert offenders == {}, f"functions over {MAX_FUNCTION_LINES} lines: {offenders}"


def test_every_named_exception_still_breaks_the_rule() -> None:
    """A file or function that was split leaves the list, so the list stays as short as the
    code allows."""
    stale_files = sorted(set(FILE_EXCEPTIONS) - set(long_files()))
    stale_functions = sorted(set(FUNCTION_EXCEPTIONS) - set(long_functions()))
    assert (stale_files, stale_functions) == ([], [])
