"""A deterministic synthetic state, written as real inbox files (CSV and XLSX sheets).

`write_demo(out, state="bihar", scale="small", seed=7)` writes `units/`, `groups/`, `staff/`,
`rosters/` and `blocklist/` under `out`, with the headers declared in `etl.sources.sheets`
(English, Hindi or bilingual), a handful of bad rows and exactly one bad file, so that every
path of the ETL has something to do. Everything comes from `random.Random(seed)`: the same seed
writes byte-identical files.

The story the data tells (Bihar, as of 2026-11-01): most thana groups are below the 200-member
target, outposts mostly below 100, a few districts far behind, a few thanas without a group and a
few districts without a women-staff group; some staff are in no group at all; some blocklisted
people sit inside public groups; one circle group in five lacks the SP. Each group also has
earlier, shorter member lists (a baseline before May 2026 and one between May and October, on
dates that differ per group; see `etl.demo_history`), so the weekly series climbs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
import xlsxwriter

from etl import demo_names as names
from etl.demo_chats import write_chats
from etl.demo_history import LIST_FILE_DATES, LIST_NAMES, earlier_lists
from etl.demo_response import Thana, write_response
from etl.sources.sheets import CATEGORY_HI, SHEETS

CURRENT = date(2026, 11, 1)
SCALES = ("small", "state")
STATES = ("bihar",)

# Public categories and their weights in a thana group (police staff are added separately).
_PUBLIC_CATEGORIES: tuple[tuple[str, int], ...] = (
    ("citizen", 26),
    ("trader", 12),
    ("clg", 10),
    ("gram_rakshak", 6),
    ("police_mitra", 9),
    ("suraksha_sakhi", 5),
    ("digital_volunteer", 14),
    ("public_rep", 4),
    ("pradhan", 4),
    ("councillor", 4),
    ("official", 6),
)
_NOTABLE = ("trader", "clg", "public_rep", "pradhan", "councillor", "official")
_ENGLISH_LABEL: dict[str, str] = {
    "police": "Police",
    "clg": "CLG member",
    "gram_rakshak": "Gram Rakshak",
    "police_mitra": "Police Mitra",
    "suraksha_sakhi": "Suraksha Sakhi",
    "digital_volunteer": "Digital Volunteer",
    "trader": "Trader",
    "public_rep": "Public Representative",
    "pradhan": "Pradhan",
    "councillor": "Councillor",
    "citizen": "Citizen",
    "official": "Official",
}
_LANGS = ("en", "hi", "bi")


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
    # Registers, alerts and stories (etl.demo_response); their bad rows are counted apart.
    registers: int = 0
    alerts: int = 0
    stories: int = 0
    response_bad_rows: int = 0


@dataclass
class _Unit:
    unit_id: str
    kind: str
    name: str
    name_hi: str
    parent_id: str


@dataclass
class _Member:
    person: int
    category: str
    rank: str = ""
    admin: bool = False


@dataclass
class _Group:
    group_id: str
    unit_id: str
    kind: str
    name: str
    name_hi: str
    created_on: date
    file_key: str  # district code, or "DIV" for the state-level groups
    admin: int = -1
    members: list[_Member] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def add(self, person: int, category: str, rank: str = "", admin: bool = False) -> None:
        if person in self.seen:
            return
        self.seen.add(person)
        self.members.append(_Member(person, category, rank, admin))
        if admin:
            self.admin = person


@dataclass
class _Staff:
    staff_id: str
    person: int
    rank: str
    unit_id: str
    file_key: str  # range code, or "HQ"
    grouped: bool = True


@dataclass
class _District:
    code: str
    name: str
    name_hi: str
    range_code: str
    unit_id: str
    pc_id: str
    lagging: bool = False
    no_women_group: bool = False
    circles: list[str] = field(default_factory=list)
    thanas: list[str] = field(default_factory=list)
    thana_circle: dict[str, str] = field(default_factory=dict)
    outposts: list[str] = field(default_factory=list)
    op_thana: dict[str, str] = field(default_factory=dict)


class _People:
    """Every synthetic person, columnar: unique 10-digit mobile, first name, surname."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.phone: list[int] = []
        self.first: list[str] = []
        self.first_hi: list[str] = []
        self.sur: list[str] = []
        self.sur_hi: list[str] = []
        self.female: list[bool] = []
        self._seen: set[int] = set()

    def new(self, female: bool) -> int:
        rng = self.rng
        phone = rng.randrange(6_000_000_000, 10_000_000_000)
        while phone in self._seen:
            phone = rng.randrange(6_000_000_000, 10_000_000_000)
        self._seen.add(phone)
        first = rng.choice(names.FEMALE_FIRST if female else names.MALE_FIRST)
        sur = rng.choice(names.SURNAMES[:-2])
        if female and rng.random() < 0.4:
            sur = rng.choice(names.SURNAMES[-2:])  # Devi, Kumari
        self.phone.append(phone)
        self.first.append(first[0])
        self.first_hi.append(first[1])
        self.sur.append(sur[0])
        self.sur_hi.append(sur[1])
        self.female.append(female)
        return len(self.phone) - 1

    def name(self, person: int, lang: str) -> str:
        if lang == "hi":
            return f"{self.first_hi[person]} {self.sur_hi[person]}"
        return f"{self.first[person]} {self.sur[person]}"


