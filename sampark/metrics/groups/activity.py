"""Group health from chat exports: activity, noise, dormancy, admins, joins and exits.

Pure: the inputs are aggregated by `sampark.queries.chats.activity`; nothing here reads a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import polars as pl

from sampark.metrics.coverage.totals import LEVELS, Network, unit_lineage
from sampark.metrics.groups.admins import designated_admin_status
from sampark.metrics.groups.reconcile import findings_per_group, roster_vs_chat
from sampark.metrics.groups.standing import members_by_rule, standing_by_group

WINDOW_DAYS = 30
DORMANT_DAYS = 14

# Per-group counts: zero where a group has none, summed when rolled up.
COUNTS = (
    "members",
    "active_members",
    "messages",
    "noise",
    "blocklisted",
    "joins_30d",
    "exits_30d",
    "left_chat",
    "not_on_roster",
)


@dataclass(frozen=True)
class Activity:
    """Chat activity in the `WINDOW_DAYS` before `reference` (the newest message loaded)."""

    reference: datetime | None
    window: pl.DataFrame  # group_id, messages, noise
    authors: pl.DataFrame  # group_id, person_id: who wrote in the window
    last_seen: pl.DataFrame  # group_id, last_ts
    presence: pl.DataFrame  # group_id, person_id, ts, event: every event naming a person
    writers: pl.DataFrame  # group_id, person_id, last_ts: everyone who ever wrote
    # group_id, as_of: the date of each group's newest roster, against which the chat's
    # spells are weighed for members and the designated admin (none known: the chat wins).
    rosters: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema={"group_id": pl.String, "as_of": pl.Datetime("us")}
        )
    )
    # The stored chat spells (group_id, person, joined_at, start_is_bound, left_at, is_admin,
    # first_seen, last_seen) from which members, joins and exits are counted by the rule of
    # `sampark.metrics.groups.memberships`.
    spells: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=SPELL_COLUMNS))
    # group_id, incomplete: groups with a chat export loaded, and whether every one of their
    # exports was cut off at WhatsApp's cap.
    exports: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema={"group_id": pl.String, "incomplete": pl.Boolean}
        )
    )


SPELL_COLUMNS: dict[str, pl.DataType] = {
    "group_id": pl.String(),
    "person": pl.String(),
    "joined_at": pl.Datetime("us"),
    "start_is_bound": pl.Boolean(),
    "left_at": pl.Datetime("us"),
    "is_admin": pl.Boolean(),
    "first_seen": pl.Datetime("us"),
    "last_seen": pl.Datetime("us"),
}


@dataclass(frozen=True)
class ChatFrames:
    """The message-side frames of `Activity`, derived from one per-author aggregate."""

    window: pl.DataFrame  # group_id, messages, noise
    authors: pl.DataFrame  # group_id, person_id
    last_seen: pl.DataFrame  # group_id, last_ts
    writers: pl.DataFrame  # group_id, person_id, last_ts


def chat_frames(per_author: pl.DataFrame) -> ChatFrames:
    """Window counts, window authors, each group's last message and each author's last
    message, from `per_author` (group_id, person_id, last_ts, messages, noise: one row per
    group and author, a null person_id for unknown authors and system lines, counts over the
    window's user messages).

    >>> from datetime import datetime as dt
    >>> rows = pl.DataFrame({"group_id": ["G", "G", "H"], "person_id": [None, "+91900", "+91900"],
    ...                      "last_ts": [dt(2026, 3, 2), dt(2026, 3, 1), dt(2026, 1, 1)],
    ...                      "messages": [2, 1, 0], "noise": [1, 0, 0]})
    >>> frames = chat_frames(rows)
    >>> frames.window.rows(), frames.authors.rows(), frames.writers.height
    ([('G', 3, 1)], [('G', '+91900')], 2)
    """
    keys = ["group_id", "person_id"]
    known = per_author.filter(pl.col("person_id").is_not_null())
    return ChatFrames(
        window=per_author.filter(pl.col("messages") > 0)
        .group_by("group_id")
        .agg(pl.col("messages").sum(), pl.col("noise").sum())
        .sort("group_id"),
        authors=known.filter(pl.col("messages") > 0).select(keys).sort(keys),
        last_seen=per_author.group_by("group_id").agg(pl.col("last_ts").max()).sort("group_id"),
        writers=known.select(*keys, "last_ts").sort(keys),
    )


def group_health(
    net: Network, activity: Activity, findings: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One row per group: members now by the chat and roster rule and whose account they rest
    on (roster, chat or both), messages a day, active and noise shares, days since the last
    message and the dormant flag, admin check, blocklisted present, the joins and exits the
    chat's membership spells show in the window, and whether the group's chat comes only from
    exports cut off at WhatsApp's cap."""
    cut_off = activity.exports.select("group_id", pl.col("incomplete").alias("incomplete_export"))
    standing = standing_by_group(net.members, activity.rosters, activity.spells)
    admin_ok = designated_admin_status(net.groups, standing)
    if findings is None:  # a caller that also lists the findings passes them in
        findings = roster_vs_chat(net.members, activity.presence, activity.writers)
    reconciled = findings_per_group(findings)
    reference = activity.reference
    table = net.groups.select("group_id", "unit_id", "kind", "name")
    for part in (
        *_members_now(net, activity, standing),
        activity.window,
        activity.last_seen,
        admin_ok,
        reconciled,
        cut_off,
    ):
        table = table.join(part, on="group_id", how="left")
    table = table.with_columns(
        *(pl.col(c).fill_null(0).cast(pl.Int64) for c in COUNTS),
        pl.col("incomplete_export").fill_null(False),
    )
    days_since = (
        (pl.lit(reference) - pl.col("last_ts")).dt.total_days()
        if reference is not None
        else pl.lit(None, dtype=pl.Int64)
    )
    return (
        table.with_columns(
            (pl.col("messages") / WINDOW_DAYS).round(2).alias("messages_per_day"),
            _ratio("active_members", "members").alias("active_share"),
            _ratio("noise", "messages").alias("noise_share"),
            days_since.alias("days_since_last"),
        )
        .with_columns(
            (
                pl.col("days_since_last").is_null() | (pl.col("days_since_last") > DORMANT_DAYS)
            ).alias("dormant"),
        )
        .sort("group_id")
    )


def _members_now(
    net: Network, activity: Activity, standing: pl.DataFrame
) -> tuple[pl.DataFrame, ...]:
    """Per group: members now by the chat and roster rule (`standing`, from
    `standing_by_group`) with their source and the spells' joins and exits
    (`members_by_rule`), and of those members the ones who wrote in the window
    (`active_members`) and the blocklisted (`blocklisted`)."""
    present = standing.filter(pl.col("is_member")).select(
        "group_id", pl.col("person").alias("person_id")
    )
    end = activity.reference or datetime.max
    members = members_by_rule(standing, activity.spells, end - timedelta(days=WINDOW_DAYS), end)
    active = (
        activity.authors.join(present, on=["group_id", "person_id"], how="semi")
        .group_by("group_id")
        .agg(pl.len().alias("active_members"))
    )
    blocked = (
        present.join(net.blocklist.select("person_id"), on="person_id", how="semi")
        .group_by("group_id")
        .agg(pl.len().alias("blocklisted"))
    )
    return members, active, blocked


def _ratio(part: str, whole: str) -> pl.Expr:
    return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole)).otherwise(None)


