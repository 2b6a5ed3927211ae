"""A deterministic synthetic state, written as real inbox files (CSV and XLSX sheets).

`write_demo(out, state="bihar", scale="small", seed=7)` writes `units/`, `groups/`, `staff/`,
`rosters/`, `blocklist/`, `chats/`, `registers/`, `alerts/`, `stories/` and `directives/` under
`out` (and the planted directives' and rumours' truth beside it: `etl.demo.spread`), with the
headers declared in `etl.sources.sheets.columns` (English, Hindi or bilingual), a handful of
bad rows and exactly one bad file, so that every path of the ETL has something to do. Everything
comes from `random.Random(seed)`: the same seed writes byte-identical files.

Each state follows its own order and profile (`data/targets/<state>.yaml`), as of 2026-11-01:
- Bihar: most thana groups below 200 members, outposts mostly below 100, a few thanas without a
  group, a district without a women-staff group, one circle group in five without the SP.
- Rajasthan: a circle group per Circle Officer holding the station staff and the volunteers;
  some below 150 members, some missing the SP or the range IG, some run by the SHO instead of
  the CO, a circle or two without a group; one apex group at headquarters, short of an SP.
- Uttar Pradesh: a thana group per station with the SHO as admin; most below 250, some run by a
  beat constable rather than the SHO, a few thanas without a group.
In every state some staff are in no group and some blocklisted people sit in public groups. Each
group also has earlier, shorter member lists (see `etl.demo.build.history`), so the weekly series
climbs.

The work is split by what it holds: the states' structure (`etl.demo.states`,
`etl.demo.data.ranges`), the unit tree (`etl.demo.build.units`), staff and blocklist
(`etl.demo.build.staff`), the groups (`etl.demo.build.groups` and one module per state), and the
files (`etl.demo.write.inbox`, `etl.demo.write.rosters`, `etl.demo.write.sheets`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from etl.demo.build.admin_turns import admin_turns
from etl.demo.build.chat_lines import START
from etl.demo.build.groups_bihar import bihar_host, build_bihar_groups
from etl.demo.build.groups_rajasthan import build_rajasthan_groups, rajasthan_host
from etl.demo.build.groups_up import build_up_groups, up_host
from etl.demo.build.staff import build_blocklist, build_staff
from etl.demo.build.units import build_units
from etl.demo.calendar import calendar_for
from etl.demo.model import Demo, District, Group
from etl.demo.spread import DemoSpread
from etl.demo.states import SHAPES
from etl.demo.write.inbox import DemoSummary, write_inbox
from etl.demo.write.sheets import SheetWriter

__all__ = ["SCALES", "STATES", "DemoSummary", "write_demo"]

SCALES = ("small", "state")
STATES = tuple(SHAPES)

# Per state: who builds its groups, and which public group a blocklisted person sits in.
_GROUPS: dict[str, Callable[[Demo], None]] = {
    "bihar": build_bihar_groups,
    "rajasthan": build_rajasthan_groups,
    "up": build_up_groups,
}
_HOSTS: dict[str, Callable[[Demo, District, str], Group]] = {
    "bihar": bihar_host,
    "rajasthan": rajasthan_host,
    "up": up_host,
}


def write_demo(
    out: Path,
    *,
    state: str = "bihar",
    scale: str = "small",
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Writes a synthetic inbox for `state` at `scale` under `out`, its newest day `today` (None:
    the clock's day in IST); same seed and same day, same bytes.

    Files already in `out` are overwritten when they have the same name and otherwise left alone.
    """
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}; expected one of {', '.join(STATES)}")
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {', '.join(SCALES)}")

    def _quiet(_: str) -> None:
        return None

    demo = Demo(SHAPES[state], scale, seed, progress or _quiet, calendar_for(today))
    demo.progress("units")
    build_units(demo)
    build_staff(demo)
    _GROUPS[state](demo)
    build_blocklist(demo, lambda d, thana: _HOSTS[state](demo, d, thana))
    demo.admin_turns = admin_turns(
        demo.groups, demo.shape.main_kind, demo.calendar.day(START), demo.calendar.today, seed
    )
    out.mkdir(parents=True, exist_ok=True)
    # Directives and rumours are planted into the chats, the register and the truth written
    # after them (etl.demo.spread), from a stream of their own.
    spread = DemoSpread(demo, seed)
    summary = write_inbox(demo, out, plant=spread)
    directives = spread.write(out, SheetWriter(out, demo.calendar.now))
    return replace(summary, files=summary.files + 1, directives=directives)
