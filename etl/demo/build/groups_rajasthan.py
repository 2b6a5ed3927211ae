"""Rajasthan's groups, as its order asks: every Circle Officer runs a circle group holding all
police staff of the circle's thanas and outposts plus CLG members, Gram Rakshaks, Police Mitras
and Suraksha Sakhis, with the CO as admin and the district SP and the range IG as members; an
apex group at headquarters (ADG Crime as admin) holds the Home Secretary, the Joint Secretary
Home, the police PRO, every range IG and every district SP. Each district keeps a staff group.

The story: about 45% of circle groups hold their 150 members (the lagging district's about half
as many), one in six lacks the SP, one in eight the range IG, one in ten is still run by an SHO
with the CO a plain member, one circle in twelve has no group yet; the apex group has not yet
added the newest SPs.
"""

from __future__ import annotations

from etl.demo.build.groups import new_group, public_member, staff_groups, staff_in
from etl.demo.model import Demo, District, Group


def _circle_size(demo: Demo, lagging: bool) -> int:
    rng = demo.rng
    big = rng.random() < 0.45  # about 45% of circle groups hold the 150 the profile asks
    size = rng.randint(150, 230) if big else int(rng.triangular(70, 149, 125))
    return int(size * rng.uniform(0.45, 0.65)) if lagging else size


def _circle_group(demo: Demo, d: District, circle: str) -> None:
    story = demo.story_rng
    name, name_hi = demo.unit_names[circle]
    g = new_group(
        demo,
        f"G-{circle}",
        circle,
        "circle",
        f"{d.name} {name} Circle Suraksha Samvad",
        f"{d.name_hi} {name_hi} वृत्त सुरक्षा संवाद",
        d.code,
    )
    co = demo.staff_at[circle][0]
    thanas = [t for t in d.thanas if d.thana_circle[t] == circle]
    posts = [*thanas, *(o for o in d.outposts if d.op_thana[o] in thanas)]
    station = [s for u in posts for s in demo.staff_at[u]]
    if story.random() < 0.1:  # still run by the SHO who made it; the CO is a plain member
        staff_in(g, [co], admin=station[0])
    else:
        staff_in(g, [], admin=co)
    if story.random() >= 0.16:
        staff_in(g, demo.staff_at[d.pc_id][:1])  # the SP
    if story.random() >= 0.12:
        staff_in(g, demo.range_officers[d.range_code][:1])  # the range IG
    staff_in(g, station)
    size = max(_circle_size(demo, d.lagging), len(g.members) + 10)
    while len(g.members) < size:
        public_member(demo, g)


def _apex_group(demo: Demo) -> None:
    """The ADG's group at headquarters; the newest SPs (one, or three at state scale) not in."""
    shape = demo.shape
    by_rank = {s.rank: s for s in demo.hq_officers}
    g = new_group(
        demo,
        f"G-{shape.code}-APEX",
        shape.code,
        "apex",
        f"{shape.name} Police Apex Samanvay",
        f"{shape.name_hi} पुलिस शीर्ष समन्वय",
        "HQ",
    )
    staff_in(g, [], admin=by_rank["ADG"])
    for s in demo.hq_officers:
        g.add(s.person, "police" if s.rank in ("DGP", "ADG", "PRO") else "official", s.rank)
    for officers in demo.range_officers.values():
        staff_in(g, officers[:1])
    sps = [demo.staff_at[d.pc_id][0] for d in demo.districts]
    late = set(demo.story_rng.sample(range(len(sps)), 1 if demo.small else 3))
    staff_in(g, [s for i, s in enumerate(sps) if i not in late])


def build_rajasthan_groups(demo: Demo) -> None:
    circles = [(d, c) for d in demo.districts for c in d.circles[1:]]  # every Sadar has one
    missing = set(demo.rng.sample(range(len(circles)), max(1, round(len(circles) / 12))))
    without = {circles[i][1] for i in missing}
    for d in demo.districts:
        demo.progress(f"groups: {d.name}")
        for c in d.circles:
            if c not in without:
                _circle_group(demo, d, c)
        staff_groups(demo, d, women=False)
    _apex_group(demo)


def rajasthan_host(demo: Demo, d: District, thana: str) -> Group:
    """The group of the thana's circle, or the district's Sadar circle group when it has none."""
    g = demo.group_of_unit.get(d.thana_circle[thana])
    return g if g is not None else demo.group_of_unit[d.circles[0]]
