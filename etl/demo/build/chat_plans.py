"""How each demo group's export is made and how much the group talks, planned for every group
before any chat is written, so that the totals can be scaled to the demo's target."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from datetime import date
from typing import NamedTuple

from etl.demo.build.chat_lines import Group

FORMATS = ("android", "ios", "android24", "android_hi")
_FORMAT_WEIGHTS = (45, 25, 15, 15)
_ZIP_SHARE = 0.15
_DORMANT_SHARE = 0.10
_BUSY_SHARE = 0.10

# Message volume relative to the number of members, by group kind.
_KIND_RATE = {
    "thana_public": 5.0,
    "outpost_public": 4.0,
    "circle": 12.0,
    "district_staff": 3.0,
    "women_staff": 4.0,
    "division": 4.0,
}


class ChatPlan(NamedTuple):
    fmt: str  # the phone's layout (one of FORMATS)
    as_zip: bool  # exported with media, as a .zip
    dormant: bool  # silent for over a month before the export
    volume: float  # raw message volume, before scaling to the target


def chat_plans(
    groups: Sequence[Group], rng: random.Random, dormant_before: date, active: Collection[str]
) -> list[ChatPlan]:
    """One plan per group, drawn in order from `rng`; a group created on or after
    `dormant_before` is never dormant, nor is one in `active`."""
    plans: list[ChatPlan] = []
    for g in groups:
        fmt = rng.choices(FORMATS, _FORMAT_WEIGHTS)[0]
        as_zip = rng.random() < _ZIP_SHARE
        dormant = g.created_on < dormant_before and rng.random() < _DORMANT_SHARE / 0.95
        dormant = dormant and g.group_id not in active
        busy = not dormant and rng.random() < _BUSY_SHARE
        volume = len(g.members) * _KIND_RATE.get(g.kind, 4.0) * rng.uniform(0.5, 1.5)
        volume *= 0.06 if dormant else 3.0 if busy else 1.0
        plans.append(ChatPlan(fmt, as_zip, dormant, volume))
    return plans
