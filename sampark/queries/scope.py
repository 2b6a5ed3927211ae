"""Scope: every read a page makes is limited to the signed-in user's units."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sampark.access import Scope
from sampark.schema import groups, units

# The unit tree is seven levels deep (state → zone → range → district → circle → thana →
# outpost). A recursive read stops past this many, so a cycle of parents that reached the
# database past the ETL's checks ends the query instead of hanging every page of its units.
MAX_TREE_DEPTH = 12


def _subtree(root: str, name: str) -> sa.CTE:
    """The unit `root` and every unit below it, as a recursive CTE of unit_id (a unit may come
    more than once should the tree hold a cycle; readers use it with IN)."""
    tree = (
        sa.select(units.c.unit_id, sa.literal(0).label("depth"))
        .where(units.c.unit_id == root)
        .cte(name, recursive=True)
    )
    child = units.alias(f"{name}_child")
    return tree.union_all(
        sa.select(child.c.unit_id, (tree.c.depth + 1).label("depth")).where(
            child.c.parent_id == tree.c.unit_id, tree.c.depth < MAX_TREE_DEPTH
        )
    )


def in_scope(column: sa.ColumnElement[Any], scope: Scope) -> sa.ColumnElement[bool]:
    """`column` (a unit_id) lies inside `scope`; always true for the whole state."""
    if scope.root is None:
        return sa.true()
    return column.in_(sa.select(_subtree(scope.root, "scope_units").c.unit_id))


def groups_in_scope(column: sa.ColumnElement[Any], scope: Scope) -> sa.ColumnElement[bool]:
    """`column` (a group_id) belongs to a group of a unit inside `scope`."""
    if scope.root is None:
        return sa.true()
    inside = sa.select(groups.c.group_id).where(in_scope(groups.c.unit_id, scope))
    return column.in_(inside)


def ancestors(root: str) -> sa.CTE:
    """`root` and every unit above it: kept in a scoped network so levels still roll up."""
    up = (
        sa.select(units.c.unit_id, units.c.parent_id, sa.literal(0).label("depth"))
        .where(units.c.unit_id == root)
        .cte("ancestors", recursive=True)
    )
    parent = units.alias("ancestors_parent")
    return up.union_all(
        sa.select(parent.c.unit_id, parent.c.parent_id, (up.c.depth + 1).label("depth")).where(
            parent.c.unit_id == up.c.parent_id, up.c.depth < MAX_TREE_DEPTH
        )
    )