def _phone_text(phone: int, rng: random.Random) -> str:
    """A mobile number the way offices type it: plain, +91 spaced, 0-prefixed, 91-prefixed."""
    digits = str(phone)
    r = rng.random()
    if r < 0.45:
        return digits
    if r < 0.65:
        return f"+91 {digits[:5]} {digits[5:]}"
    if r < 0.75:
        return f"0{digits[:5]}-{digits[5:]}"
    if r < 0.85:
        return f"91{digits}"
    if r < 0.95:
        return f"+91{digits}"
    return f"{digits[:5]} {digits[5:]}"


def _date_text(day: date, lang: str) -> str:
    return day.strftime("%d-%m-%Y") if lang == "hi" else day.isoformat()


def _category_text(code: str, lang: str, rng: random.Random) -> str:
    r = rng.random()
    if lang == "hi":
        return code if r < 0.1 else CATEGORY_HI[code]
    if lang == "bi":
        return CATEGORY_HI[code] if r < 0.5 else _ENGLISH_LABEL[code]
    if r < 0.7:
        return code
    return _ENGLISH_LABEL[code] if r < 0.85 else CATEGORY_HI[code]


def _flag_text(flag: bool, lang: str) -> str:
    if lang == "hi":
        return "हाँ" if flag else "नहीं"
    return "yes" if flag else "no"


def _headers(kind: str, lang: str) -> list[str]:
    columns = SHEETS[kind].columns
    if lang == "hi":
        return [c.hindi for c in columns]
    if lang == "bi":
        return [c.bilingual for c in columns]
    return [c.english for c in columns]


