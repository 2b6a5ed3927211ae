"""The demo's unit tree as the planted directives travel it: which groups speak for a unit,
the units below it, and each group's district.

A district's staff group sits on the district's police centre; for a directive it is the
district's own group (the SP's), so it is placed on the district here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from etl.demo.model import Demo, Group


@dataclass
class Tree:
    """Units and groups of one demo, for the planting and for the truth."""

    root: str
    parent: dict[str, str]
    kind: dict[str, str]
    children: dict[str, list[str]] = field(default_factory=dict)
    groups_at: dict[str, list[Group]] = field(default_factory=dict)
    group: dict[str, Group] = field(default_factory=dict)

    def chain_unit(self, g: Group) -> str:
        """The unit a group speaks for: a police centre's group speaks for its district."""
        if self.kind.get(g.unit_id) == "police_centre":
            return self.parent[g.unit_id]
        return g.unit_id

    def above(self, unit: str) -> Iterator[str]:
        """The unit and every unit above it, nearest first."""
        seen: set[str] = set()
        while unit and unit not in seen:
            seen.add(unit)
            yield unit
            unit = self.parent.get(unit, "")

    def district_of(self, g: Group) -> str | None:
        return next((u for u in self.above(g.unit_id) if self.kind.get(u) == "district"), None)

    def within(self, unit: str, scope: str) -> bool:
        return scope in self.above(unit)

    def groups_of(self, kinds: Sequence[str]) -> list[Group]:
        return [g for g in self.group.values() if g.kind in kinds]


def demo_tree(demo: Demo, chain_kinds: Sequence[str]) -> Tree:
    """The tree of `demo`, its chain groups (of `chain_kinds`) on the units they speak for."""
    parent = {u.unit_id: u.parent_id for u in demo.units if u.parent_id}
    kind = {u.unit_id: u.kind for u in demo.units}
    root = next(u.unit_id for u in demo.units if not u.parent_id)
    tree = Tree(root, parent, kind)
    for u in demo.units:
        if u.parent_id and u.kind != "police_centre":
            tree.children.setdefault(u.parent_id, []).append(u.unit_id)
    for g in demo.groups:
        if g.unit_id not in kind:
            continue
        tree.group[g.group_id] = g
        if g.kind in chain_kinds:
            tree.groups_at.setdefault(tree.chain_unit(g), []).append(g)
    return tree
