"""State target profiles (data/targets/*.yaml) → typed rules.

A profile that cannot be used raises BadProfile naming the file, the YAML line and the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from sampark.schema import GROUP_KINDS, UNIT_KINDS


class BadProfile(ValueError):
    """A target profile that cannot be used; the message names the file, line and reason."""


# Where a required officer is posted, relative to the group's own unit. `all`: every officer
# of the rank in the state (the apex group holds every range IG and every district SP).
POSTINGS = ("unit", "circle", "district", "range", "state", "all")


@dataclass(frozen=True)
class Officer:
    """Staff of one of `ranks` posted at the group's `at` level (see POSTINGS)."""

    ranks: tuple[str, ...]
    at: str

    @property
    def label(self) -> str:
        return "/".join(self.ranks)


@dataclass(frozen=True)
class MemberRule:
    """Who must be in a group of one kind, and who must be its admin.

    Every officer each member rule names must be a member; at least one officer the admin rule
    names must be an admin (a thana has several SIs; one of them is SHO).
    """

    members: tuple[Officer, ...] = ()
    admin: Officer | None = None


@dataclass(frozen=True)
class SpreadRules:
    """How a directive must travel and when a text counts as a rumour or a broadcast.

    `directive_targets`: the group kinds every directive must reach (Rajasthan: circle groups;
    Bihar and UP: thana and outpost public groups); `chain`: the group kinds it travels through
    from the apex down (a stall is named only at a unit holding one of them). A rumour: a text
    first sent by someone outside the police, seen in ≥ `rumour_groups` groups across
    ≥ `rumour_districts` districts within `rumour_window_hours` of its first sighting. A text
    seen in ≥ `broadcast_groups` groups is a broadcast (its text is kept: README).
    """

    directive_targets: tuple[str, ...] = ("thana_public", "outpost_public")
    chain: tuple[str, ...] = (
        "apex",
        "district_staff",
        "division",
        "circle",
        "thana_public",
        "outpost_public",
    )
    rumour_groups: int = 5
    rumour_districts: int = 2
    rumour_window_hours: float = 24.0
    broadcast_groups: int = 5


@dataclass(frozen=True)
class Profile:
    state: str
    name: str
    name_hi: str
    member_target: int
    member_target_date: date
    min_members: dict[str, int]
    required_groups: dict[str, tuple[str, ...]]
    public_group_kinds: tuple[str, ...]
    response_sla_hours: dict[str, float] = field(default_factory=dict)
    """Hours from a register entry's receipt by which each stage is due (cognizance … closed)."""
    alert_sla_minutes: dict[str, float] = field(default_factory=dict)
    """Minutes from an alert's receipt by which each stage is due (traced, forwarded, contacted)."""
    required_members: dict[str, MemberRule] = field(default_factory=dict)
    """Per group kind, the officers it must hold and who must be its admin."""
    staff_coverage: float = 1.0
    """Share of staff that must be in at least one group (the orders say every officer)."""
    spread: SpreadRules = field(default_factory=SpreadRules)
    """Directive targets and chain, rumour and broadcast thresholds."""
    demo_scale: bool = False
    """The demo's own profile (`demo_scale: true`): its member target is the state's scaled to
    the demo, and screens say so."""


REGISTER_STAGES = ("cognizance", "fir", "action", "closed")
ALERT_STAGES = ("traced", "forwarded", "contacted")


