"""No module of etl/ (the demo included) imports, through any chain, a module that imports it
back. Imports are read with ast, so one under TYPE_CHECKING or inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def etl_imports(path: Path, known: set[str]) -> set[str]:
    """The etl modules `path` names in its imports (`from etl.x import y` is etl.x.y when y is
    a module, else etl.x)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in known:
                    found.add(sub)
                elif node.module in known:
                    found.add(node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in (ROOT / "etl").rglob("*.py")}
    known = set(paths)
    return {name: etl_imports(path, known) - {name} for name, path in paths.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each as the chain of modules that closes it."""
    found: list[list[str]] = []
    done: set[str] = set()

    def walk(name: str, chain: list[str]) -> None:
        if name in chain:
            found.append([*chain[chain.index(name) :], name])
            return
        if name in done:
            return
        for target in sorted(graph.get(name, ())):
            walk(target, [*chain, name])
        done.add(name)

    for name in sorted(graph):
        walk(name, [])
    return found


def test_circles_finds_a_circle_of_two_and_none_in_a_chain() -> None:
    assert circles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_demo_package_is_read_by_the_walk() -> None:
    graph = import_graph()
    assert "etl.demo.model" in graph["etl.demo.build.alerts"]


def test_no_import_circle_anywhere_in_etl() -> None:
    assert circles(import_graph()) == []
