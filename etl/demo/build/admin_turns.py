"""Designated admins whose standing a group's chat changes after its newest member list.

A thana sends its member list now and then, and the chat goes on: the SHO may be dismissed as
admin a few days after the list marked him admin (a new SHO's number takes over), or made
admin after a list that did not mark him (newly posted, not yet made admin when the list was
typed). The designated-admin check weighs the chat's line against the list, and the newer
wins; so for these groups Group health says "not admin" (or "admin") by the chat.

The demo's other lists are dated the build day, after every chat line. These groups' newest
lists are dated a few days earlier (after every earlier list, which ends a week before the
build day: `etl.demo.build.history`), and their chats carry the admin line after that day
(`etl.demo.build.chat_events.admin_changes`). Chosen from a stream of their own, so the rest
of the demo stays as it was.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from etl.demo.build.chat_lines import Group

DISMISSED = 3  # groups whose designated admin the chat dismisses after the newest list
MADE = 1  # groups whose newest list does not mark the SHO admin and the chat then makes him
# The newest list of such a group: this many days before the build day.
LIST_DAYS_BEFORE = (3, 6)


@dataclass(frozen=True)
class AdminTurn:
    made: bool  # True: made admin after a list that did not mark him; False: dismissed
    list_day: date  # the group's newest member list


def admin_turns(
    groups: Sequence[Group], kind: str, chats_start: date, today: date, seed: int
) -> dict[str, AdminTurn]:
    """Group id → its designated admin's turn, for a few groups of `kind` with a designated
    admin, made before the chats begin (`chats_start`, so no creation line makes the SHO
    admin inside the chat)."""
    rng = random.Random(f"{seed}|designated admins turned in the chat")
    eligible = [g for g in groups if g.kind == kind and g.admin >= 0 and g.created_on < chats_start]
    picked = rng.sample(eligible, min(DISMISSED + MADE, len(eligible)))
    return {
        g.group_id: AdminTurn(i < MADE, today - timedelta(days=rng.randint(*LIST_DAYS_BEFORE)))
        for i, g in enumerate(picked)
    }
