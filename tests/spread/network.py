"""A small network written by hand for the spread tests.

S state ─ apex group gA
└ R1 range (no group of its own)
  ├ D1 district ─ gD1 (district staff)
  │ ├ C1 circle ─ gC1    └ T1 thana ─ gT1 (thana public)
  │ └ C2 circle ─ gC2
  └ D2 district ─ gD2
    └ C3 circle ─ gC3    └ T2 thana ─ gT2
"""

from datetime import datetime

import polars as pl

UNITS = pl.DataFrame(
    {
        "unit_id": ["S", "R1", "D1", "D2", "C1", "C2", "C3", "T1", "T2"],
        "kind": [
            "state", "range", "district", "district", "circle", "circle", "circle", "thana",
            "thana",
        ],
        "parent_id": [None, "S", "R1", "R1", "D1", "D1", "D2", "C1", "C3"],
    }
)  # fmt: skip
GROUPS = pl.DataFrame(
    {
        "group_id": ["gA", "gD1", "gD2", "gC1", "gC2", "gC3", "gT1", "gT2"],
        "unit_id": ["S", "D1", "D2", "C1", "C2", "C3", "T1", "T2"],
        "kind": [
            "apex", "district_staff", "district_staff", "circle", "circle", "circle",
            "thana_public", "thana_public",
        ],
    }
)  # fmt: skip


def at(hhmm: str, day: int = 1) -> datetime:
    """A time on 1 March 2026 (or `day`)."""
    hours, minutes = hhmm.split(":")
    return datetime(2026, 3, day, int(hours), int(minutes))


def copies(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    """(key, group, time) rows as `first_arrivals`'s input."""
    return pl.DataFrame(
        {
            "key": [r[0] for r in rows],
            "group_id": [r[1] for r in rows],
            "ts": [at(r[2]) for r in rows],
        },
        schema={"key": pl.String, "group_id": pl.String, "ts": pl.Datetime("us")},
    )