def health_by_level(health: pl.DataFrame, units: pl.DataFrame, level: str) -> pl.DataFrame:
    """Group health rolled up to the units of `level`: sums, and shares of the sums."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level}")
    lineage = unit_lineage(units).select("unit_id", pl.col(f"{level}_id").alias("scope_id"))
    rolled = (
        health.join(lineage, on="unit_id")
        .drop_nulls("scope_id")
        .group_by("scope_id")
        .agg(
            pl.len().alias("groups"),
            pl.col("dormant").sum().alias("dormant_groups"),
            (pl.col("admin_is_admin") == False).sum().alias("groups_admin_missing"),  # noqa: E712
            pl.col("incomplete_export").sum().alias("incomplete_exports"),
            *(pl.col(c).sum() for c in COUNTS),
        )
        .with_columns(
            (pl.col("messages") / WINDOW_DAYS).round(2).alias("messages_per_day"),
            _ratio("active_members", "members").alias("active_share"),
            _ratio("noise", "messages").alias("noise_share"),
        )
    )
    names = units.filter(pl.col("kind") == level).select(
        pl.col("unit_id").alias("scope_id"), "name", "name_hi"
    )
    return (
        names.join(rolled, on="scope_id", how="inner")
        .rename({"scope_id": "unit_id"})
        .sort("unit_id")
    )


def health_summary(health: pl.DataFrame) -> dict[str, float | int | None]:
    """The figures above the Group health table: counts and shares of sums."""
    members, active = int(health["members"].sum()), int(health["active_members"].sum())
    messages, noise = int(health["messages"].sum()), int(health["noise"].sum())
    return {
        "groups": health.height,
        "dormant_groups": int(health["dormant"].sum()),
        "active_share": active / members if members else None,
        "noise_share": noise / messages if messages else None,
        "blocklisted": int(health["blocklisted"].sum()),
        "groups_admin_missing": int((health["admin_is_admin"] == False).sum()),  # noqa: E712
        "incomplete_exports": int(health["incomplete_export"].sum()),
        "no_recent_export": (
            int(health["no_recent_export"].sum()) if "no_recent_export" in health.columns else 0
        ),
    }


def health_view(
    health: pl.DataFrame,
    *,
    kinds: list[str] | None = None,
    dormant_only: bool = False,
    unit_id: str | None = None,
) -> pl.DataFrame:
    """The groups a reader asked for, least active first (dormant, then fewest messages)."""
    view = health if unit_id is None else health.filter(pl.col("unit_id") == unit_id)
    if kinds:
        view = view.filter(pl.col("kind").is_in(kinds))
    if dormant_only:
        view = view.filter(pl.col("dormant"))
    return view.sort(["dormant", "messages_per_day"], descending=[True, False])


def roster_chat_findings(net: Network, activity: Activity) -> pl.DataFrame:
    """Each person on whom roster and chat disagree, with the group's unit and name."""
    found = roster_vs_chat(net.members, activity.presence, activity.writers)
    return found.join(net.groups.select("group_id", "unit_id", "name"), on="group_id").sort(
        "since", descending=True
    )


@dataclass(frozen=True)
class HealthReport:
    """What the Group health page shows: small next to the chat aggregates it comes from."""

    reference: datetime | None  # the newest message loaded
    health: pl.DataFrame  # group_health rows
    findings: pl.DataFrame  # roster_chat_findings rows


def health_report(net: Network, activity: Activity) -> HealthReport:
    """Group health and the roster-vs-chat findings of every group of `net`."""
    findings = roster_chat_findings(net, activity)
    return HealthReport(activity.reference, group_health(net, activity, findings), findings)


def report_within(report: HealthReport, groups: pl.DataFrame) -> HealthReport:
    """The report limited to `groups` (group_id). Every figure is per group, so this equals the
    report computed on the smaller network, in the same order."""
    keep = groups.select("group_id")
    return HealthReport(
        report.reference,
        report.health.join(keep, on="group_id", how="semi"),
        report.findings.join(keep, on="group_id", how="semi"),
    )
