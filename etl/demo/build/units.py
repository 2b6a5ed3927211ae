"""The demo's unit tree: state → range → district (with its police centre) → circle → thana →
outpost, plus the state-level divisions where the state's order names them.

Thanas are spread over the districts by weight (a capital district is bigger), about
`thanas_per_circle` to a circle; every district has the special thanas (Kotwali, Mahila Thana,
Cyber Thana…) first, and outposts sit under ordinary thanas. Thana, circle and outpost names are
synthetic. Some districts are marked lagging (their groups are far behind) and some have no
women-staff group yet.
"""

from __future__ import annotations

from etl.demo.data import names
from etl.demo.model import Demo, District


def place_name(demo: Demo, used: set[str], with_suffix: bool) -> tuple[str, str]:
    """A synthetic place (English, Hindi) not yet in `used`, optionally with a thana suffix."""
    rng = demo.rng
    stems, endings = demo.shape.place_stems, demo.shape.place_endings
    while True:
        stem = rng.choice(stems)
        end = rng.choice(endings)
        if end[0] and stem[0].lower().endswith(end[0]):
            continue
        en, hi = stem[0] + end[0], stem[1] + end[1]
        if with_suffix:
            suffix = rng.choice(names.THANA_SUFFIXES)
            en, hi = en + suffix[0], hi + suffix[1]
        if en not in used:
            used.add(en)
            return en, hi


def thana_counts(demo: Demo) -> dict[str, int]:
    """Thanas per district code: the small scale's fixed counts, or the state's total by weight."""
    rng = demo.rng
    shape = demo.shape
    if demo.small:
        return dict(shape.small_thanas)
    weights: dict[str, float] = {}
    for _code, _en, _hi, districts in shape.ranges:
        for code, _name, _name_hi in districts:
            w = rng.uniform(0.75, 1.25)
            w *= shape.weights.get(code, 1.0)
            weights[code] = w
    total = shape.thanas
    scale = total / sum(weights.values())
    counts = {k: int(w * scale) for k, w in weights.items()}
    rest = sorted(weights, key=lambda k: -(weights[k] * scale - counts[k]))
    for k in rest[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _district(
    demo: Demo, range_id: str, rcode: str, district: tuple[str, str, str], n: int
) -> None:
    """A district, its police centre, its circles and its `n` thanas."""
    code, dname, dname_hi = district
    did = f"{demo.shape.code}-{code}"
    d = District(code, dname, dname_hi, rcode, did, f"{did}-PC")
    demo.districts.append(d)
    demo.unit(did, "district", dname, dname_hi, range_id)
    demo.unit(d.pc_id, "police_centre", f"{dname} Police Centre", f"{dname_hi} पुलिस केंद्र", did)
    n_circles = max(2, round(n / demo.shape.thanas_per_circle))
    used: set[str] = {"Sadar"}
    for i in range(n_circles):
        cid = f"{did}-C{i + 1:02d}"
        cname = ("Sadar", "सदर") if i == 0 else place_name(demo, used, False)
        demo.unit(cid, "circle", cname[0], cname[1], did)
        d.circles.append(cid)
    for i in range(n):
        tid = f"{did}-T{i + 1:03d}"
        if i < len(names.SPECIAL_THANAS):
            tname = names.SPECIAL_THANAS[i]
            used.add(tname[0])
        else:
            tname = place_name(demo, used, True)
        circle = d.circles[i * n_circles // n]
        demo.unit(tid, "thana", tname[0], tname[1], circle)
        d.thanas.append(tid)
        d.thana_circle[tid] = circle


def _chosen_outposts(demo: Demo) -> list[tuple[District, str]]:
    """The ordinary thanas that get an outpost: the state's share, drawn across the state; at
    small scale drawn in each district, so districts of a size require as many groups."""
    shape = demo.shape
    share = shape.outposts / (shape.thanas - 3 * shape.districts)
    if demo.small:
        return [
            (d, t)
            for d in demo.districts
            for t in sorted(demo.rng.sample(d.thanas[3:], round(len(d.thanas[3:]) * share)))
        ]
    candidates = [(d, t) for d in demo.districts for t in d.thanas[3:]]
    n_ops = round(len(candidates) * share)
    return [candidates[i] for i in sorted(demo.rng.sample(range(len(candidates)), n_ops))]


def _outposts(demo: Demo) -> None:
    """About the state's share of outposts, at most one under each ordinary thana."""
    for d, thana in _chosen_outposts(demo):
        oid = f"{d.unit_id}-OP{len(d.outposts) + 1:02d}"
        used_op = {demo.unit_names[u][0] for u in d.thanas + d.outposts}
        oname = place_name(demo, used_op, False)
        demo.unit(oid, "outpost", oname[0], oname[1], thana)
        d.outposts.append(oid)
        d.op_thana[oid] = thana


def build_units(demo: Demo) -> None:
    rng = demo.rng
    shape = demo.shape
    demo.unit(shape.code, "state", shape.name, shape.name_hi, "")
    counts = thana_counts(demo)
    for rcode, ren, rhi, districts in shape.ranges:
        if not demo.in_scale(rcode):
            continue
        range_id = f"{shape.code}-R-{rcode}"
        demo.unit(range_id, "range", ren, rhi, shape.code)
        for district in districts:
            _district(demo, range_id, rcode, district, counts[district[0]])
    for suffix, den, dhi in shape.divisions:
        demo.unit(f"{shape.code}-DIV-{suffix}", "division", den, dhi, shape.code)
    _outposts(demo)
    # Districts far behind: at small scale the last one, at state scale four at random.
    lagging = demo.districts[-1:] if demo.small else rng.sample(demo.districts, 4)
    for d in lagging:
        d.lagging = True
    for d in rng.sample(demo.districts, 1 if demo.small else 3):
        d.no_women_group = True
