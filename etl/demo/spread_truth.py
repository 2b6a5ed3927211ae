"""The truth of the demo's planted directives and rumours, from what the chats received.

Worked out here in plain Python from the plan and the lines actually written (a line whose
group did not exist yet, or had gone silent, or had no one to post it, was not written), with
the definitions of the issue: a directive's target groups (the profile's kinds, in its scope),
its first arrival in each, T50 / T90 / T100 (the delay by which that share of the targets had
it, none while fewer had), the targets never reached and the stalled units (a chain unit in
scope whose groups never got it while the nearest chain unit above did, or is out of scope);
a rumour's groups and districts, in all and within the window, and its answer's groups.
Times are IST, to the minute ("YYYY-MM-DD HH:MM"); delays in minutes."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any, Protocol

from etl.demo.model import Demo
from etl.demo.spread_plan import Directive, SpreadPlan
from etl.demo.spread_tree import Tree
from sampark.targets import SpreadRules


class DemoSpread(Protocol):
    """What the truth reads of a planted demo (etl.demo.spread.DemoSpread, which imports this
    module, so it is named by its shape here)."""

    demo: Demo
    rules: SpreadRules
    tree: Tree
    plan: SpreadPlan
    written: dict[str, list[tuple[str, int]]]

    def at(self, ts: int) -> datetime: ...


SOURCE_KINDS = ("apex", "district_staff")


def _first(copies: list[tuple[str, int]]) -> dict[str, int]:
    first: dict[str, int] = {}
    for g, ts in copies:
        first[g] = min(first.get(g, ts), ts)
    return first


def quantile(delays: list[int | None], share: float) -> int | None:
    """The delay of the ⌈share × n⌉-th target (never-reached ones last, as None)."""
    if not delays:
        return None
    return delays[max(math.ceil(len(delays) * share), 1) - 1]


def _stalled(s: DemoSpread, never: list[str], reached: set[str], scope: str) -> list[str]:
    tree = s.tree
    kinds = (*s.rules.chain, *s.rules.directive_targets)
    chain = {tree.chain_unit(g) for g in tree.group.values() if g.kind in kinds}
    out: set[str] = set()
    for gid in never:
        for u in tree.above(tree.group[gid].unit_id):
            if not tree.within(u, scope):
                break
            if u not in chain or u in reached:
                continue
            parent = next((a for a in list(tree.above(u))[1:] if a in chain), None)
            if parent is None or not tree.within(parent, scope) or parent in reached:
                out.add(u)
    return sorted(out)


def _below(s: DemoSpread, first: dict[str, int], scope: str, issued: int) -> int:
    """Groups of units below `scope` that had it after it was issued."""
    tree = s.tree
    return sum(
        1
        for g, ts in first.items()
        if ts > issued
        and tree.group[g].unit_id != scope
        and tree.within(tree.group[g].unit_id, scope)
    )


def directive_truth(s: DemoSpread, d: Directive) -> dict[str, Any] | None:
    """One directive's truth; None for one found without the register of which not one copy
    was written (a registered one is in the register all the same)."""
    tree = s.tree
    copies = s.written.get(d.tag, [])
    if not copies and d.key is None:
        return None
    first = _first(copies)
    issued, source = d.issued, d.source
    if d.key is None:  # found in the chats: issued at its first post
        source, issued = min(copies, key=lambda c: (c[1], c[0]))
    scope = d.scope or tree.root
    targets = sorted(
        g.group_id
        for g in tree.groups_of(s.rules.directive_targets)
        if tree.within(g.unit_id, scope)
    )
    arrived = {g: first[g] for g in targets if g in first}
    never = [g for g in targets if g not in arrived]
    delays: list[int | None] = [*sorted((ts - issued) // 60 for ts in arrived.values())]
    delays += [None] * len(never)
    reached = {tree.chain_unit(tree.group[g]) for g in first}
    found_rule = d.key is not None or (
        source is not None
        and source == d.source
        and tree.group[source].kind in SOURCE_KINDS
        and _below(s, first, tree.chain_unit(tree.group[source]), issued) >= 2
    )
    return {
        "tag": d.tag,
        "key": d.key,
        "registered": d.key is not None,
        "found_rule": found_rule,
        "issued_at": f"{s.at(issued):%Y-%m-%d %H:%M}",
        "source_group": source,
        "unit_id": d.scope,
        "lang": d.lang,
        "stall_at": d.stall_at,
        "reached": {g: f"{s.at(ts):%Y-%m-%d %H:%M}" for g, ts in sorted(first.items())},
        "targets": targets,
        "arrivals": {g: f"{s.at(ts):%Y-%m-%d %H:%M}" for g, ts in arrived.items()},
        "never": never,
        "stalled_units": _stalled(s, never, reached, scope),
        "t50_min": quantile(delays, 0.5),
        "t90_min": quantile(delays, 0.9),
        "t100_min": quantile(delays, 1.0),
    }


def rumour_truth(s: DemoSpread, record: dict[str, object]) -> dict[str, Any] | None:
    """One planted rumour's truth (and whether the profile's rule calls it one)."""
    tree, rules = s.tree, s.rules
    copies = s.written.get(str(record["tag"]), [])
    if not copies:
        return None
    first_group, first_ts = min(copies, key=lambda c: (c[1], c[0]))
    first = _first(copies)
    window = int(rules.rumour_window_hours * 3600)
    early = [g for g, ts in first.items() if ts <= first_ts + window]

    def districts(gs: list[str]) -> list[str]:
        return sorted({d for g in gs if (d := tree.district_of(tree.group[g])) is not None})

    answer = _first(
        [(g, ts) for g, ts in s.written.get(str(record.get("answer", "")), []) if g in first]
    )
    return {
        **record,
        "first_group": first_group,
        "first_seen": f"{s.at(first_ts):%Y-%m-%d %H:%M}",
        "groups": {g: f"{s.at(ts):%Y-%m-%d %H:%M}" for g, ts in sorted(first.items())},
        "districts": districts(list(first)),
        "groups_in_window": len(early),
        "districts_in_window": len(districts(early)),
        "is_rumour": len(early) >= rules.rumour_groups
        and len(districts(early)) >= rules.rumour_districts,
        "answer_groups": {
            g: f"{s.at(ts):%Y-%m-%d %H:%M}" for g, ts in sorted(answer.items()) if ts >= first_ts
        },
    }


def spread_truth(s: DemoSpread) -> dict[str, Any]:
    directives = [t for d in s.plan.directives if (t := directive_truth(s, d)) is not None]
    rumours = [t for r in s.plan.rumours if (t := rumour_truth(s, r)) is not None]
    return {
        "state": s.demo.shape.state,
        "today": s.demo.calendar.today.isoformat(),
        "rules": {
            "directive_targets": list(s.rules.directive_targets),
            "chain": list(s.rules.chain),
            "rumour_groups": s.rules.rumour_groups,
            "rumour_districts": s.rules.rumour_districts,
            "rumour_window_hours": s.rules.rumour_window_hours,
        },
        "directives": directives,
        "rumours": rumours,
    }
