"""Bihar's groups, as the May 2020 order asks: a public group per thana (≥200) and per outpost
(≥100), a circle coordination group, each district's staff and women-staff groups, and a group
per division.

The story: about 30% of thana groups have reached 200, the lagging district's are about half the
size, one thana in twenty has no group, outposts mostly lack 100, and one circle group in five
still lacks the SP the profile requires in it.
"""

from __future__ import annotations

from etl.demo.build.groups import new_group, public_member, staff_groups, staff_in
from etl.demo.model import Demo, District, Group

# Public members notable enough to be added to their circle's group too.
_NOTABLE = ("trader", "clg", "public_rep", "pradhan", "councillor", "official")


def _thana_size(demo: Demo, lagging: bool) -> int:
    rng = demo.rng
    big = rng.random() < 0.3  # about 30% of thana groups have reached the 200 target
    size = rng.randint(200, 280) if big else int(rng.triangular(50, 199, 150))
    return int(size * rng.uniform(0.4, 0.6)) if lagging else size


def _thana_groups(demo: Demo, d: District, notables: dict[str, list[int]]) -> dict[str, list[int]]:
    """Public groups of the district's thanas; returns each thana's public members."""
    rng = demo.rng
    n_missing = max(1, int(0.05 * len(d.thanas) + rng.random()))
    missing = set(rng.sample(range(3, len(d.thanas)), n_missing))
    thana_members: dict[str, list[int]] = {}
    for i, t in enumerate(d.thanas):
        if i in missing:
            continue
        tn, tn_hi = demo.unit_names[t]
        tn = tn if tn.endswith(" Thana") else f"{tn} Thana"
        tn_hi = tn_hi if tn_hi.endswith(" थाना") else f"{tn_hi} थाना"
        g = new_group(
            demo,
            f"G-{t}",
            t,
            "thana_public",
            f"{d.name} {tn} Jan Samvad",
            f"{d.name_hi} {tn_hi} जन संवाद",
            d.code,
        )
        staff = demo.staff_at[t]
        staff_in(g, staff[1:], admin=staff[0])
        size = max(_thana_size(demo, d.lagging), len(g.members) + 5)
        public: list[int] = []
        while len(g.members) < size:
            public.append(public_member(demo, g))
        thana_members[t] = public
        notable = [m.person for m in g.members if m.category in _NOTABLE]
        notables[d.thana_circle[t]] += rng.sample(notable, min(len(notable), rng.randint(8, 16)))
    return thana_members


def _outpost_groups(demo: Demo, d: District, thana_members: dict[str, list[int]]) -> None:
    rng = demo.rng
    for o in d.outposts:
        on, on_hi = demo.unit_names[o]
        g = new_group(
            demo,
            f"G-{o}",
            o,
            "outpost_public",
            f"{d.name} {on} OP Jan Samvad",
            f"{d.name_hi} {on_hi} ओपी जन संवाद",
            d.code,
        )
        staff = demo.staff_at[o]
        staff_in(g, staff[1:], admin=staff[0])
        size = int(rng.triangular(20, 125, 50) * (0.5 if d.lagging else 1.0))
        size = max(size, len(g.members) + 3)
        parent = thana_members.get(d.op_thana[o], [])
        shared = rng.sample(parent, min(len(parent), size // 4))
        parent_group = demo.group_of_unit[d.op_thana[o]] if parent else None
        for p in shared:
            assert parent_group is not None
            category = next(m.category for m in parent_group.members if m.person == p)
            g.add(p, category)
        while len(g.members) < size:
            public_member(demo, g)


def _circle_groups(
    demo: Demo, d: District, notables: dict[str, list[int]], thana_members: dict[str, list[int]]
) -> None:
    sp = demo.staff_at[d.pc_id][0]
    for c in d.circles:
        cn, cn_hi = demo.unit_names[c]
        g = new_group(
            demo,
            f"G-{c}",
            c,
            "circle",
            f"{d.name} {cn} Circle Samanvay",
            f"{d.name_hi} {cn_hi} अंचल समन्वय",
            d.code,
        )
        # One circle group in five still lacks the SP the profile requires in it.
        with_sp = [sp] if demo.story_rng.random() < 0.8 else []
        staff_in(g, with_sp, admin=demo.staff_at[c][0])
        for t in d.thanas:  # the SHO and the officers (SI, ASI) of each thana
            if d.thana_circle[t] == c:
                sho = demo.staff_at[t][0]
                g.add(sho.person, "police", sho.rank)
                officers = [s for s in demo.staff_at[t] if s.rank in ("SI", "ASI")]
                staff_in(g, officers)
        by_person = {
            m.person: m.category
            for t in d.thanas
            if d.thana_circle[t] == c and t in thana_members
            for m in demo.group_of_unit[t].members
        }
        for p in notables[c]:
            g.add(p, by_person[p])


def build_bihar_groups(demo: Demo) -> None:
    for d in demo.districts:
        demo.progress(f"groups: {d.name}")
        notables: dict[str, list[int]] = {c: [] for c in d.circles}
        thana_members = _thana_groups(demo, d, notables)
        _outpost_groups(demo, d, thana_members)
        _circle_groups(demo, d, notables, thana_members)
        staff_groups(demo, d)
    code = demo.shape.code
    for suffix, den, dhi in demo.shape.divisions:
        unit = f"{code}-DIV-{suffix}"
        g = new_group(demo, f"G-{unit}", unit, "division", f"{den} Bihar", f"{dhi} बिहार", "DIV")
        staff = demo.staff_at[unit]
        staff_in(g, staff[1:], admin=staff[0])
        staff_in(g, demo.hq_officers)
        for d in demo.districts:
            staff_in(g, demo.staff_at[d.pc_id][:1])


def bihar_host(demo: Demo, d: District, thana: str) -> Group:
    """The thana's public group, or the district's first thana group when it has none."""
    g = demo.group_of_unit.get(thana)
    if g is None or g.kind != "thana_public":
        g = next(demo.group_of_unit[t] for t in d.thanas if t in demo.group_of_unit)
    return g
