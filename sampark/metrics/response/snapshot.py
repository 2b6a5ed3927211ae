"""Every figure the Response page can show, for every unit at once.

A state holds ~2M register entries; reading and preparing them costs a first page view over
10 s, far past what a DGP waits for. So the figures of every unit of every level are worked
out once per data version — by the ETL after a run, or by the dashboard when none are stored —
and a page view only picks rows (`summary_from_snapshot`; `response_summary` does both for one
scope). Each scope's tables are the same pure functions grouped by each level's unit instead of
run on one scope's entries.

Figures are state-wide: ranks compare a unit with every unit of its level in the state and the
baseline is the state's, whoever looks. A user sees only the rows of units inside their scope
(`summary_from_snapshot`).

Pure: frames in, frames out.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, fields
from datetime import datetime

import polars as pl

from sampark.metrics.coverage.totals import LEVELS, within
from sampark.metrics.response.summary import (
    ResponseBase,
    ResponseSummary,
    level_figures,
    response_base,
    scope_key,
    shown_levels,
)
from sampark.metrics.response.times import STAGES, response_quantiles, stage_spread
from sampark.targets import Profile

SNAPSHOT_KIND = "response"
"""The `kind` of the stored parts in `derived_frames`."""

SNAPSHOT_FORMAT = 1
"""Raised whenever the frames' columns change, so stored snapshots of an older shape are
rebuilt rather than misread."""

_STAGE_ORDER = pl.col("stage").replace_strict({s: i for i, s in enumerate(STAGES)})


@dataclass(frozen=True)
class ResponseSnapshot:
    """The Response page's figures of every unit; each frame as `ResponseSummary` holds it,
    with the rows of all levels (`level`) or all scopes (`scope_id`)."""

    as_of: datetime | None
    entries: int
    by_unit: pl.DataFrame
    ageing: pl.DataFrame
    breach_counts: pl.DataFrame
    spread: pl.DataFrame
    weekly: pl.DataFrame
    by_category: pl.DataFrame
    breaches: pl.DataFrame
    open: pl.DataFrame


FRAMES: tuple[str, ...] = tuple(
    f.name for f in fields(ResponseSnapshot) if f.name not in ("as_of", "entries")
)
PARTS: frozenset[str] = frozenset({"meta", *FRAMES})
"""What is stored: the frames, and `meta` (as_of, entries)."""


def profile_key(profile: Profile) -> str:
    """What the figures depend on besides the data: the SLAs, the state and the format."""
    slas = json.dumps(profile.response_sla_hours, sort_keys=True)
    return f"v{SNAPSHOT_FORMAT}|{profile.state}|{slas}"


def _scope_tables(base: ResponseBase, profile: Profile) -> tuple[pl.DataFrame, ...]:
    """Spread, weekly and per-category tables of every unit of every level (`scope_id`)."""
    state = base.baseline.select("stage", pl.col("median_h").alias("baseline_median_h"))
    spreads, weeks, categories = [], [], []
    for level in LEVELS:
        key = f"{level}_id"
        tagged = base.entries.filter(pl.col(key).is_not_null()).with_columns(
            pl.col(key).alias("scope_id")
        )
        spreads.append(stage_spread(tagged, ["scope_id"]))
        weeks.append(response_quantiles(tagged, profile, ["scope_id", "week"]))
        categories.append(
            response_quantiles(tagged, profile, ["scope_id", "category"]).join(state, on="stage")
        )
    return (
        pl.concat(spreads).sort("scope_id", _STAGE_ORDER),
        pl.concat(weeks).sort("scope_id", "week", "stage"),
        pl.concat(categories).sort("scope_id", "category", _STAGE_ORDER),
    )


def response_snapshot(
    entries: pl.DataFrame, units: pl.DataFrame, profile: Profile
) -> ResponseSnapshot:
    """The figures of every unit from all register entries and all units of the state."""
    base = response_base(entries, units, profile)
    levels = [level_figures(base, units, profile, level) for level in LEVELS]
    spread, weekly, by_category = _scope_tables(base, profile)
    return ResponseSnapshot(
        as_of=base.as_of,
        entries=base.entries.height,
        by_unit=pl.concat(f.by_unit for f in levels),
        ageing=pl.concat(f.ageing for f in levels),
        breach_counts=pl.concat(f.breach_counts for f in levels),
        spread=spread,
        weekly=weekly,
        by_category=by_category,
        breaches=base.breaches,
        open=base.open,
    )


def summary_from_snapshot(
    snapshot: ResponseSnapshot, units: pl.DataFrame, scope_id: str | None, root: str | None
) -> ResponseSummary:
    """What the page shows for `scope_id` to a user whose scope is `root` (None: the state).

    `units` are the units the user may see (their scope and the units above it, as
    `sampark.queries.network.network` gives them); rows of any other unit are left out, and
    entry lists keep only entries of units inside the scope looked at, never wider than `root`.
    """
    if root is not None and scope_id is None:
        scope_id = root
    key = scope_key(units, scope_id)
    levels = shown_levels(units, scope_id)
    visible = units.select("unit_id")
    inside = within(units, scope_id).select("unit_id")

    def rows(table: pl.DataFrame) -> pl.DataFrame:
        return table.filter(pl.col("level").is_in(levels)).join(visible, on="unit_id", how="semi")

    def own(table: pl.DataFrame) -> pl.DataFrame:
        return table.filter(pl.col("scope_id") == key)

    return ResponseSummary(
        as_of=snapshot.as_of,
        entries=snapshot.entries,
        by_unit=rows(snapshot.by_unit),
        ageing=rows(snapshot.ageing),
        breach_counts=rows(snapshot.breach_counts),
        spread=own(snapshot.spread),
        weekly=own(snapshot.weekly),
        by_category=own(snapshot.by_category),
        breaches=snapshot.breaches.join(inside, on="unit_id", how="semi"),
        open=snapshot.open.join(inside, on="unit_id", how="semi"),
    )


def response_summary(
    entries: pl.DataFrame, units: pl.DataFrame, profile: Profile, scope_id: str | None = None
) -> ResponseSummary:
    """The Response page's figures for `scope_id` (the state when None) and its child level,
    as a state-wide user sees them."""
    return summary_from_snapshot(response_snapshot(entries, units, profile), units, scope_id, None)


def _frame_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_ipc(buffer, compression="zstd")
    return buffer.getvalue()


def snapshot_payloads(snapshot: ResponseSnapshot) -> dict[str, bytes]:
    """Each frame as Arrow IPC bytes, and `meta` (as_of, entries) as a one-row frame."""
    meta = pl.DataFrame(
        {"as_of": [snapshot.as_of], "entries": [snapshot.entries]},
        schema={"as_of": pl.Datetime("us"), "entries": pl.Int64},
    )
    return {"meta": _frame_bytes(meta)} | {
        name: _frame_bytes(getattr(snapshot, name)) for name in FRAMES
    }


def snapshot_from_payloads(payloads: dict[str, bytes]) -> ResponseSnapshot | None:
    """The snapshot `snapshot_payloads` wrote; None when a part is missing."""
    if set(payloads) != PARTS:
        return None
    frames = {name: pl.read_ipc(io.BytesIO(data)) for name, data in payloads.items()}
    meta = frames.pop("meta").row(0, named=True)
    return ResponseSnapshot(as_of=meta["as_of"], entries=int(meta["entries"]), **frames)
