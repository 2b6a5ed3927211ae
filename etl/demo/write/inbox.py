"""Writing the built demo as an inbox: units, groups, staff, rosters and blocklist sheets, the one
bad file, the WhatsApp exports (`etl.demo.build.chats`) and the registers, alerts and stories
(`etl.demo.build.response`).

Bad rows, each counted in `Demo.bad_rows`: a group whose unit is in no units sheet and a member
of staff posted at an unknown thana (one per file at small scale, five in all at state scale),
plus the roster's (`etl.demo.write.rosters`). The bad file is `rosters/notes.csv`, whose header
matches no sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from etl.demo.build.chats import Plant, write_chats
from etl.demo.build.response import write_response
from etl.demo.data import names
from etl.demo.model import Demo, Group, Staff, Thana, Unit
from etl.demo.write.rosters import write_rosters
from etl.demo.write.sheets import SheetWriter, date_text, file_slug, headers, phone_text, rotation


@dataclass(frozen=True)
class DemoSummary:
    """What `write_demo` wrote. Counts are of good rows; bad rows and files are counted apart."""

    files: int
    units: int
    groups: int
    roster_rows: int
    staff: int
    blocklist: int
    bad_rows: int
    bad_files: int
    chats: int = 0  # WhatsApp exports under chats/ (also counted in files)
    chat_messages: int = 0
    # Registers, alerts and stories (etl.demo.build.response); their bad rows are counted apart.
    registers: int = 0
    alerts: int = 0
    stories: int = 0
    response_bad_rows: int = 0
    directives: int = 0  # rows of the PHQ's directive register (etl.demo.spread)


def _unit_rows(units: Sequence[Unit], lang: str) -> list[list[str]]:
    return [
        [u.unit_id, u.kind, u.name_hi if lang == "hi" else u.name, u.name_hi, u.parent_id]
        for u in units
    ]


def _write_units(demo: Demo, w: SheetWriter) -> None:
    if demo.small:
        w.write("units/units.csv", headers("units", "en"), _unit_rows(demo.units, "en"))
        return
    upper = [u for u in demo.units if u.kind not in ("thana", "outpost")]
    lower = [u for u in demo.units if u.kind in ("thana", "outpost")]
    # Named so that name order is load order: a thana's circle is known before the thana.
    w.write("units/units.csv", headers("units", "en"), _unit_rows(upper, "en"))
    w.write("units/units_thanas_outposts.xlsx", headers("units", "hi"), _unit_rows(lower, "hi"))


def _file_names(demo: Demo) -> dict[str, str]:
    """File name of each range's sheets (staff, groups at state scale) and the state-level ones."""
    names = {code: file_slug(en) for code, en, _, _ in demo.shape.ranges}
    return {**names, "DIV": "divisions", "HQ": "headquarters"}


def _write_groups(demo: Demo, w: SheetWriter) -> int:
    rng = demo.rng
    people = demo.people
    by_key: dict[str, list[Group]] = {}
    range_of = {d.code: d.range_code for d in demo.districts}
    for g in demo.groups:
        key = "all" if demo.small else range_of.get(g.file_key, g.file_key)
        by_key.setdefault(key, []).append(g)
    n_bad = 1 if demo.small else 5
    for i, (key, groups) in enumerate(by_key.items()):
        if demo.small:
            path, lang = "groups/groups.csv", "en"
        else:
            suffix, lang = rotation(i)
            path = f"groups/{_file_names(demo)[key]}{suffix}"
        rows = [
            [
                g.group_id,
                g.unit_id,
                g.kind,
                g.name_hi if lang == "hi" else g.name,
                phone_text(people.phone[g.admin], rng),
                date_text(g.created_on, lang),
            ]
            for g in groups
        ]
        demo.sheet_names.update((g.group_id, row[3]) for g, row in zip(groups, rows, strict=True))
        if n_bad > 0 and key not in ("DIV", "HQ"):  # a group whose unit is in no units sheet
            d = next(d for d in demo.districts if d.code == groups[0].file_key)
            rows.insert(
                rng.randrange(len(rows)),
                [
                    f"G-{d.unit_id}-T99{n_bad}",
                    f"{d.unit_id}-T99{n_bad}",
                    "thana_public",
                    f"{d.name} New Thana Jan Samvad",
                    phone_text(people.phone[0], rng),
                    date_text(demo.calendar.day(date(2026, 10, 15)), lang),
                ],
            )
            n_bad -= 1
            demo.bad_rows += 1
        w.write(path, headers("groups", lang), rows)
    return len(demo.groups)


