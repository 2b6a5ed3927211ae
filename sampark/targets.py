"""State target profiles (data/targets/*.yaml) → typed rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from sampark.schema import GROUP_KINDS, UNIT_KINDS


class BadProfile(ValueError):
    """A target profile that cannot be used; the message names the file and the reason."""


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
    response_sla_hours: dict[str, float]
    """Hours from a register entry's receipt by which each stage is due (cognizance … closed)."""
    alert_sla_minutes: dict[str, float]
    """Minutes from an alert's receipt by which each stage is due (traced, forwarded, contacted)."""


def _check_kinds(path: Path, field: str, kinds: list[str], allowed: tuple[str, ...]) -> None:
    unknown = [k for k in kinds if k not in allowed]
    if unknown:
        raise BadProfile(f"{path}: {field}: unknown kind(s) {', '.join(map(str, unknown))}")


REGISTER_STAGES = ("cognizance", "fir", "action", "closed")
ALERT_STAGES = ("traced", "forwarded", "contacted")


def _stage_limits(
    path: Path, raw: dict[str, Any], field: str, stages: tuple[str, ...]
) -> dict[str, float]:
    given = raw.get(field) or {}
    if not isinstance(given, dict):
        raise BadProfile(f"{path}: {field} must map stages to numbers")
    unknown = [k for k in given if k not in stages]
    if unknown:
        raise BadProfile(f"{path}: {field}: unknown stage(s) {', '.join(map(str, unknown))}")
    limits: dict[str, float] = {}
    for stage, value in given.items():
        if not isinstance(value, int | float) or value <= 0:
            raise BadProfile(f"{path}: {field}.{stage} must be a positive number, not {value!r}")
        limits[str(stage)] = float(value)
    return limits


def read_profile(path: Path) -> Profile:
    """The profile in `path`, or BadProfile naming what is wrong."""
    try:
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise BadProfile(f"{path}{where}: not valid YAML ({exc})") from exc
    needed = (
        "state",
        "name",
        "member_target",
        "member_target_date",
        "min_members",
        "required_groups",
    )
    absent = [k for k in needed if k not in raw]
    if absent:
        raise BadProfile(f"{path}: missing {', '.join(absent)}")
    min_members = {str(k): int(v) for k, v in raw["min_members"].items()}
    _check_kinds(path, "min_members", list(min_members), GROUP_KINDS)
    required = {str(k): tuple(v) for k, v in raw["required_groups"].items()}
    _check_kinds(path, "required_groups", list(required), UNIT_KINDS)
    for unit_kind, kinds in required.items():
        _check_kinds(path, f"required_groups.{unit_kind}", list(kinds), GROUP_KINDS)
    target_date = raw["member_target_date"]
    if not isinstance(target_date, date):
        raise BadProfile(f"{path}: member_target_date must be a date like 2027-03-31")
    return Profile(
        state=str(raw["state"]),
        name=str(raw["name"]),
        name_hi=str(raw.get("name_hi", "")),
        member_target=int(raw["member_target"]),
        member_target_date=target_date,
        min_members=min_members,
        required_groups=required,
        public_group_kinds=tuple(raw.get("public_group_kinds", ("thana_public", "outpost_public"))),
        response_sla_hours=_stage_limits(path, raw, "response_sla_hours", REGISTER_STAGES),
        alert_sla_minutes=_stage_limits(path, raw, "alert_sla_minutes", ALERT_STAGES),
    )


def load_profile(targets_dir: Path, state: str) -> Profile:
    path = targets_dir / f"{state}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in targets_dir.glob("*.yaml")))
        raise BadProfile(f"no target profile for state '{state}' (have: {known})")
    return read_profile(path)
