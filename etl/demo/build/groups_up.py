"""Uttar Pradesh's groups, as its order asks: every thana a group with the SHO as admin, where the
beat constables add notable people, traders, public representatives, pradhans, councillors and
digital volunteers (~250 a station). Each district keeps a staff group.

The story: about a quarter of thana groups have reached 250 (the lagging district's about half
that size), one in eight is still run by the beat constable who made it rather than the SHO,
and one thana in twenty has no group yet.
"""

from __future__ import annotations

from etl.demo.build.groups import new_group, public_member, staff_groups, staff_in
from etl.demo.model import Demo, District, Group


def _thana_size(demo: Demo, lagging: bool) -> int:
    rng = demo.rng
    big = rng.random() < 0.25  # about a quarter of thana groups have reached 250
    size = rng.randint(250, 330) if big else int(rng.triangular(90, 249, 200))
    return int(size * rng.uniform(0.45, 0.65)) if lagging else size


def _thana_group(demo: Demo, d: District, thana: str) -> None:
    name, name_hi = demo.unit_names[thana]
    g = new_group(
        demo,
        f"G-{thana}",
        thana,
        "thana_public",
        f"{d.name} {name} Thana Digital Samvad",
        f"{d.name_hi} {name_hi} थाना डिजिटल संवाद",
        d.code,
    )
    staff = demo.staff_at[thana]
    beat = [s for s in staff if s.rank in ("Constable", "Head Constable") and s.grouped]
    if beat and demo.story_rng.random() < 0.12:  # the SHO is a member, not an admin
        staff_in(g, staff, admin=beat[0])
    else:
        staff_in(g, staff[1:], admin=staff[0])
    size = max(_thana_size(demo, d.lagging), len(g.members) + 5)
    while len(g.members) < size:
        public_member(demo, g)


def build_up_groups(demo: Demo) -> None:
    rng = demo.rng
    for d in demo.districts:
        demo.progress(f"groups: {d.name}")
        n_missing = max(1, int(0.05 * len(d.thanas) + rng.random()))
        missing = set(rng.sample(range(3, len(d.thanas)), n_missing))
        for i, t in enumerate(d.thanas):
            if i not in missing:
                _thana_group(demo, d, t)
        staff_groups(demo, d, women=False)


def up_host(demo: Demo, d: District, thana: str) -> Group:
    """The thana's group, or the district's Kotwali group when the thana has none."""
    g = demo.group_of_unit.get(thana)
    return g if g is not None else demo.group_of_unit[d.thanas[0]]