class _Lines:
    """The YAML line of each key path, so an error can point at it."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, ...], int] = {}
        self.seen: set[int] = set()
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, at: tuple[str, ...]) -> None:
        self.lines[at] = node.start_mark.line + 1
        # An alias names a node already walked; walking it again under every path that
        # reaches it takes exponential time on nested aliases ("billion laughs").
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._walk(value, (*at, str(key.value)))
                # The key's own line, not its value's (a block value starts on the next line).
                self.lines[(*at, str(key.value))] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, (*at, str(i)))

    def of(self, *path: str) -> int:
        """The line of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = _Lines(text)

    def fail(self, reason: str, *where: str) -> BadProfile:
        return BadProfile(f"{self.path} line {self.lines.of(*where)}: {where_text(where)}{reason}")

    def mapping(self, value: object, *where: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail("must be a mapping (key: value lines)", *where)
        return {str(k): v for k, v in value.items()}

    def kinds(self, kinds: object, allowed: tuple[str, ...], *where: str) -> tuple[str, ...]:
        listed = isinstance(kinds, list)
        items = kinds if isinstance(kinds, list) else [kinds]
        for i, kind in enumerate(items):
            if kind not in allowed:
                raise self.fail(f"unknown kind {kind!r}", *where, *((str(i),) if listed else ()))
        return tuple(str(k) for k in items)

    def count(self, value: object, *where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"must be a whole number ≥ 0, not {value!r}", *where)
        return value

    def officer(self, value: object, *where: str) -> Officer:
        raw = self.mapping(value, *where)
        ranks = raw.get("rank")
        if not ranks:
            raise self.fail("an officer needs a rank", *where)
        at = raw.get("at", "unit")
        if at not in POSTINGS:
            raise self.fail(f"at must be one of {', '.join(POSTINGS)}, not {at!r}", *where, "at")
        unknown = set(raw) - {"rank", "at"}
        if unknown:
            raise self.fail(f"unknown field(s) {', '.join(sorted(unknown))}", *where)
        listed = ranks if isinstance(ranks, list) else [ranks]
        return Officer(tuple(str(r) for r in listed), str(at))

    def member_rule(self, value: object, kind: str) -> MemberRule:
        where = ("required_members", kind)
        raw = self.mapping(value, *where)
        unknown = set(raw) - {"members", "admin"}
        if unknown:
            raise self.fail(f"unknown field(s) {', '.join(sorted(unknown))}", *where)
        members = raw.get("members") or []
        if not isinstance(members, list):
            raise self.fail("members must be a list of officers", *where, "members")
        return MemberRule(
            members=tuple(
                self.officer(m, *where, "members", str(i)) for i, m in enumerate(members)
            ),
            admin=self.officer(raw["admin"], *where, "admin") if raw.get("admin") else None,
        )

    def stage_limits(
        self, raw: dict[str, Any], key: str, stages: tuple[str, ...]
    ) -> dict[str, float]:
        limits: dict[str, float] = {}
        for stage, value in self.mapping(raw.get(key), key).items():
            if stage not in stages:
                raise self.fail(f"unknown stage {stage!r}", key, stage)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not 0 < value < math.inf  # also refuses .nan
            ):
                raise self.fail(f"must be a positive number, not {value!r}", key, stage)
            limits[stage] = float(value)
        return limits


SPREAD_FIELDS = (
    "directive_targets",
    "chain",
    "rumour_groups",
    "rumour_districts",
    "rumour_window_hours",
    "broadcast_groups",
)


def _spread_rules(r: _Reader, value: object) -> SpreadRules:
    """The profile's `spread:` section; absent fields keep the defaults."""
    raw = r.mapping(value, "spread")
    unknown = set(raw) - set(SPREAD_FIELDS)
    if unknown:
        raise r.fail(f"unknown field(s) {', '.join(sorted(unknown))}", "spread")
    base = SpreadRules()
    targets = r.kinds(
        raw.get("directive_targets", list(base.directive_targets)),
        GROUP_KINDS,
        "spread",
        "directive_targets",
    )
    chain = r.kinds(raw.get("chain", list(base.chain)), GROUP_KINDS, "spread", "chain")
    outside = [k for k in targets if k not in chain]
    if outside:
        raise r.fail(f"target kind(s) {', '.join(outside)} not in the chain", "spread", "chain")
    counts = {
        key: r.count(raw.get(key, getattr(base, key)), "spread", key)
        for key in ("rumour_groups", "rumour_districts", "broadcast_groups")
    }
    for key, value_ in counts.items():
        if value_ < 1:
            raise r.fail(f"must be at least 1, not {value_!r}", "spread", key)
    window = raw.get("rumour_window_hours", base.rumour_window_hours)
    if isinstance(window, bool) or not isinstance(window, int | float) or not 0 < window < math.inf:
        raise r.fail(f"must be a positive number, not {window!r}", "spread", "rumour_window_hours")
    return SpreadRules(
        directive_targets=targets,
        chain=chain,
        rumour_groups=counts["rumour_groups"],
        rumour_districts=counts["rumour_districts"],
        rumour_window_hours=float(window),
        broadcast_groups=counts["broadcast_groups"],
    )


