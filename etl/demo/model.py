"""The demo state in memory: units, people, staff and groups, before any file is written.

`Demo` holds everything the builders (`etl.demo.build.units`, `etl.demo.build.staff`, the group
builders) fill in and the writers (`etl.demo.write.inbox`, `etl.demo.write.rosters`) read.
Everything random comes from its two streams, so the same seed builds the same state."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from etl.demo.build.admin_turns import AdminTurn
from etl.demo.calendar import DemoCalendar
from etl.demo.data.names import FEMALE_FIRST, MALE_FIRST
from etl.demo.states import Pairs, StateShape


@dataclass
class Unit:
    unit_id: str
    kind: str
    name: str
    name_hi: str
    parent_id: str


@dataclass
class Member:
    person: int
    category: str
    rank: str = ""
    admin: bool = False


@dataclass
class Group:
    group_id: str
    unit_id: str
    kind: str
    name: str
    name_hi: str
    created_on: date
    file_key: str  # district code, or "DIV" / "HQ" for the state-level groups
    admin: int = -1
    members: list[Member] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def add(self, person: int, category: str, rank: str = "", admin: bool = False) -> None:
        if person in self.seen:
            return
        self.seen.add(person)
        self.members.append(Member(person, category, rank, admin))
        if admin:
            self.admin = person


@dataclass
class Staff:
    staff_id: str
    person: int
    rank: str
    unit_id: str
    file_key: str  # range code, or "HQ"
    grouped: bool = True


@dataclass
class District:
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


class People:
    """Every synthetic person, columnar: unique 10-digit mobile, first name, surname.

    `surnames` ends with two used for women only (Devi, Kumari and the like)."""

    def __init__(self, rng: random.Random, surnames: Pairs) -> None:
        self.rng = rng
        self.surnames = surnames
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
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        sur = rng.choice(self.surnames[:-2])
        if female and rng.random() < 0.4:
            sur = rng.choice(self.surnames[-2:])
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


class Demo:
    """The synthetic state being built: filled by the builders, read by the writers."""

    def __init__(
        self,
        shape: StateShape,
        scale: str,
        seed: int,
        progress: Callable[[str], None],
        calendar: DemoCalendar,
    ) -> None:
        self.shape = shape
        self.calendar = calendar  # the build day: the current member lists' date
        self.rng = random.Random(seed)
        # Earlier member lists and officer gaps draw from their own stream.
        self.story_rng = random.Random(seed * 7919 + 1)
        self.scale = scale
        self.small = scale == "small"
        self.progress = progress
        self.people = People(self.rng, shape.surnames)
        self.units: list[Unit] = []
        self.unit_names: dict[str, tuple[str, str]] = {}
        self.districts: list[District] = []
        self.staff: list[Staff] = []
        self.staff_at: dict[str, list[Staff]] = {}
        self.groups: list[Group] = []
        self.group_of_unit: dict[str, Group] = {}
        self.blocklist: list[tuple[int, int, str]] = []  # person, reason index, unit_id
        self.range_officers: dict[str, list[Staff]] = {}
        self.hq_officers: list[Staff] = []
        self.bad_rows = 0
        self.sheet_names: dict[str, str] = {}  # group id → name in the groups sheet
        # Groups whose chat makes or dismisses the designated admin after their newest list.
        self.admin_turns: dict[str, AdminTurn] = {}
        self.staff_no = 0

    def in_scale(self, range_code: str) -> bool:
        """Whether a range is built: all of them at state scale, those of `small_thanas` at small
        scale."""
        if not self.small:
            return True
        districts = next(r[3] for r in self.shape.ranges if r[0] == range_code)
        return any(code in self.shape.small_thanas for code, _, _ in districts)

    def unit(self, unit_id: str, kind: str, name: str, name_hi: str, parent: str) -> None:
        self.units.append(Unit(unit_id, kind, name, name_hi, parent))
        self.unit_names[unit_id] = (name, name_hi)


@dataclass(frozen=True)
class Thana:
    """A thana as the registers need it: ids, its district, its public group (if any), names."""

    unit_id: str
    district_id: str
    group_id: str | None
    name: str
    name_hi: str
    district: str
    district_hi: str
