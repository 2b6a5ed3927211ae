"""The import arrows run one way: dashboard and pages over ui, ui over sampark, etl beside ui
over sampark. Every import of every module is read (ast, so imports inside functions count too)
and one that runs back up the layers fails the test, naming the file and line."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Layer -> the top-level packages it must never import.
FORBIDDEN = {
    "sampark": {"streamlit", "ui", "pages", "etl", "dashboard"},
    "ui": {"etl", "pages", "dashboard"},
    "etl": {"ui", "pages", "dashboard", "streamlit"},
    "pages": {"etl", "pages", "dashboard"},
}


def imported_names(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every module an `import` or `from … import` names, with its line (relative imports
    are not used in this code base and would show as their bare name)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            yield node.lineno, node.module


def back_arrows(layer: str, source: str, where: str) -> list[str]:
    """The imports in `source` (the module `where` of `layer`) that run back up the layers."""
    forbidden = FORBIDDEN[layer]
    return [
        f"{where}:{line} imports {name}"
        for line, name in imported_names(ast.parse(source, filename=where))
        if name.split(".")[0] in forbidden
    ]


def modules(layer: str) -> list[Path]:
    if layer == "pages":
        return sorted((ROOT / "pages").glob("*.py"))
    return sorted((ROOT / layer).rglob("*.py"))


def test_imported_names_reads_imports_inside_functions_too():
    source = "import os\ndef f():\n    from etl.load import x\n    import ui.data\n"
    assert sorted(imported_names(ast.parse(source))) == [
        (1, "os"),
        (3, "etl.load"),
        (4, "ui.data"),
    ]


def test_a_back_arrow_is_reported_with_its_file_and_line():
    source = "import polars\nimport streamlit as st\nfrom etl.load import write_units\n"
    assert back_arrows("sampark", source, "sampark/probe.py") == [
        "sampark/probe.py:2 imports streamlit",
        "sampark/probe.py:3 imports etl.load",
    ]


def test_the_same_import_is_allowed_one_layer_up():
    assert back_arrows("ui", "import streamlit as st\nimport sampark.db\n", "ui/x.py") == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_module_imports_back_up_the_layers(layer):
    paths = modules(layer)
    assert paths, f"no modules found under {layer}"
    problems = [
        problem
        for path in paths
        for problem in back_arrows(
            layer, path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert problems == []


def test_the_dashboard_router_imports_neither_etl_nor_the_pages_directly():
    problems = [
        f"dashboard.py:{line} imports {name}"
        for line, name in imported_names(ast.parse((ROOT / "dashboard.py").read_text()))
        if name.split(".")[0] in {"etl", "pages"}
    ]
    assert problems == []