def where_text(where: tuple[str, ...]) -> str:
    return ".".join(where) + ": " if where else ""


def _error_line(exc: yaml.YAMLError, text: str) -> int:
    """The line a YAML error points at (its mark, or the reader's character position)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(exc, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 1


NEEDED = ("state", "name", "member_target", "member_target_date", "min_members", "required_groups")


def read_profile(path: Path) -> Profile:
    """The profile in `path`, or BadProfile naming the line and what is wrong there."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadProfile(f"{path} line {line}: not UTF-8 (byte {exc.start})") from exc
    try:
        loaded = yaml.safe_load(text)
        r = _Reader(path, text)
    except yaml.YAMLError as exc:
        raise BadProfile(f"{path} line {_error_line(exc, text)}: not valid YAML ({exc})") from exc
    except RecursionError as exc:
        raise BadProfile(f"{path} line 1: not valid YAML (nested too deeply)") from exc
    raw = r.mapping(loaded)
    absent = [k for k in NEEDED if k not in raw]
    if absent:
        raise BadProfile(f"{path} line 1: missing {', '.join(absent)}")
    min_members = {
        str(k): r.count(v, "min_members", str(k))
        for k, v in r.mapping(raw["min_members"], "min_members").items()
    }
    for kind in min_members:
        r.kinds(kind, GROUP_KINDS, "min_members", kind)
    required: dict[str, tuple[str, ...]] = {}
    for unit_kind, kinds in r.mapping(raw["required_groups"], "required_groups").items():
        r.kinds(unit_kind, UNIT_KINDS, "required_groups", unit_kind)
        required[unit_kind] = r.kinds(kinds, GROUP_KINDS, "required_groups", unit_kind)
    rules: dict[str, MemberRule] = {}
    for kind, rule in r.mapping(raw.get("required_members"), "required_members").items():
        r.kinds(kind, GROUP_KINDS, "required_members", kind)
        rules[kind] = r.member_rule(rule, kind)
    target_date = raw["member_target_date"]
    if not isinstance(target_date, date):
        raise r.fail("must be a date like 2027-03-31", "member_target_date")
    coverage = raw.get("staff_coverage", 1.0)
    if isinstance(coverage, bool) or not isinstance(coverage, int | float) or not 0 < coverage <= 1:
        raise r.fail(f"must be a share above 0 and at most 1, not {coverage!r}", "staff_coverage")
    public = r.kinds(
        raw.get("public_group_kinds", ["thana_public", "outpost_public"]),
        GROUP_KINDS,
        "public_group_kinds",
    )
    return Profile(
        state=str(raw["state"]),
        name=str(raw["name"]),
        name_hi=str(raw.get("name_hi", "")),
        member_target=r.count(raw["member_target"], "member_target"),
        member_target_date=target_date,
        min_members=min_members,
        required_groups=required,
        public_group_kinds=public,
        response_sla_hours=r.stage_limits(raw, "response_sla_hours", REGISTER_STAGES),
        alert_sla_minutes=r.stage_limits(raw, "alert_sla_minutes", ALERT_STAGES),
        required_members=rules,
        staff_coverage=float(coverage),
        spread=_spread_rules(r, raw.get("spread")),
        demo_scale=raw.get("demo_scale") is True,
    )


def load_profile(targets_dir: Path, state: str) -> Profile:
    path = targets_dir / f"{state}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in targets_dir.glob("*.yaml")))
        raise BadProfile(f"no target profile for state '{state}' (have: {known})")
    return read_profile(path)


def profile_in_force(targets_dir: Path, demo_targets: Path, state: str, demo_on: bool) -> Profile:
    """The profile figures are judged against: while demo mode is on (the database holds only
    the demo's own files) the demo's demo-scale one when it was written, else the state's.
    The dashboard and `sampark report` agree on it."""
    demo = demo_targets / f"{state}.yaml"
    if demo_on and demo.is_file():
        return read_profile(demo)
    return load_profile(targets_dir, state)
