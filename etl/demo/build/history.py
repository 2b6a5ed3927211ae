"""When each demo member joined: earlier member lists, so the weekly series climbs.

A roster is its group's list on the list date, and a member joins on the date of the first list
that names them (see `sampark.store.rosters.write_roster`). So each group gets, before its
current list, a baseline list (half to two thirds of its members) some weeks before the
dashboard's half-year window, and a middle list inside it holding nearly all. Each list is a
prefix of the next; the dates differ per group, so the state's total rises week by week rather
than in one step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from etl.demo.calendar import REFERENCE

if TYPE_CHECKING:
    from etl.demo.model import Group

BASELINE_FIRST = date(2026, 4, 5)  # baseline lists: 4 to 0 weeks before the window opens
WINDOW_OPENS = date(2026, 5, 3)  # 26 weeks before the current lists (2026-11-01)
MIDDLE_FIRST = date(2026, 5, 10)  # middle lists: inside the window
MIDDLE_LAST = date(2026, 10, 25)
LIST_NAMES = ("baseline", "middle")
LIST_FILE_DATES = {"baseline": BASELINE_FIRST, "middle": MIDDLE_FIRST}


@dataclass(frozen=True)
class EarlierList:
    """One earlier list of a group: its date and how many of the group's ordered members."""

    name: str
    day: date
    size: int


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def earlier_lists(
    group: Group, rng: random.Random, current: date
) -> tuple[list[int], list[EarlierList]]:
    """(the group's members in joining order, its earlier lists, oldest first).

    Admins joined first; the rest in a shuffled order, so each list is a prefix of the next.
    """
    members = group.members
    order = [i for i, m in enumerate(members) if m.admin]
    rest = [i for i, m in enumerate(members) if not m.admin]
    rng.shuffle(rest)
    order += rest
    n = len(order)
    lists: list[EarlierList] = []
    moved = current - REFERENCE  # the fixed dates were written for lists dated REFERENCE
    start = _day_between(rng, BASELINE_FIRST + moved, WINDOW_OPENS + moved - timedelta(days=1))
    share = rng.uniform(0.5, 0.7)
    if group.created_on < start:
        lists.append(EarlierList("baseline", start, max(len(order) - len(rest), round(n * share))))
    middle = _day_between(rng, MIDDLE_FIRST + moved, MIDDLE_LAST + moved)
    if group.created_on < middle:
        # Nearly everyone is on the middle list: a group's growth shows on its middle date,
        # and those dates spread over the window, so the total climbs steadily.
        base = lists[0].size if lists else 0
        size = n - round(n * rng.uniform(0.0, 0.04))
        lists.append(EarlierList("middle", middle, max(base, size)))
    return order, lists
