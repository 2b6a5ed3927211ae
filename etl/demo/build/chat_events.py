"""The system lines of one demo chat besides its posts: who joined (added in batches or through
the invite link) and left or was removed, and the rest of what a group's export shows: members
made admin and dismissed as admin again, a pinned message, changed security codes,
disappearing messages turned on, the group's settings changed. The
wording is the layout's (`etl.demo.data.locale_lines`), so a Hindi phone's export holds
every one of them in Hindi."""

from __future__ import annotations

import random

from etl.demo.build.chat_lines import ChatLines, Person
from etl.demo.data.texts import Phrases, subjects_text

# Chance that a chat shows each event at all.
_ADMIN_MADE = 0.6
_PINNED = 0.4
_SECURITY = 0.7
_DISAPPEARING = 0.2
_DISMISSED = 0.3  # of the chats with members made admin: one of them dismissed again
# The designated admin dismissed at random: the designated-admin check weighs the line against
# the roster's flag, and the demo's lists are dated after its chats, so theirs wins. The groups
# whose newest list is older (`etl.demo.build.admin_turns`) get a line the chat wins with.
_ADMIN_LOST = 0.04
_SETTINGS = 0.3


def membership_lines(
    c: ChatLines, ph: Phrases, cast: list[Person], t0: int, rng: random.Random
) -> None:
    """Joins (additions by the admin in small batches, one line naming them all, and invite
    links) and departures."""
    admin = cast[0]
    added = sorted((p for p in cast[1:] if p.how == "added"), key=lambda p: p.join)
    i = 0
    while i < len(added):
        size = min(rng.choice((1, 1, 1, 1, 2, 2, 3, 5)), ph.added_max)
        if added[i].join < t0 + 900:  # the creation burst: long lists
            size = min(rng.randint(3, 8), ph.added_max)
        batch = added[i : i + size]
        for p in batch:
            p.join = batch[0].join
        subjects = subjects_text([p.shown for p in batch], ph.and_word)
        c.system(batch[0].join, 0, ph.added.format(actor=admin.shown, subjects=subjects))
        i += size
    for p in cast:
        if p.how == "link":
            c.system(p.join, 0, ph.joined.format(subject=p.shown))
        if p.leave >= 0:
            if p.leave_how == "left" or p is admin:
                c.system(p.leave, 2, ph.left.format(subject=p.shown))
            else:
                c.system(p.leave, 2, ph.removed.format(actor=admin.shown, subject=p.shown))


def _present(p: Person, t0: int, t_end: int) -> tuple[int, int]:
    """The seconds between which `p` is in the group."""
    return max(p.join, t0) + 120, (p.leave if p.leave >= 0 else t_end) - 120


def more_system_lines(
    c: ChatLines,
    ph: Phrases,
    cast: list[Person],
    t0: int,
    t_end: int,
    rng: random.Random,
    turned: tuple[bool, int] | None = None,
) -> None:
    """Admins made, a message pinned, security codes changed, disappearing messages on: each
    in a share of chats, each while the people it names are in the group. `turned`: (made,
    second of the newest member list's day) of a group whose chat makes or dismisses the
    designated admin after that list."""
    admin = cast[0]
    staying = [p for p in cast[1:] if _present(p, t0, t_end)[0] < _present(p, t0, t_end)[1]]
    police = [p for p in staying if p.police and p.role == "member"]
    made: list[tuple[Person, int]] = []
    if ph.admin_made and police and rng.random() < _ADMIN_MADE:
        for p in rng.sample(police, min(len(police), rng.randint(1, 2))):
            lo, hi = _present(p, t0, t_end)
            at = rng.randint(lo, min(hi, lo + 2 * 86400))
            c.system(at, 0, ph.admin_made.format(subject=p.shown))
            made.append((p, at))
    if ph.pinned and t_end - t0 > 86400 and rng.random() < _PINNED:
        c.system(rng.randint(t0 + 3600, t_end - 60), 0, ph.pinned.format(actor=admin.shown))
    if ph.security and staying and rng.random() < _SECURITY:
        for p in rng.sample(staying, min(len(staying), rng.randint(1, 3))):
            lo, hi = _present(p, t0, t_end)
            c.system(rng.randint(lo, hi), 0, ph.security.format(subject=p.shown))
    if ph.disappearing and t_end - t0 > 86400 and rng.random() < _DISAPPEARING:
        at = rng.randint(t0 + 3600, t_end - 60)
        c.system(at, 0, ph.disappearing.format(actor=admin.shown))
    # Drawn apart from the chat's own stream, so the lines above stay as they were.
    own = random.Random(f"{c.group_name}|{t0}|admins and settings")
    admin_changes(c, ph, admin, made, t0, t_end, own, turned)


def admin_changes(
    c: ChatLines,
    ph: Phrases,
    admin: Person,
    made: list[tuple[Person, int]],
    t0: int,
    t_end: int,
    rng: random.Random,
    turned: tuple[bool, int] | None = None,
) -> None:
    """A member made admin dismissed again, now and then the designated admin dismissed, and
    the group's settings changed by its admin: each in a share of chats; last, the designated
    admin's turn after the newest member list (`turned`), if the group has one."""
    if ph.admin_dismissed and made and rng.random() < _DISMISSED:
        p, at = rng.choice(made)
        hi = _present(p, t0, t_end)[1]
        if at + 3600 < hi:
            c.system(rng.randint(at + 3600, hi), 0, ph.admin_dismissed.format(subject=p.shown))
    lo, hi = _present(admin, t0, t_end)
    if ph.admin_dismissed and lo + 86400 < hi and rng.random() < _ADMIN_LOST:
        at = rng.randint(lo + 86400, hi)
        if turned is None:  # a turned group's latest word on its SHO is the turn itself
            c.system(at, 0, ph.admin_dismissed.format(subject=admin.shown))
    if ph.settings and t_end - t0 > 86400 and rng.random() < _SETTINGS:
        at = rng.randint(t0 + 3600, t_end - 60)
        c.system(at, 0, ph.settings.format(actor=admin.shown))
    if turned is not None:
        _admin_turn(c, ph, admin, turned, t_end, rng)


def _admin_turn(
    c: ChatLines,
    ph: Phrases,
    admin: Person,
    turned: tuple[bool, int],
    t_end: int,
    rng: random.Random,
) -> None:
    """The designated admin made or dismissed as admin in the days after the group's newest
    member list (from the morning after it, so not on the list's own day), before the export."""
    made, list_day = turned
    phrase = ph.admin_made if made else ph.admin_dismissed
    if phrase is None:
        return
    at = rng.randint(list_day + 86400 + 9 * 3600, t_end - 3600)
    c.system(at, 0, phrase.format(subject=admin.shown))