class _Writer:
    """Writes sheets as CSV (polars) or XLSX (xlsxwriter, fixed creation time) and counts them."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.files = 0

    def write(self, relpath: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        path = self.out / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".csv":
            columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
            frame = pl.DataFrame(
                {h: list(col) for h, col in zip(headers, columns, strict=True)},
                schema={h: pl.String for h in headers},
            )
            frame.write_csv(path)
        else:
            workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            workbook.set_properties({"created": datetime(2026, 11, 1)})
            sheet = workbook.add_worksheet("Sheet1")
            sheet.write_row(0, 0, headers)
            for i, row in enumerate(rows, start=1):
                sheet.write_row(i, 0, row)
            workbook.close()
        self.files += 1


class _Bihar:
    """Builds the synthetic Bihar in memory, then writes it."""

    def __init__(self, scale: str, seed: int, progress: Callable[[str], None]) -> None:
        self.rng = random.Random(seed)
        # Earlier member lists and officer gaps draw from their own stream.
        self.story_rng = random.Random(seed * 7919 + 1)
        self.scale = scale
        self.small = scale == "small"
        self.progress = progress
        self.people = _People(self.rng)
        self.units: list[_Unit] = []
        self.unit_names: dict[str, tuple[str, str]] = {}
        self.districts: list[_District] = []
        self.staff: list[_Staff] = []
        self.staff_at: dict[str, list[_Staff]] = {}
        self.groups: list[_Group] = []
        self.group_of_unit: dict[str, _Group] = {}
        self.blocklist: list[tuple[int, int, str]] = []  # person, reason index, unit_id
        self.range_officers: dict[str, list[_Staff]] = {}
        self.hq_officers: list[_Staff] = []
        self.bad_rows = 0
        self.sheet_names: dict[str, str] = {}  # group id → name in the groups sheet
        self.file_names = {
            code: en.lower().replace(" ", "_") for code, en, _, _ in names.BIHAR_RANGES
        }
        self._staff_no = 0

    # ---------------------------------------------------------------- structure

    def _unit(self, unit_id: str, kind: str, name: str, name_hi: str, parent: str) -> None:
        self.units.append(_Unit(unit_id, kind, name, name_hi, parent))
        self.unit_names[unit_id] = (name, name_hi)

    def _place(self, used: set[str], with_suffix: bool) -> tuple[str, str]:
        rng = self.rng
        while True:
            stem = rng.choice(names.PLACE_STEMS)
            end = rng.choice(names.PLACE_ENDINGS)
            if end[0] and stem[0].lower().endswith(end[0]):
                continue
            en, hi = stem[0] + end[0], stem[1] + end[1]
            if with_suffix:
                suffix = rng.choice(names.THANA_SUFFIXES)
                en, hi = en + suffix[0], hi + suffix[1]
            if en not in used:
                used.add(en)
                return en, hi

    def _thana_counts(self) -> dict[str, int]:
        rng = self.rng
        if self.small:
            return {"PAT": 28, "NAL": 14}
        weights: dict[str, float] = {}
        for _code, _en, _hi, districts in names.BIHAR_RANGES:
            for code, _name, _name_hi in districts:
                w = rng.uniform(0.75, 1.25)
                if code == "PAT":
                    w *= 2.6
                elif code in ("GAY", "MUZ", "BHA", "PUR", "DAR"):
                    w *= 1.4
                elif code in ("BAG", "NAU", "SHE", "ARW", "SHK"):
                    w *= 0.5
                weights[code] = w
        total = 1064
        scale = total / sum(weights.values())
        counts = {k: int(w * scale) for k, w in weights.items()}
        rest = sorted(weights, key=lambda k: -(weights[k] * scale - counts[k]))
        for k in rest[: total - sum(counts.values())]:
            counts[k] += 1
        return counts

    def build_units(self) -> None:
        rng = self.rng
        self._unit("BR", "state", "Bihar", "बिहार", "")
        counts = self._thana_counts()
        for rcode, ren, rhi, districts in names.BIHAR_RANGES:
            if self.small and rcode != "CEN":
                continue
            range_id = f"BR-R-{rcode}"
            self._unit(range_id, "range", ren, rhi, "BR")
            for code, dname, dname_hi in districts:
                did = f"BR-{code}"
                d = _District(code, dname, dname_hi, rcode, did, f"{did}-PC")
                self.districts.append(d)
                self._unit(did, "district", dname, dname_hi, range_id)
                self._unit(
                    d.pc_id, "police_centre", f"{dname} Police Centre", f"{dname_hi} पुलिस केंद्र", did
                )
                n_thanas = counts[code]
                n_circles = max(2, round(n_thanas / 8))
                used: set[str] = {"Sadar"}
                for i in range(n_circles):
                    cid = f"{did}-C{i + 1:02d}"
                    cname = ("Sadar", "सदर") if i == 0 else self._place(used, False)
                    self._unit(cid, "circle", cname[0], cname[1], did)
                    d.circles.append(cid)
                for i in range(n_thanas):
                    tid = f"{did}-T{i + 1:03d}"
                    if i < len(names.SPECIAL_THANAS):
                        tname = names.SPECIAL_THANAS[i]
                        used.add(tname[0])
                    else:
                        tname = self._place(used, True)
                    circle = d.circles[i * n_circles // n_thanas]
                    self._unit(tid, "thana", tname[0], tname[1], circle)
                    d.thanas.append(tid)
                    d.thana_circle[tid] = circle
        for suffix, den, dhi in names.BIHAR_DIVISIONS:
            self._unit(f"BR-DIV-{suffix}", "division", den, dhi, "BR")
        # Outposts: about 400 across the 1,064 thanas, under ordinary (not special) thanas.
        candidates = [(d, t) for d in self.districts for t in d.thanas[3:]]
        n_ops = round(len(candidates) * 400 / (1064 - 3 * 40))
        chosen = sorted(rng.sample(range(len(candidates)), n_ops))
        for idx in chosen:
            d, thana = candidates[idx]
            oid = f"{d.unit_id}-OP{len(d.outposts) + 1:02d}"
            used_op = {self.unit_names[u][0] for u in d.thanas + d.outposts}
            oname = self._place(used_op, False)
            self._unit(oid, "outpost", oname[0], oname[1], thana)
            d.outposts.append(oid)
            d.op_thana[oid] = thana
        # Districts far behind: at small scale the smaller one, at state scale four at random.
        lagging = self.districts[-1:] if self.small else rng.sample(self.districts, 4)
        for d in lagging:
            d.lagging = True
        for d in rng.sample(self.districts, 1 if self.small else 3):
            d.no_women_group = True

    # ---------------------------------------------------------------- staff

    def _hire(
        self, rank: str, unit_id: str, file_key: str, female: bool | None = None, key: bool = False
    ) -> _Staff:
        rng = self.rng
        if female is None:
            female = rng.random() < (0.1 if rank in ("SP", "DSP", "Inspector") else 0.18)
        self._staff_no += 1
        s = _Staff(
            f"BRP-{100000 + self._staff_no * 7:06d}",
            self.people.new(female),
            rank,
            unit_id,
            file_key,
        )
        if not key and rng.random() < 0.12:
            s.grouped = False  # the order says every officer in a group; these are not yet
        self.staff.append(s)
        self.staff_at.setdefault(unit_id, []).append(s)
        return s

    def build_staff(self) -> None:
        rng = self.rng
        for suffix in ("DGP", "ADG"):
            self.hq_officers.append(self._hire(suffix, "BR", "HQ", key=True))
        for rcode, _ren, _rhi, _ds in names.BIHAR_RANGES:
            if self.small and rcode != "CEN":
                continue
            self.range_officers[rcode] = [
                self._hire("IG", f"BR-R-{rcode}", rcode, key=True),
                self._hire("DIG", f"BR-R-{rcode}", rcode, key=True),
            ]
        for suffix, _den, _dhi in names.BIHAR_DIVISIONS:
            unit = f"BR-DIV-{suffix}"
            self._hire("IG", unit, "HQ", key=True)
            for rank, lo, hi in (
                ("DSP", 2, 4),
                ("Inspector", 3, 6),
                ("SI", 5, 10),
                ("ASI", 3, 8),
                ("Constable", 12, 30),
            ):
                for _ in range(rng.randint(lo, hi)):
                    self._hire(rank, unit, "HQ")
        for d in self.districts:
            self.progress(f"staff: {d.name}")
            rk = d.range_code
            self._hire("SP", d.pc_id, rk, key=True)
            self._hire("Addl SP", d.pc_id, rk, key=True)
            self._hire("DSP", d.pc_id, rk, female=True, key=True)  # heads the women's cell
            self._hire("DSP", d.pc_id, rk, key=True)
            for rank, lo, hi in (
                ("Inspector", 2, 4),
                ("SI", 4, 8),
                ("ASI", 4, 8),
                ("Head Constable", 6, 12),
                ("Constable", 20, 40),
            ):
                for _ in range(rng.randint(lo, hi)):
                    self._hire(rank, d.pc_id, rk)
            for c in d.circles:
                self._hire("DSP", c, rk, key=True)
            for i, t in enumerate(d.thanas):
                women = i == 1  # the Mahila Thana
                self._hire(
                    "Inspector" if rng.random() < 0.6 else "SI",
                    t,
                    rk,
                    female=True if women else None,
                    key=True,
                )
                for _ in range(rng.randint(2, 4)):
                    rank = "SI" if rng.random() < 0.5 else "ASI"
                    self._hire(rank, t, rk, female=True if women else None)
                for _ in range(rng.randint(6, 12)):
                    rank = "Constable" if rng.random() < 0.75 else "Head Constable"
                    self._hire(rank, t, rk, female=(rng.random() < 0.8) if women else None)
            for o in d.outposts:
                self._hire("SI" if rng.random() < 0.5 else "ASI", o, rk, key=True)
                for _ in range(rng.randint(2, 3)):
                    self._hire("Constable", o, rk)

    # ---------------------------------------------------------------- groups

    def _created(self, kind: str) -> date:
        rng = self.rng
        r = rng.random()
        start = date(2020, 5, 20)
        if kind in ("thana_public", "circle", "district_staff", "division") and r < 0.7:
            return start + timedelta(days=rng.randint(0, 120))
        if r < 0.9:
            return start + timedelta(days=rng.randint(0, (date(2025, 12, 31) - start).days))
        return date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))  # up to 2026-10-28

    def _group(
        self, group_id: str, unit_id: str, kind: str, name: str, name_hi: str, file_key: str
    ) -> _Group:
        g = _Group(group_id, unit_id, kind, name, name_hi, self._created(kind), file_key)
        self.groups.append(g)
        self.group_of_unit.setdefault(unit_id, g)
        return g

    def _public_member(self, g: _Group) -> int:
        rng = self.rng
        cats = [c for c, _ in _PUBLIC_CATEGORIES]
        weights = [w for _, w in _PUBLIC_CATEGORIES]
        category = rng.choices(cats, weights)[0]
        female = category == "suraksha_sakhi" or rng.random() < 0.25
        person = self.people.new(female)
        g.add(person, category)
        return person

    def _staff_in(self, g: _Group, staff: Sequence[_Staff], admin: _Staff | None = None) -> None:
        if admin is not None:
            g.add(admin.person, "police", admin.rank, admin=True)
        for s in staff:
            if s.grouped:
                g.add(s.person, "police", s.rank)

    def _thana_size(self, lagging: bool) -> int:
        rng = self.rng
        big = rng.random() < 0.3  # about 30% of thana groups have reached the 200 target
        size = rng.randint(200, 280) if big else int(rng.triangular(50, 199, 150))
        return int(size * rng.uniform(0.4, 0.6)) if lagging else size

    def build_groups(self) -> None:
        rng = self.rng
        for d in self.districts:
            self.progress(f"groups: {d.name}")
            n_missing = max(1, int(0.05 * len(d.thanas) + rng.random()))
            missing = set(rng.sample(range(3, len(d.thanas)), n_missing))
            notables: dict[str, list[int]] = {c: [] for c in d.circles}
            thana_members: dict[str, list[int]] = {}
            for i, t in enumerate(d.thanas):
                if i in missing:
                    continue
                tn, tn_hi = self.unit_names[t]
                tn = tn if tn.endswith(" Thana") else f"{tn} Thana"
                tn_hi = tn_hi if tn_hi.endswith(" थाना") else f"{tn_hi} थाना"
                g = self._group(
                    f"G-{t}",
                    t,
                    "thana_public",
                    f"{d.name} {tn} Jan Samvad",
                    f"{d.name_hi} {tn_hi} जन संवाद",
                    d.code,
                )
                staff = self.staff_at[t]
                self._staff_in(g, staff[1:], admin=staff[0])
                size = max(self._thana_size(d.lagging), len(g.members) + 5)
                public: list[int] = []
                while len(g.members) < size:
                    public.append(self._public_member(g))
                thana_members[t] = public
                notable = [m.person for m in g.members if m.category in _NOTABLE]
                notables[d.thana_circle[t]] += rng.sample(
                    notable, min(len(notable), rng.randint(8, 16))
                )
            for o in d.outposts:
                on, on_hi = self.unit_names[o]
                g = self._group(
                    f"G-{o}",
                    o,
                    "outpost_public",
                    f"{d.name} {on} OP Jan Samvad",
                    f"{d.name_hi} {on_hi} ओपी जन संवाद",
                    d.code,
                )
                staff = self.staff_at[o]
                self._staff_in(g, staff[1:], admin=staff[0])
                size = int(rng.triangular(20, 125, 50) * (0.5 if d.lagging else 1.0))
                size = max(size, len(g.members) + 3)
                parent = thana_members.get(d.op_thana[o], [])
                shared = rng.sample(parent, min(len(parent), size // 4))
                parent_group = self.group_of_unit[d.op_thana[o]] if parent else None
                for p in shared:
                    assert parent_group is not None
                    category = next(m.category for m in parent_group.members if m.person == p)
                    g.add(p, category)
                while len(g.members) < size:
                    self._public_member(g)
            sp = self.staff_at[d.pc_id][0]
            for c in d.circles:
                cn, cn_hi = self.unit_names[c]
                g = self._group(
                    f"G-{c}",
                    c,
                    "circle",
                    f"{d.name} {cn} Circle Samanvay",
                    f"{d.name_hi} {cn_hi} अंचल समन्वय",
                    d.code,
                )
                # One circle group in five still lacks the SP the profile requires in it.
                with_sp = [sp] if self.story_rng.random() < 0.8 else []
                self._staff_in(g, with_sp, admin=self.staff_at[c][0])
                for t in d.thanas:  # the SHO and the officers (SI, ASI) of each thana
                    if d.thana_circle[t] == c:
                        sho = self.staff_at[t][0]
                        g.add(sho.person, "police", sho.rank)
                        officers = [s for s in self.staff_at[t] if s.rank in ("SI", "ASI")]
                        self._staff_in(g, officers)
                by_person = {
                    m.person: m.category
                    for t in d.thanas
                    if d.thana_circle[t] == c and t in thana_members
                    for m in self.group_of_unit[t].members
                }
                for p in notables[c]:
                    g.add(p, by_person[p])
            self._staff_groups(d)
        for suffix, den, dhi in names.BIHAR_DIVISIONS:
            unit = f"BR-DIV-{suffix}"
            g = self._group(f"G-{unit}", unit, "division", f"{den} Bihar", f"{dhi} बिहार", "DIV")
            staff = self.staff_at[unit]
            self._staff_in(g, staff[1:], admin=staff[0])
            self._staff_in(g, self.hq_officers)
            for d in self.districts:
                self._staff_in(g, self.staff_at[d.pc_id][:1])

    def _staff_groups(self, d: _District) -> None:
        rng = self.rng
        pc_staff = self.staff_at[d.pc_id]
        g = self._group(
            f"G-{d.pc_id}-STAFF",
            d.pc_id,
            "district_staff",
            f"{d.name} Police Parivar",
            f"{d.name_hi} पुलिस परिवार",
            d.code,
        )
        self._staff_in(g, pc_staff[1:], admin=pc_staff[0])
        self._staff_in(g, self.range_officers[d.range_code])
        for u in d.circles + d.thanas + d.outposts:
            self._staff_in(g, self.staff_at[u][:1])
        rest = [s for u in d.thanas for s in self.staff_at[u][1:] if s.grouped]
        target = rng.randint(150, 250)
        if len(g.members) < target and rest:
            self._staff_in(g, rng.sample(rest, min(len(rest), target - len(g.members))))
        if d.no_women_group:
            return  # no women-staff group yet
        women = [
            s
            for u in [d.pc_id, *d.circles, *d.thanas, *d.outposts]
            for s in self.staff_at[u]
            if self.people.female[s.person]
        ]
        head = pc_staff[2]
        g = self._group(
            f"G-{d.pc_id}-WOMEN",
            d.pc_id,
            "women_staff",
            f"{d.name} Mahila Police",
            f"{d.name_hi} महिला पुलिस",
            d.code,
        )
        self._staff_in(g, women, admin=head)

    # ---------------------------------------------------------------- blocklist

    def build_blocklist(self) -> None:
        rng = self.rng
        n = 20 if self.small else 300
        inside = n // 4
        for i in range(n):
            d = rng.choice(self.districts)
            thana = rng.choice(d.thanas)
            person = self.people.new(rng.random() < 0.08)
            self.blocklist.append((person, rng.randrange(len(names.BLOCK_REASONS)), thana))
            if i < inside:
                g = self.group_of_unit.get(thana)
                if g is None or g.kind != "thana_public":
                    g = next(self.group_of_unit[t] for t in d.thanas if t in self.group_of_unit)
                g.add(person, rng.choice(("citizen", "citizen", "trader", "public_rep")))

    # ---------------------------------------------------------------- writing

    def _rotate(self, i: int) -> tuple[str, str]:
        return (".csv" if i % 2 == 0 else ".xlsx"), _LANGS[i % 3]

    def write(self, out: Path) -> DemoSummary:
        w = _Writer(out)
        self.progress("writing units")
        self._write_units(w)
        self.progress("writing groups")
        n_groups = self._write_groups(w)
        self.progress("writing staff")
        self._write_staff(w)
        roster_rows = self._write_rosters(w)
        self.progress("writing blocklist")
        self._write_blocklist(w)
        w.write(
            "rosters/notes.csv",
            ["Sr", "Remarks", "Date"],
            [
                ["1", "Thana groups list to be sent by Friday", "28-10-2026"],
                ["2", "Women staff group pending in two districts", "30-10-2026"],
                ["3", "Send updated rosters to PHQ", "31-10-2026"],
            ],
        )
        self.progress("writing chats")
        chats, chat_messages = write_chats(
            out,
            self.groups,
            self.people,
            names=self.sheet_names,
            places=self.unit_names,
            blocked=[person for person, _, _ in self.blocklist],
            seed=self.rng.getrandbits(64),
            scale=self.scale,
            progress=self.progress,
        )
        self.progress("writing registers, alerts and stories")
        response = write_response(
            out, self._response_thanas(), scale=self.scale, seed=self.rng.getrandbits(62)
        )
        return DemoSummary(
            files=w.files + chats + response.files,
            units=len(self.units),
            groups=n_groups,
            roster_rows=roster_rows,
            staff=len(self.staff),
            blocklist=len(self.blocklist),
            bad_rows=self.bad_rows,
            bad_files=1,
            chats=chats,
            chat_messages=chat_messages,
            registers=response.registers,
            alerts=response.alerts,
            stories=response.stories,
            response_bad_rows=response.bad_rows,
        )

    def _response_thanas(self) -> list[Thana]:
        return [
            Thana(
                t,
                d.unit_id,
                self.group_of_unit[t].group_id if t in self.group_of_unit else None,
                *self.unit_names[t],
                d.name,
                d.name_hi,
            )
            for d in self.districts
            for t in d.thanas
        ]

    def _unit_rows(self, units: Sequence[_Unit], lang: str) -> list[list[str]]:
        return [
            [u.unit_id, u.kind, u.name_hi if lang == "hi" else u.name, u.name_hi, u.parent_id]
            for u in units
        ]

    def _write_units(self, w: _Writer) -> None:
        if self.small:
            w.write("units/units.csv", _headers("units", "en"), self._unit_rows(self.units, "en"))
            return
        upper = [u for u in self.units if u.kind not in ("thana", "outpost")]
        lower = [u for u in self.units if u.kind in ("thana", "outpost")]
        # Named so that name order is load order: a thana's circle is known before the thana.
        w.write("units/units.csv", _headers("units", "en"), self._unit_rows(upper, "en"))
        w.write(
            "units/units_thanas_outposts.xlsx",
            _headers("units", "hi"),
            self._unit_rows(lower, "hi"),
        )

    def _write_groups(self, w: _Writer) -> int:
        rng = self.rng
        people = self.people
        by_key: dict[str, list[_Group]] = {}
        range_of = {d.code: d.range_code for d in self.districts}
        for g in self.groups:
            key = "all" if self.small else range_of.get(g.file_key, "DIV")
            by_key.setdefault(key, []).append(g)
        n_bad = 1 if self.small else 5
        for i, (key, groups) in enumerate(by_key.items()):
            if self.small:
                path, lang = "groups/groups.csv", "en"
            else:
                suffix, lang = self._rotate(i)
                path = f"groups/{self.file_names.get(key, 'divisions')}{suffix}"
            rows = [
                [
                    g.group_id,
                    g.unit_id,
                    g.kind,
                    g.name_hi if lang == "hi" else g.name,
                    _phone_text(people.phone[g.admin], rng),
                    _date_text(g.created_on, lang),
                ]
                for g in groups
            ]
            self.sheet_names.update(
                (g.group_id, row[3]) for g, row in zip(groups, rows, strict=True)
            )
            if n_bad > 0 and key != "DIV":  # a group whose unit is not in any units sheet
                d = next(d for d in self.districts if d.code == groups[0].file_key)
                rows.insert(
                    rng.randrange(len(rows)),
                    [
                        f"G-{d.unit_id}-T99{n_bad}",
                        f"{d.unit_id}-T99{n_bad}",
                        "thana_public",
                        f"{d.name} New Thana Jan Samvad",
                        _phone_text(people.phone[0], rng),
                        _date_text(date(2026, 10, 15), lang),
                    ],
                )
                n_bad -= 1
                self.bad_rows += 1
            w.write(path, _headers("groups", lang), rows)
        return len(self.groups)

    def _write_staff(self, w: _Writer) -> None:
        rng = self.rng
        by_key: dict[str, list[_Staff]] = {}
        for s in self.staff:
            by_key.setdefault(s.file_key, []).append(s)
        n_bad = 1 if self.small else 5
        for i, (key, staff) in enumerate(by_key.items()):
            suffix, lang = self._rotate(i)
            path = f"staff/{self.file_names.get(key, 'headquarters')}{suffix}"
            rows = [
                [
                    s.staff_id,
                    self.people.name(s.person, lang),
                    s.rank,
                    s.unit_id,
                    _phone_text(self.people.phone[s.person], rng),
                ]
                for s in staff
            ]
            if n_bad > 0 and key != "HQ":
                d = next(d for d in self.districts if d.range_code == key)
                person = self.people.new(False)
                rows.insert(
                    rng.randrange(len(rows)),
                    [
                        f"BRP-9{n_bad:05d}",
                        self.people.name(person, lang),
                        "Constable",
                        f"{d.unit_id}-T999",
                        _phone_text(self.people.phone[person], rng),
                    ],
                )
                n_bad -= 1
                self.bad_rows += 1
            w.write(path, _headers("staff", lang), rows)

    def _roster_rows(
        self, groups: Sequence[_Group], lang: str, as_of: date, keep: float = 1.0
    ) -> list[list[str]]:
        rng = self.rng
        people = self.people
        day = _date_text(as_of, lang)
        rows: list[list[str]] = []
        for g in groups:
            for m in g.members:
                if keep < 1.0 and not m.admin and rng.random() > keep:
                    continue
                rows.append(
                    [
                        g.group_id,
                        people.name(m.person, lang),
                        _phone_text(people.phone[m.person], rng),
                        _category_text(m.category, lang, rng),
                        m.rank,
                        _flag_text(m.admin, lang),
                        day,
                    ]
                )
        return rows

    def _bad_roster_rows(self, rows: list[list[str]], lang: str, d: _District, n: int) -> None:
        """Adds n of each bad-row kind to a district's roster rows (in place)."""
        rng = self.rng
        people = self.people
        day = _date_text(CURRENT, lang)
        thana_groups = [r[0] for r in rows if r[0].startswith(f"G-{d.unit_id}-T")]
        for _ in range(n):  # exact duplicates of good rows, later in the same file
            at = rng.randrange(len(rows))
            rows.insert(rng.randrange(at + 1, len(rows) + 1), list(rows[at]))
        for k in range(n):
            group = rng.choice(thana_groups)
            bad_phone = ("12345", "98765", "1234567890", "99999")[k % 4]
            p1, p2 = people.new(False), people.new(True)
            extra = [
                [
                    group,
                    people.name(p1, lang),
                    bad_phone,
                    _category_text("citizen", lang, rng),
                    "",
                    _flag_text(False, lang),
                    day,
                ],
                [
                    f"G-{d.unit_id}-T9{k:02d}",
                    people.name(p2, lang),
                    _phone_text(people.phone[p2], rng),
                    _category_text("trader", lang, rng),
                    "",
                    _flag_text(False, lang),
                    day,
                ],
                [
                    group,
                    people.name(p1, lang),
                    _phone_text(people.phone[p1], rng),
                    "आगंतुक" if lang == "hi" else "visitor",
                    "",
                    _flag_text(False, lang),
                    day,
                ],
            ]
            for row in extra:
                rows.insert(rng.randrange(len(rows)), row)
            self.bad_rows += 4

    def _write_rosters(self, w: _Writer) -> int:
        by_key: dict[str, list[_Group]] = {}
        for g in self.groups:
            by_key.setdefault(g.file_key, []).append(g)
        file_name = {d.code: d.name.lower() for d in self.districts}
        file_name["DIV"] = "divisions"
        district_of = {d.code: d for d in self.districts}
        bad_total = 2 if self.small else 10  # of each roster bad-row kind
        bad_files = list(district_of)[:bad_total] if not self.small else list(district_of)
        bad_each = {k: bad_total // len(bad_files) for k in bad_files}
        for k in bad_files[: bad_total % len(bad_files)]:
            bad_each[k] += 1
        good = 0
        for i, (key, groups) in enumerate(by_key.items()):
            self.progress(f"rosters: {file_name[key].title()}")
            suffix, lang = self._rotate(i)
            rows = self._roster_rows(groups, lang, CURRENT)
            good += len(rows)
            if key in bad_each:
                self._bad_roster_rows(rows, lang, district_of[key], bad_each[key])
            w.write(
                f"rosters/{CURRENT.isoformat()}_{file_name[key]}{suffix}",
                _headers("rosters", lang),
                rows,
            )
            for name, rows in self._history_rows(groups, i).items():
                suffix, lang = self._rotate(i + 1 + LIST_NAMES.index(name))
                good += len(rows)
                w.write(
                    f"rosters/{LIST_FILE_DATES[name].isoformat()}_{file_name[key]}{suffix}",
                    _headers("rosters", lang),
                    rows,
                )
        return good

    def _history_rows(self, groups: Sequence[_Group], i: int) -> dict[str, list[list[str]]]:
        """The earlier lists of `groups` (baseline, middle), each row dated by its group."""
        rng = self.story_rng
        people = self.people
        rows: dict[str, list[list[str]]] = {name: [] for name in LIST_NAMES}
        for g in groups:
            order, lists = earlier_lists(g, rng, CURRENT)
            for listed in lists:
                lang = self._rotate(i + 1 + LIST_NAMES.index(listed.name))[1]
                day = _date_text(listed.day, lang)
                for idx in order[: listed.size]:
                    m = g.members[idx]
                    rows[listed.name].append(
                        [
                            g.group_id,
                            people.name(m.person, lang),
                            _phone_text(people.phone[m.person], rng),
                            _category_text(m.category, lang, rng),
                            m.rank,
                            _flag_text(m.admin, lang),
                            day,
                        ]
                    )
        return {name: r for name, r in rows.items() if r}

    def _write_blocklist(self, w: _Writer) -> None:
        rng = self.rng
        half = len(self.blocklist) if self.small else len(self.blocklist) // 2
        for path, lang, part in (
            ("blocklist/blocklist.csv", "bi", self.blocklist[:half]),
            ("blocklist/blocklist_hi.xlsx", "hi", self.blocklist[half:]),
        ):
            if not part:
                continue
            rows = []
            for person, reason, unit in part:
                en, hi = names.BLOCK_REASONS[reason]
                text = hi if lang == "hi" or rng.random() < 0.3 else en
                rows.append(
                    [
                        _phone_text(self.people.phone[person], rng),
                        self.people.name(person, lang),
                        text,
                        unit,
                    ]
                )
            w.write(path, _headers("blocklist", lang), rows)


def write_demo(
    out: Path,
    *,
    state: str = "bihar",
    scale: str = "small",
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Writes a synthetic inbox for `state` at `scale` under `out`; same seed, same bytes.

    Files already in `out` are overwritten when they have the same name and otherwise left alone.
    """
    if state not in STATES:
        raise ValueError(f"demo for state {state} is not built yet")
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {', '.join(SCALES)}")

    def _quiet(_: str) -> None:
        return None

    bihar = _Bihar(scale, seed, progress or _quiet)
    bihar.progress("units")
    bihar.build_units()
    bihar.build_staff()
    bihar.build_groups()
    bihar.build_blocklist()
    out.mkdir(parents=True, exist_ok=True)
    return bihar.write(out)
