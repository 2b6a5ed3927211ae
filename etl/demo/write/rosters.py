"""The demo's member lists: one roster file per district (and one for the state-level groups) on
the current date, its earlier lists (`etl.demo.build.history`), and the planted bad rows.

Bad rows, each counted in `Demo.bad_rows`: exact duplicates of good rows, phones too short to be
a mobile, a group in no groups sheet, and a category no sheet knows ("visitor").
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from etl.demo.build.history import LIST_FILE_DATES, LIST_NAMES, earlier_lists
from etl.demo.model import Demo, District, Group, Member, People
from etl.demo.write.sheets import (
    SheetWriter,
    category_text,
    date_text,
    file_slug,
    flag_text,
    headers,
    phone_text,
    rotation,
)


def _roster_row(
    people: People, rng: random.Random, g: Group, m: Member, lang: str, day: str
) -> list[str]:
    """One member's row of a roster sheet (the phone's and category's spelling drawn from
    `rng`)."""
    return [
        g.group_id,
        people.name(m.person, lang),
        phone_text(people.phone[m.person], rng),
        category_text(m.category, lang, rng),
        m.rank,
        flag_text(m.admin, lang),
        day,
    ]


def _roster_rows(demo: Demo, groups: Sequence[Group], lang: str, as_of: date) -> list[list[str]]:
    """The current lists of `groups`, dated `as_of`; a group whose designated admin the chat
    turns afterwards (`demo.admin_turns`) is dated its own earlier day, and where the chat
    makes the SHO admin, its list does not mark him yet."""
    rng = demo.rng
    people = demo.people
    rows: list[list[str]] = []
    for g in groups:
        turn = demo.admin_turns.get(g.group_id)
        day = date_text(turn.list_day if turn else as_of, lang)
        for m in g.members:
            row = _roster_row(people, rng, g, m, lang, day)
            if turn is not None and turn.made and m.person == g.admin:
                row[5] = flag_text(False, lang)
            rows.append(row)
    return rows


def _bad_roster_rows(
    demo: Demo, rows: list[list[str]], lang: str, d: District, n: int, public: set[str]
) -> None:
    """Adds n of each bad-row kind to a district's roster rows (in place); the bad phones and
    categories go into the district's groups in `public`."""
    rng = demo.rng
    people = demo.people
    day = date_text(demo.calendar.today, lang)
    public_groups = [r[0] for r in rows if r[0] in public]
    for _ in range(n):  # exact duplicates of good rows, later in the same file
        at = rng.randrange(len(rows))
        rows.insert(rng.randrange(at + 1, len(rows) + 1), list(rows[at]))
    for k in range(n):
        group = rng.choice(public_groups)
        bad_phone = ("12345", "98765", "1234567890", "99999")[k % 4]
        p1, p2 = people.new(False), people.new(True)
        extra = [
            [
                group,
                people.name(p1, lang),
                bad_phone,
                category_text("citizen", lang, rng),
                "",
                flag_text(False, lang),
                day,
            ],
            [
                f"G-{d.unit_id}-T9{k:02d}",
                people.name(p2, lang),
                phone_text(people.phone[p2], rng),
                category_text("trader", lang, rng),
                "",
                flag_text(False, lang),
                day,
            ],
            [
                group,
                people.name(p1, lang),
                phone_text(people.phone[p1], rng),
                "आगंतुक" if lang == "hi" else "visitor",
                "",
                flag_text(False, lang),
                day,
            ],
        ]
        for row in extra:
            rows.insert(rng.randrange(len(rows)), row)
        demo.bad_rows += 4


def _history_rows(demo: Demo, groups: Sequence[Group], i: int) -> dict[str, list[list[str]]]:
    """The earlier lists of `groups` (baseline, middle), each row dated by its group."""
    rng = demo.story_rng
    people = demo.people
    rows: dict[str, list[list[str]]] = {name: [] for name in LIST_NAMES}
    for g in groups:
        order, lists = earlier_lists(g, rng, demo.calendar.today)
        for listed in lists:
            lang = rotation(i + 1 + LIST_NAMES.index(listed.name))[1]
            day = date_text(listed.day, lang)
            for idx in order[: listed.size]:
                m = g.members[idx]
                rows[listed.name].append(_roster_row(people, rng, g, m, lang, day))
    return {name: r for name, r in rows.items() if r}


def write_rosters(demo: Demo, w: SheetWriter) -> int:
    """Every roster file; returns the number of good rows written."""
    by_key: dict[str, list[Group]] = {}
    for g in demo.groups:
        by_key.setdefault(g.file_key, []).append(g)
    file_name = {d.code: file_slug(d.name) for d in demo.districts}
    file_name.update(DIV="divisions", HQ="headquarters")
    district_of = {d.code: d for d in demo.districts}
    public = {g.group_id for g in demo.groups if g.kind == demo.shape.main_kind}
    bad_total = 2 if demo.small else 10  # of each roster bad-row kind
    bad_files = list(district_of)[:bad_total] if not demo.small else list(district_of)
    bad_each = {k: bad_total // len(bad_files) for k in bad_files}
    for k in bad_files[: bad_total % len(bad_files)]:
        bad_each[k] += 1
    good = 0
    for i, (key, groups) in enumerate(by_key.items()):
        demo.progress(f"rosters: {file_name[key].title()}")
        suffix, lang = rotation(i)
        rows = _roster_rows(demo, groups, lang, demo.calendar.today)
        good += len(rows)
        if bad_each.get(key):
            _bad_roster_rows(demo, rows, lang, district_of[key], bad_each[key], public)
        w.write(
            f"rosters/{demo.calendar.today.isoformat()}_{file_name[key]}{suffix}",
            headers("rosters", lang),
            rows,
        )
        for name, earlier in _history_rows(demo, groups, i).items():
            suffix, lang = rotation(i + 1 + LIST_NAMES.index(name))
            good += len(earlier)
            w.write(
                f"rosters/{demo.calendar.day(LIST_FILE_DATES[name]).isoformat()}_{file_name[key]}{suffix}",
                headers("rosters", lang),
                earlier,
            )
    return good
