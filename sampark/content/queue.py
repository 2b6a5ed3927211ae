"""The social cell's queue: stories with their district, guard counts and readiness (pure)."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from sampark.content.guard import STORY_FIELDS, story_findings
from sampark.content.workflow import STATUSES
from sampark.metrics.coverage.totals import unit_lineage, within
from sampark.rowwise import through

# Offices that send stories up (the form offers these units).
SUBMITTING_KINDS = ("thana", "outpost", "circle", "district", "police_centre", "division")
# Ready to post first, then what awaits a decision, then what is done.
STATUS_RANK = {"approved": 0, "vetted": 1, "submitted": 2, "posted": 3, "rejected": 4}


def _finding_counts(texts: dict[str, Any]) -> dict[str, int]:
    found = story_findings(texts)
    return {
        "blocks": sum(f["level"] == "block" for f in found),
        "warns": sum(f["level"] == "warn" for f in found),
    }


def story_queue(stories: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """Stories with district and unit names, the guard's block and warning counts (checked
    afresh, so sheet stories and lexicon updates count too), `blocked` (a block without a
    written order) and `ready` (approved, not yet posted)."""
    lineage = unit_lineage(units).select("unit_id", "district_id")
    names = units.select("unit_id", "name", "name_hi")
    # The guard reads each story's text: a per-story call, as regular expressions over text are.
    # In this thread, not on polars' workers (see sampark.rowwise).
    found = through(
        stories.select(pl.struct(*STORY_FIELDS).alias("found")).get_column("found"),
        _finding_counts,
        pl.Struct({"blocks": pl.Int64, "warns": pl.Int64}),
    )
    counts = pl.DataFrame([found]).unnest("found")
    return (
        pl.concat([stories, counts], how="horizontal")
        .join(lineage, on="unit_id", how="left")
        .join(
            names.rename({"unit_id": "district_id", "name": "district"}),
            on="district_id",
            how="left",
        )
        .rename({"name_hi": "district_hi"})
        .join(
            names.rename({"name": "unit_name", "name_hi": "unit_name_hi"}), on="unit_id", how="left"
        )
        .with_columns(
            pl.col("override_reference").is_not_null().alias("overridden"),
            pl.col("status").replace_strict(STATUS_RANK, default=9).alias("status_rank"),
        )
        .with_columns(
            ((pl.col("blocks") > 0) & ~pl.col("overridden")).alias("blocked"),
            (pl.col("status") == "approved").alias("ready"),
        )
    )


def _fresh_first(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(
        ["status_rank", "story_date", "submitted_at", "story_id"],
        descending=[False, True, True, True],
        nulls_last=True,
    )


def stories_view(
    queue: pl.DataFrame,
    units: pl.DataFrame,
    *,
    scope_id: str | None = None,
    districts: list[str] | None = None,
    categories: list[str] | None = None,
    statuses: list[str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> pl.DataFrame:
    """The stories a reader asked for: ready ones first, then the freshest."""
    view = queue.join(within(units, scope_id).select("unit_id"), on="unit_id", how="semi")
    if districts:
        view = view.filter(pl.col("district_id").is_in(districts))
    if categories:
        view = view.filter(pl.col("category").is_in(categories))
    if statuses:
        view = view.filter(pl.col("status").is_in(statuses))
    if since is not None:
        view = view.filter(pl.col("story_date") >= since)
    if until is not None:
        view = view.filter(pl.col("story_date") <= until)
    return _fresh_first(view)


def ready_queue(view: pl.DataFrame) -> pl.DataFrame:
    """What the cell can post today: approved and not yet posted, freshest first."""
    return _fresh_first(view.filter(pl.col("ready")))


def status_counts(view: pl.DataFrame) -> dict[str, int]:
    """Stories per status (every status present, zero when none), plus blocked and total."""
    counts = dict(view.group_by("status").len().iter_rows())
    out = {status: int(counts.get(status, 0)) for status in STATUSES}
    out["blocked"] = int(view["blocked"].sum())
    out["total"] = view.height
    return out


def stories_by_level(queue: pl.DataFrame, units: pl.DataFrame, level: str) -> pl.DataFrame:
    """Per unit of `level`: stories per status, blocked ones and the total (what `python -m
    sampark report stories` prints)."""
    lineage = unit_lineage(units).select("unit_id", pl.col(f"{level}_id").alias("level_id"))
    tagged = queue.join(lineage, on="unit_id", how="left").filter(pl.col("level_id").is_not_null())
    per_status = [
        (pl.col("status") == status).sum().cast(pl.Int64).alias(status) for status in STATUSES
    ]
    counted = tagged.group_by("level_id").agg(
        *per_status,
        pl.col("blocked").sum().cast(pl.Int64).alias("blocked"),
        pl.len().cast(pl.Int64).alias("total"),
    )
    level_units = units.filter(pl.col("kind") == level).select(pl.col("unit_id"), "name", "name_hi")
    return (
        level_units.join(counted, left_on="unit_id", right_on="level_id", how="left")
        .with_columns(pl.col(*STATUSES, "blocked", "total").fill_null(0))
        .sort("name")
    )
