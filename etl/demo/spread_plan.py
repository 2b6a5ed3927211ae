"""Where and when the demo plants its directives and rumours, before any chat is written.

A directive is issued at the apex (the register's time, or an officer's first post in the apex
or a district staff group) and forwarded down the tree: each group gets it some minutes to days
after the nearest group above it. Some chains stall at a district or a circle (its own groups
get it, nothing below does), and now and then one group never gets it. A rumour is first sent
by a member of the public and forwarded across public groups; some spread wide and fast (a
rumour by the profile's rule), some stay in one district or crawl over days (not a rumour), and
some are answered by the police in a share of the groups it reached.

All times are whole minutes, in seconds after the chats' first day, so every layout writes them
exactly. Everything random comes from the plan's own stream: the rest of the demo draws the
same numbers with or without the plants."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from etl.demo.build.chat_lines import DAYS
from etl.demo.model import Group
from etl.demo.spread_texts import DIRECTIVES, edited_copy
from etl.demo.spread_tree import Tree

_MISS = 0.02  # a group that never gets a directive although the group above did


@dataclass(frozen=True)
class Line:
    """A planted message: `sender` "officer" (SI and above), "police" or "public"."""

    ts: int
    sender: str
    text: str
    tag: str


@dataclass
class Directive:
    tag: str
    key: str | None  # the register's id; None: found only in the chats
    issued: int
    scope: str | None  # the unit it is meant for (None: the whole state)
    text: str
    lang: str
    source: str | None = None  # the group of the first post, for one found without the register
    stall_at: list[str] = field(default_factory=list)


@dataclass
class SpreadPlan:
    lines: dict[str, list[Line]] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    rumours: list[dict[str, object]] = field(default_factory=list)

    def put(self, g: Group, line: Line) -> None:
        self.lines.setdefault(g.group_id, []).append(line)


def minutes(rng: random.Random, lo: int, hi: int) -> int:
    return 60 * rng.randint(lo, hi)


def forward_delay(rng: random.Random) -> int:
    """Minutes to days: most forwards within the hour or two, some the same day, a few days."""
    r = rng.random()
    if r < 0.7:
        return minutes(rng, 2, 90)
    if r < 0.92:
        return minutes(rng, 91, 12 * 60)
    return minutes(rng, 12 * 60, 3 * 24 * 60)


def office_time(rng: random.Random, first_day: int, last_day: int) -> int:
    """A whole minute between 09:00 and 18:59 on a day in [first_day, last_day]."""
    return rng.randint(first_day, last_day) * 86400 + minutes(rng, 9 * 60, 18 * 60 + 59)


def _send_down(
    plan: SpreadPlan,
    tree: Tree,
    d: Directive,
    unit: str,
    t_above: int,
    rng: random.Random,
) -> None:
    """The unit's chain groups get the directive after the nearest group above; then the units
    below, unless the chain stalls here."""
    here = tree.groups_at.get(unit, [])
    t_next = t_above
    if here:
        times = []
        for g in here:
            if g.group_id == d.source:
                times.append(d.issued)
                continue
            if rng.random() < _MISS:
                continue
            t = t_above + forward_delay(rng)
            plan.put(g, Line(t, "police", edited_copy(d.text, rng), d.tag))
            times.append(t)
        if not times or unit in d.stall_at:
            return
        t_next = min(times)
    for child in tree.children.get(unit, []):
        _send_down(plan, tree, d, child, t_next, rng)


def _stall_points(tree: Tree, scope: str, rng: random.Random) -> list[str]:
    """A district (one time in three) and a circle or two (one time in two) where the chain
    stops: their own groups get it, the units below do not."""
    units = [u for u in tree.groups_at if tree.within(u, scope) and u != scope]
    districts = [u for u in units if tree.kind.get(u) == "district"]
    circles = [u for u in units if tree.kind.get(u) == "circle"]
    out = []
    if districts and rng.random() < 1 / 3:
        out.append(rng.choice(districts))
    if circles and rng.random() < 0.5:
        out += rng.sample(circles, min(len(circles), rng.randint(1, 2)))
    return out


def plant_directive(plan: SpreadPlan, tree: Tree, d: Directive, rng: random.Random) -> None:
    """The directive's copies down the tree from its scope (the state: from the apex)."""
    scope = d.scope or tree.root
    d.stall_at = _stall_points(tree, scope, rng)
    if d.source is not None:
        plan.put(tree.group[d.source], Line(d.issued, "officer", d.text, d.tag))
    plan.directives.append(d)
    _send_down(plan, tree, d, scope, d.issued, rng)


def directive_text(n: int, lang: str, place: tuple[str, str]) -> str:
    en, hi = DIRECTIVES[n % len(DIRECTIVES)]
    text = hi if lang == "hi" else en
    return text.replace("{place}", place[1] if lang == "hi" else place[0])


def last_issue_day() -> int:
    """The last day a directive is issued on: a week before the export, so most chains end."""
    return DAYS - 7