def _write_staff(demo: Demo, w: SheetWriter) -> None:
    rng = demo.rng
    people = demo.people
    by_key: dict[str, list[Staff]] = {}
    for s in demo.staff:
        by_key.setdefault(s.file_key, []).append(s)
    n_bad = 1 if demo.small else 5
    for i, (key, staff) in enumerate(by_key.items()):
        suffix, lang = rotation(i)
        path = f"staff/{_file_names(demo)[key]}{suffix}"
        rows = [
            [
                s.staff_id,
                people.name(s.person, lang),
                s.rank,
                s.unit_id,
                phone_text(people.phone[s.person], rng),
            ]
            for s in staff
        ]
        if n_bad > 0 and key != "HQ":  # someone posted at a thana no units sheet names
            d = next(d for d in demo.districts if d.range_code == key)
            person = people.new(False)
            rows.insert(
                rng.randrange(len(rows)),
                [
                    f"{demo.shape.staff_prefix}-9{n_bad:05d}",
                    people.name(person, lang),
                    "Constable",
                    f"{d.unit_id}-T999",
                    phone_text(people.phone[person], rng),
                ],
            )
            n_bad -= 1
            demo.bad_rows += 1
        w.write(path, headers("staff", lang), rows)


def _write_blocklist(demo: Demo, w: SheetWriter) -> None:
    rng = demo.rng
    people = demo.people
    half = len(demo.blocklist) if demo.small else len(demo.blocklist) // 2
    for path, lang, part in (
        ("blocklist/blocklist.csv", "bi", demo.blocklist[:half]),
        ("blocklist/blocklist_hi.xlsx", "hi", demo.blocklist[half:]),
    ):
        if not part:
            continue
        rows = []
        for person, reason, unit in part:
            en, hi = names.BLOCK_REASONS[reason]
            text = hi if lang == "hi" or rng.random() < 0.3 else en
            rows.append(
                [phone_text(people.phone[person], rng), people.name(person, lang), text, unit]
            )
        w.write(path, headers("blocklist", lang), rows)


def _response_thanas(demo: Demo) -> list[Thana]:
    """Each thana with the public group its registers name (Rajasthan: its circle's group)."""
    by_circle = demo.shape.main_kind == "circle"
    thanas = []
    for d in demo.districts:
        for t in d.thanas:
            g = demo.group_of_unit.get(d.thana_circle[t] if by_circle else t)
            thanas.append(
                Thana(
                    t,
                    d.unit_id,
                    g.group_id if g is not None else None,
                    *demo.unit_names[t],
                    d.name,
                    d.name_hi,
                )
            )
    return thanas


def _write_notes(demo: Demo, w: SheetWriter) -> None:
    """The one bad file: an office's notes, whose header matches no sheet."""
    day = demo.calendar.day
    pending = "Women staff group pending in two districts"
    w.write(
        "rosters/notes.csv",
        ["Sr", "Remarks", "Date"],
        [
            ["1", "Thana groups list to be sent by Friday", f"{day(date(2026, 10, 28)):%d-%m-%Y}"],
            ["2", pending, f"{day(date(2026, 10, 30)):%d-%m-%Y}"],
            ["3", "Send updated rosters to PHQ", f"{day(date(2026, 10, 31)):%d-%m-%Y}"],
        ],
    )


def write_inbox(demo: Demo, out: Path, plant: Plant | None = None) -> DemoSummary:
    """Every file of the built demo under `out`; the order of writing is the order of drawing."""
    w = SheetWriter(out, demo.calendar.now)
    demo.progress("writing units")
    _write_units(demo, w)
    demo.progress("writing groups")
    n_groups = _write_groups(demo, w)
    demo.progress("writing staff")
    _write_staff(demo, w)
    roster_rows = write_rosters(demo, w)
    demo.progress("writing blocklist")
    _write_blocklist(demo, w)
    _write_notes(demo, w)
    demo.progress("writing chats")
    chats, chat_messages = write_chats(
        out,
        demo.groups,
        demo.people,
        names=demo.sheet_names,
        places=demo.unit_names,
        blocked=[person for person, _, _ in demo.blocklist],
        seed=demo.rng.getrandbits(64),
        scale=demo.scale,
        progress=demo.progress,
        calendar=demo.calendar,
        plant=plant,
        turns=demo.admin_turns,
    )
    demo.progress("writing registers, alerts and stories")
    response = write_response(
        out,
        _response_thanas(demo),
        scale=demo.scale,
        seed=demo.rng.getrandbits(62),
        now=demo.calendar.now,
    )
    return DemoSummary(
        files=w.files + chats + response.files,
        units=len(demo.units),
        groups=n_groups,
        roster_rows=roster_rows,
        staff=len(demo.staff),
        blocklist=len(demo.blocklist),
        bad_rows=demo.bad_rows,
        bad_files=1,
        chats=chats,
        chat_messages=chat_messages,
        registers=response.registers,
        alerts=response.alerts,
        stories=response.stories,
        response_bad_rows=response.bad_rows,
    )
