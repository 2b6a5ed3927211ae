"""The frames `python -m sampark report KIND` prints: the numbers the dashboard shows, for
the whole state (an operator on the server already holds the database; the dashboard is
where scope applies), made by the same functions the pages call."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import sqlalchemy as sa

from sampark.access import STATE
from sampark.clock import now_ist
from sampark.content.queue import stories_by_level, story_queue
from sampark.metrics.coverage.rules import coverage_table
from sampark.metrics.groups.activity import WINDOW_DAYS, group_health, health_by_level
from sampark.metrics.response.alerts import alerts_by_level
from sampark.metrics.response.times import response_by_level
from sampark.queries.chats import activity
from sampark.queries.derived import stored_response_snapshot
from sampark.queries.directive_reach import stored_deliveries
from sampark.queries.network import network
from sampark.queries.registers import alerts_frame, register_entries_frame
from sampark.queries.registry import data_version
from sampark.queries.stories import all_stories
from sampark.reports.spread import directives_report, rumours_report
from sampark.spread.units import with_report_reach
from sampark.targets import Profile

# The kinds that print a frame (`brief` writes a PDF: `sampark.reports.brief`).
FRAME_KINDS = ("coverage", "groups", "response", "alerts", "stories", "directives", "rumours")


@dataclass(frozen=True)
class Report:
    frame: pl.DataFrame
    title: str


def coverage_report(engine: sa.Engine, profile: Profile, level: str) -> Report:
    """What the Overview shows per unit of `level`, with directive reach as the Districts
    league and the Drill-down show it (the directives of the 28 days to now, IST)."""
    with engine.connect() as conn:
        net = network(conn, STATE)
        deliveries = stored_deliveries(conn)
    table = coverage_table(net, profile, level)
    table = with_report_reach(table, deliveries, net.units, level, now_ist())
    return Report(table, f"Coverage by {level}")


def groups_report(engine: sa.Engine, level: str) -> Report:
    """What Group health shows, per group (`level` group) or rolled up to units of `level`."""
    with engine.connect() as conn:
        net = network(conn, STATE)
        chats = activity(conn, STATE)
    health = group_health(net, chats)
    table = health if level == "group" else health_by_level(health, net.units, level)
    as_of = chats.reference.date() if chats.reference else "no chats loaded"
    return Report(table, f"Group health by {level} ({WINDOW_DAYS} days to {as_of})")


def stories_report(engine: sa.Engine, level: str) -> pl.DataFrame:
    """Stories per status at `level`, as the Social media cell page counts them."""
    with engine.connect() as conn:
        units = network(conn, STATE).units
        stories = all_stories(conn, STATE)
    return stories_by_level(story_queue(stories, units), units, level)


def response_report(conn: sa.Connection, kind: str, profile: Profile, level: str) -> pl.DataFrame:
    """Register response times per unit of `level` and stage (`response`), or self-harm
    alerts per unit of `level` (`alerts`); the same functions the page calls."""
    units = network(conn, STATE).units
    if kind == "alerts":
        return alerts_by_level(alerts_frame(conn, STATE), units, level)
    # The figures the ETL stored for this data are the page's own; without them, the same
    # function over the entries.
    stored = stored_response_snapshot(conn, data_version(conn), profile)
    if stored is not None:
        rows = stored.by_unit.filter(pl.col("level") == level).drop("level")
        return rows.join(units.select("unit_id"), on="unit_id", how="semi")
    return response_by_level(register_entries_frame(conn, STATE), units, profile, level)


def report(engine: sa.Engine, kind: str, level: str, profile: Profile) -> Report:
    """The report `kind` (one of FRAME_KINDS) at `level`, with its title."""
    if kind == "coverage":
        return coverage_report(engine, profile, level)
    if kind == "groups":
        return groups_report(engine, level)
    if kind == "stories":
        return Report(stories_report(engine, level), f"Stories by {level}")
    if kind == "directives":
        return Report(*directives_report(engine, level))
    if kind == "rumours":
        return Report(*rumours_report(engine))
    if kind in ("response", "alerts"):
        with engine.connect() as conn:
            return Report(response_report(conn, kind, profile, level), f"{kind} by {level}")
    raise ValueError(f"no report of kind {kind!r}")
