"""The demo's rumours: first sent by a member of the public, forwarded across public groups;
some answered by the police (a message in some of the groups, or a registered directive).

Four shapes, so the detection has something to find and something to leave alone:
- "rumour": ≥ k groups across ≥ m districts within the window (the profile's rule);
- "local": as many groups, all in one district;
- "slow": as many groups, but one every half day or more;
- "small": two or three groups.
Each forward follows the one before it by at least a minute, so the first sighting is one."""

from __future__ import annotations

import random

from etl.demo.model import Group
from etl.demo.spread_plan import Directive, Line, SpreadPlan, minutes, plant_directive
from etl.demo.spread_texts import RUMOURS, edited_copy
from etl.demo.spread_tree import Tree

PUBLIC_KINDS = ("thana_public", "outpost_public", "circle")


def _spaced(rng: random.Random, start: int, n: int, shape: str, window: int) -> list[int]:
    """n forward times from `start`: within the window for a rumour (a few stragglers later),
    half a day or more apart for a slow one."""
    times = [start]
    for i in range(1, n):
        if shape == "slow":
            step = minutes(rng, 13 * 60, 30 * 60)
        elif times[-1] - start > window * 0.6 or (shape == "rumour" and i > 8):
            step = minutes(rng, 60, 36 * 60)
        else:
            step = minutes(rng, 1, max(2, window // 60 // n))
        times.append(times[-1] + step)
    return times


def _rumour_groups(
    tree: Tree, public: list[Group], shape: str, rng: random.Random, k: int, m: int
) -> list[Group]:
    """The groups a rumour reaches, in the order it reaches them."""
    by_district: dict[str | None, list[Group]] = {}
    for g in public:
        by_district.setdefault(tree.district_of(g), []).append(g)
    if shape == "small":
        return rng.sample(public, rng.randint(2, min(3, k - 1)))
    if shape == "local":
        big = [gs for d, gs in by_district.items() if d is not None and len(gs) >= k + 1]
        if not big:
            return []
        gs = rng.choice(big)
        return rng.sample(gs, rng.randint(k, len(gs)))
    n = min(len(public), rng.randint(k + 1, k + 9))
    chosen = rng.sample(public, n)
    if len({tree.district_of(g) for g in chosen[:k]} - {None}) < m:
        return []  # too few districts in the demo to make this one a rumour
    return chosen


def plant_rumour(
    plan: SpreadPlan,
    tree: Tree,
    n: int,
    shape: str,
    rng: random.Random,
    rules: tuple[int, int, int],
) -> None:
    """One rumour of `shape` (its story and language from `n`), and its answer."""
    k, m, window = rules
    public = tree.groups_of(PUBLIC_KINDS)
    groups = _rumour_groups(tree, public, shape, rng, k, m)
    if not groups:
        return
    story, lang = divmod(n, 2)
    claim, answer = RUMOURS[story % len(RUMOURS)]
    text = claim[lang]
    start = rng.randint(3, 70) * 86400 + minutes(rng, 7 * 60, 21 * 60)
    tag = f"r{n}"
    times = _spaced(rng, start, len(groups), shape, window)
    for i, (g, ts) in enumerate(zip(groups, times, strict=True)):
        plan.put(g, Line(ts, "public", text if i == 0 else edited_copy(text, rng), tag))
        if rng.random() < 0.25:  # a second member forwards it there too
            plan.put(g, Line(ts + minutes(rng, 5, 600), "public", edited_copy(text, rng), tag))
    lang_code = ("en", "hi")[lang]
    record: dict[str, object] = {"tag": tag, "shape": shape, "story": story, "lang": lang_code}
    r = rng.random() if shape == "rumour" else 1.0
    if r < 0.55:
        _answer_by_message(plan, groups, times, answer[lang], f"a{n}", rng)
        record["answer"] = f"a{n}"
    elif r < 0.75:
        issued = start + minutes(rng, 90, 360)
        d = Directive(f"d-a{n}", f"PHQ/R/{n:02d}", issued, None, answer[lang], lang_code)
        plant_directive(plan, tree, d, rng)
        record["answer"] = d.tag
    plan.rumours.append(record)


def _answer_by_message(
    plan: SpreadPlan,
    groups: list[Group],
    times: list[int],
    text: str,
    tag: str,
    rng: random.Random,
) -> None:
    """The police answer posted in a share of the rumour's groups, after it arrived there."""
    share = rng.uniform(0.3, 0.95)
    answered = sorted(
        (
            (ts + minutes(rng, 20, 8 * 60), g)
            for g, ts in zip(groups, times, strict=True)
            if rng.random() < share
        ),
        key=lambda a: (a[0], a[1].group_id),
    )
    for i, (ts, g) in enumerate(answered):
        plan.put(g, Line(ts + 60 * i, "police", text if i == 0 else edited_copy(text, rng), tag))
