"""One module per input kind, one interface (`check(frame, known) -> Checked`), one registry."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from etl.sources import blocklist, groups, rosters, staff, units
from etl.sources.checks import Checked, Known

Checker = Callable[[pl.DataFrame, Known], Checked]

SOURCES: dict[str, Checker] = {
    "units": units.check,
    "groups": groups.check,
    "staff": staff.check,
    "rosters": rosters.check,
    "blocklist": blocklist.check,
}
