"""The demo's staff roster and blocklist.

Every post the profiles name is filled: the DGP and ADG at headquarters (Rajasthan adds the Home
Secretary, the Joint Secretary Home and the police PRO), an IG and a DIG per range, the SP and
his officers at each district's police centre, a DSP (the Circle Officer) per circle, an SHO and
station staff per thana, a few at each outpost. About one in eight of the rank and file is in no
group yet. The blocklist names touts and history-sheeters; a quarter of them sit inside a public
group.
"""

from __future__ import annotations

from collections.abc import Callable

from etl.demo.data import names
from etl.demo.model import Demo, District, Group, Staff


def hire(
    demo: Demo,
    rank: str,
    unit_id: str,
    file_key: str,
    female: bool | None = None,
    key: bool = False,
) -> Staff:
    """A new member of staff; `key` posts (heads of units) are always in some group."""
    rng = demo.rng
    if female is None:
        female = rng.random() < (0.1 if rank in ("SP", "DSP", "Inspector") else 0.18)
    demo.staff_no += 1
    s = Staff(
        f"{demo.shape.staff_prefix}-{100000 + demo.staff_no * 7:06d}",
        demo.people.new(female),
        rank,
        unit_id,
        file_key,
    )
    if not key and rng.random() < 0.12:
        s.grouped = False  # the order says every officer in a group; these are not yet
    demo.staff.append(s)
    demo.staff_at.setdefault(unit_id, []).append(s)
    return s


def _district_staff(demo: Demo, d: District) -> None:
    rng = demo.rng
    rk = d.range_code
    hire(demo, "SP", d.pc_id, rk, key=True)
    hire(demo, "Addl SP", d.pc_id, rk, key=True)
    hire(demo, "DSP", d.pc_id, rk, female=True, key=True)  # heads the women's cell
    hire(demo, "DSP", d.pc_id, rk, key=True)
    for rank, lo, hi in (
        ("Inspector", 2, 4),
        ("SI", 4, 8),
        ("ASI", 4, 8),
        ("Head Constable", 6, 12),
        ("Constable", 20, 40),
    ):
        for _ in range(rng.randint(lo, hi)):
            hire(demo, rank, d.pc_id, rk)
    for c in d.circles:
        hire(demo, "DSP", c, rk, key=True)
    for i, t in enumerate(d.thanas):
        women = i == 1  # the Mahila Thana
        hire(
            demo,
            "Inspector" if rng.random() < 0.6 else "SI",
            t,
            rk,
            female=True if women else None,
            key=True,
        )
        for _ in range(rng.randint(2, 4)):
            rank = "SI" if rng.random() < 0.5 else "ASI"
            hire(demo, rank, t, rk, female=True if women else None)
        for _ in range(rng.randint(6, 12)):
            rank = "Constable" if rng.random() < 0.75 else "Head Constable"
            hire(demo, rank, t, rk, female=(rng.random() < 0.8) if women else None)
    for o in d.outposts:
        hire(demo, "SI" if rng.random() < 0.5 else "ASI", o, rk, key=True)
        for _ in range(rng.randint(2, 3)):
            hire(demo, "Constable", o, rk)


def build_staff(demo: Demo) -> None:
    rng = demo.rng
    shape = demo.shape
    for rank in shape.hq_ranks:
        demo.hq_officers.append(hire(demo, rank, shape.code, "HQ", key=True))
    for rcode, _ren, _rhi, _ds in shape.ranges:
        if not demo.in_scale(rcode):
            continue
        range_id = f"{shape.code}-R-{rcode}"
        demo.range_officers[rcode] = [
            hire(demo, "IG", range_id, rcode, key=True),
            hire(demo, "DIG", range_id, rcode, key=True),
        ]
    for suffix, _den, _dhi in shape.divisions:
        unit = f"{shape.code}-DIV-{suffix}"
        hire(demo, "IG", unit, "HQ", key=True)
        for rank, lo, hi in (
            ("DSP", 2, 4),
            ("Inspector", 3, 6),
            ("SI", 5, 10),
            ("ASI", 3, 8),
            ("Constable", 12, 30),
        ):
            for _ in range(rng.randint(lo, hi)):
                hire(demo, rank, unit, "HQ")
    for d in demo.districts:
        demo.progress(f"staff: {d.name}")
        _district_staff(demo, d)


def build_blocklist(demo: Demo, host: Callable[[District, str], Group]) -> None:
    """Touts and history-sheeters; the first quarter sit in `host(district, thana)`, the public
    group that serves their thana."""
    rng = demo.rng
    n = 20 if demo.small else 300
    inside = n // 4
    for i in range(n):
        d = rng.choice(demo.districts)
        thana = rng.choice(d.thanas)
        person = demo.people.new(rng.random() < 0.08)
        demo.blocklist.append((person, rng.randrange(len(names.BLOCK_REASONS)), thana))
        if i < inside:
            host(d, thana).add(person, rng.choice(("citizen", "citizen", "trader", "public_rep")))
