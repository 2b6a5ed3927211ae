"""One module per input kind, one interface (`check(frame, known) -> Checked`), one registry."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from etl.sources import alerts, blocklist, groups, registers, rosters, staff, stories, units
from etl.sources.checks import Checked, Known

Checker = Callable[[pl.DataFrame, Known], Checked]

SOURCES: dict[str, Checker] = {
    "units": units.check,
    "groups": groups.check,
    "staff": staff.check,
    "rosters": rosters.check,
    "blocklist": blocklist.check,
    "registers": registers.check,
    "alerts": alerts.check,
    "stories": stories.check,
}
