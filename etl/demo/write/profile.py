"""The demo's own target profile: the state's profile with its member target scaled to the demo.

The small demo holds a few dozen of the state's thanas, so judging it against the state's whole
target (200,000 members in Bihar) makes the trend hug zero and every projection say "not at this
pace". The demo's profile keeps every rule of the state's and scales the member target by the
demo's share of the state's thanas; its date moves with the demo's calendar. It says it is a
demo-scale target (`demo_scale: true`, and the name says so), so every screen can show it as such.
The dashboard reads it only while demo mode is on (`Settings.demo_targets`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from etl.demo.calendar import DemoCalendar
from etl.demo.states import SHAPES


def demo_target(state: str, state_target: int) -> int:
    """The state's member target × the small demo's share of the state's thanas, to the 100."""
    shape = SHAPES[state]
    return int(round(state_target * sum(shape.small_thanas.values()) / shape.thanas, -2))


def demo_profile_text(state: str, state_profile: str, calendar: DemoCalendar) -> str:
    """The state's profile text with the demo-scale target, its date moved, and marked."""

    def line(key: str, text: str) -> str:
        found = re.search(rf"^{key}:\s*(.+?)\s*$", text, re.MULTILINE)
        if found is None:
            raise ValueError(f"the {state} profile has no {key} line")
        return found[1]

    target = int(line("member_target", state_profile))
    on = calendar.day(date.fromisoformat(line("member_target_date", state_profile)))
    changed = {
        "name": f"{line('name', state_profile)} (demo scale)",
        "name_hi": f"{line('name_hi', state_profile)} (डेमो पैमाना)",
        "member_target": str(demo_target(state, target)),
        "member_target_date": on.isoformat(),
    }
    text = state_profile
    for key, value in changed.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
    head = (
        f"# The demo's profile, written by the demo build: {state}'s own rules, its member target\n"
        f"# ({target}) scaled to the demo's share of the state's thanas.\n"
        "demo_scale: true\n"
    )
    return head + text


def write_demo_profile(
    targets_dir: Path, demo_targets: Path, state: str, calendar: DemoCalendar
) -> Path:
    """Writes `demo_targets/<state>.yaml` from `targets_dir/<state>.yaml`; returns its path."""
    text = (targets_dir / f"{state}.yaml").read_text(encoding="utf-8")
    demo_targets.mkdir(parents=True, exist_ok=True)
    path = demo_targets / f"{state}.yaml"
    path.write_text(demo_profile_text(state, text, calendar), encoding="utf-8")
    return path
