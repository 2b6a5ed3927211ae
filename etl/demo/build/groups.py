"""What every state's group builder uses: new groups, public members, staff, and each district's
staff groups (a rank-wise "Police Parivar" group and, where the order asks, a women-staff group).

Each state's own groups follow its order: `etl.demo.build.groups_bihar`,
`etl.demo.build.groups_rajasthan`, `etl.demo.build.groups_up`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from etl.demo.model import Demo, District, Group, Staff

# Kinds made in the first months after an order (the rest came later, some only this year).
_EARLY_KINDS = ("thana_public", "circle", "district_staff", "division")


def created_on(demo: Demo, kind: str) -> date:
    """The day a group was made, moved with the demo's calendar (written for 2026-11-01)."""
    return demo.calendar.day(_created_for_reference(demo, kind))


def _created_for_reference(demo: Demo, kind: str) -> date:
    rng = demo.rng
    r = rng.random()
    start = date(2020, 5, 20)
    if kind in _EARLY_KINDS and r < 0.7:
        return start + timedelta(days=rng.randint(0, 120))
    if r < 0.9:
        return start + timedelta(days=rng.randint(0, (date(2025, 12, 31) - start).days))
    return date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))  # up to 2026-10-28


def new_group(
    demo: Demo, group_id: str, unit_id: str, kind: str, name: str, name_hi: str, file_key: str
) -> Group:
    g = Group(group_id, unit_id, kind, name, name_hi, created_on(demo, kind), file_key)
    demo.groups.append(g)
    demo.group_of_unit.setdefault(unit_id, g)
    return g


def public_member(demo: Demo, g: Group) -> int:
    """A new person of one of the state's public categories, added to `g`."""
    rng = demo.rng
    categories = demo.shape.public_categories
    cats = [c for c, _ in categories]
    weights = [w for _, w in categories]
    category = rng.choices(cats, weights)[0]
    female = category == "suraksha_sakhi" or rng.random() < 0.25
    person = demo.people.new(female)
    g.add(person, category)
    return person


def staff_in(g: Group, staff: Sequence[Staff], admin: Staff | None = None) -> None:
    """`staff` who are in some group (and `admin` as the group's admin) added to `g`."""
    if admin is not None:
        g.add(admin.person, "police", admin.rank, admin=True)
    for s in staff:
        if s.grouped:
            g.add(s.person, "police", s.rank)


def staff_groups(demo: Demo, d: District, *, women: bool = True) -> None:
    """The district's staff group (SP admin, the range's officers, every unit's head, and
    rank and file up to 150–250) and, with `women` unless the district has none yet, its
    women-staff group."""
    rng = demo.rng
    pc_staff = demo.staff_at[d.pc_id]
    g = new_group(
        demo,
        f"G-{d.pc_id}-STAFF",
        d.pc_id,
        "district_staff",
        f"{d.name} Police Parivar",
        f"{d.name_hi} पुलिस परिवार",
        d.code,
    )
    staff_in(g, pc_staff[1:], admin=pc_staff[0])
    staff_in(g, demo.range_officers[d.range_code])
    for u in d.circles + d.thanas + d.outposts:
        staff_in(g, demo.staff_at[u][:1])
    rest = [s for u in d.thanas for s in demo.staff_at[u][1:] if s.grouped]
    target = rng.randint(150, 250)
    if len(g.members) < target and rest:
        staff_in(g, rng.sample(rest, min(len(rest), target - len(g.members))))
    if d.no_women_group or not women:
        return
    everyone = [
        s
        for u in [d.pc_id, *d.circles, *d.thanas, *d.outposts]
        for s in demo.staff_at[u]
        if demo.people.female[s.person]
    ]
    head = pc_staff[2]
    g = new_group(
        demo,
        f"G-{d.pc_id}-WOMEN",
        d.pc_id,
        "women_staff",
        f"{d.name} Mahila Police",
        f"{d.name_hi} महिला पुलिस",
        d.code,
    )
    staff_in(g, everyone, admin=head)
