"""Member lists: each group's roster applied as its snapshot on the list date.

What a list changes is decided in pure polars (`roster_changes`) from the rows and what the
database holds now; `apply_roster` writes it. Members missing from the new list get
`left_at` = the list date (history is kept); new members join on that date; a list older than
the one already applied is rejected. Each group's newest list date is kept (`roster_dates`),
also when the list changes no membership: the membership rule weighs the chat against it. A
list that would end most of a group's memberships is held instead (`shrinking_groups`) until
the data officer accepts it.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import sqlalchemy as sa

from sampark.queries.network import latest_roster_dates, open_memberships
from sampark.schema import memberships, people
from sampark.schema_memberships import roster_dates
from sampark.store.sql import batches, bulk_insert, dialect_insert, insert_new

# A list that would end more of a group's open memberships than this share, and more people
# than this, waits for the data officer: a blank or partial sheet loaded as a whole list
# would otherwise empty a real group.
SHRINK_SHARE = 0.5
SHRINK_PEOPLE = 10


@dataclass(frozen=True)
class RosterChanges:
    """What applying a set of rosters changes."""

    people: pl.DataFrame  # person_id, name, category, rank: added when not yet known
    leaving: pl.DataFrame  # membership_id, snapshot_at: the memberships the lists end
    admin_changes: pl.DataFrame  # membership_id, is_admin_new
    joining: pl.DataFrame  # group_id, person_id, joined_at, is_admin, source
    stale: pl.DataFrame  # line, reason, raw: rows of lists older than the one applied
    listed: pl.DataFrame  # group_id, as_of: the date of each group's list that applies


def roster_changes(
    rows: pl.DataFrame, latest: pl.DataFrame, open_now: pl.DataFrame, source: str
) -> RosterChanges:
    """The changes of applying `rows` (line, group_id, person_id, name, category, rank,
    is_admin, as_of), given each group's newest list applied (`latest`: group_id, latest) and
    its open memberships (`open_now`: membership_id, group_id, person_id, is_admin)."""
    dated = rows.with_columns(pl.col("as_of").cast(pl.Datetime("us")))
    snapshot = dated.group_by("group_id").agg(pl.col("as_of").max().alias("snapshot_at"))
    snapshot = snapshot.join(latest, on="group_id", how="left")
    stale = snapshot.filter(pl.col("snapshot_at") < pl.col("latest"))
    stale_rows = dated.join(stale, on="group_id").select(
        "line",
        pl.format(
            "list of {} is older than the list of {} already loaded for group {}",
            pl.col("snapshot_at").dt.date(),
            pl.col("latest").dt.date(),
            pl.col("group_id"),
        ).alias("reason"),
        pl.concat_str([pl.col("group_id"), pl.col("person_id")], separator=" | ").alias("raw"),
    )
    current = dated.join(stale.select("group_id"), on="group_id", how="anti").join(
        snapshot.select("group_id", "snapshot_at"), on="group_id"
    )
    persons = current.select("person_id", "name", "category", "rank").unique(
        "person_id", keep="first", maintain_order=True
    )
    existing = open_now.join(current.select("group_id").unique(), on="group_id")
    keys = ["group_id", "person_id"]
    leaving = existing.join(current, on=keys, how="anti").join(
        snapshot.select("group_id", "snapshot_at"), on="group_id"
    )
    changed = existing.join(current, on=keys, suffix="_new").filter(
        pl.col("is_admin") != pl.col("is_admin_new")
    )
    joining = current.join(existing, on=keys, how="anti").select(
        "group_id",
        "person_id",
        pl.col("snapshot_at").alias("joined_at"),
        "is_admin",
        source=pl.lit(source),
    )
    return RosterChanges(
        people=persons,
        leaving=leaving.select("membership_id", "snapshot_at"),
        admin_changes=changed.select("membership_id", "is_admin_new"),
        joining=joining,
        stale=stale_rows,
        listed=snapshot.join(stale, on="group_id", how="anti").select(
            "group_id", pl.col("snapshot_at").alias("as_of")
        ),
    )


def _update_memberships(conn: sa.Connection, changes: pl.DataFrame, column: str) -> None:
    """Set `column` of each membership in `changes` (membership_id, new value) to its value."""
    rows = changes.rename({changes.columns[0]: "m_id", changes.columns[1]: "value"}).to_dicts()
    stmt = (
        memberships.update()
        .where(memberships.c.membership_id == sa.bindparam("m_id"))
        .values({column: sa.bindparam("value")})
    )
    for batch in batches(rows):
        conn.execute(stmt, batch)


def apply_roster(conn: sa.Connection, changes: RosterChanges) -> None:
    """Write what `roster_changes` decided: new people, ended memberships, admin flags,
    new memberships, the groups' list dates."""
    insert_new(conn, people, changes.people, "person_id")
    _update_memberships(conn, changes.leaving, "left_at")
    _update_memberships(conn, changes.admin_changes, "is_admin")
    # A state's rosters open ~500k memberships on a cold load: the bulk path, not a dict a row.
    bulk_insert(conn, memberships, changes.joining)
    keep_roster_dates(conn, changes.listed)


def keep_roster_dates(conn: sa.Connection, listed: pl.DataFrame) -> None:
    """Each group's list date (`listed`: group_id, as_of), kept where it is newer than the
    one held: the same list again changes nothing, an older one never moves the date back."""
    insert = dialect_insert(conn, roster_dates)
    stmt = insert.on_conflict_do_update(
        index_elements=["group_id"],
        set_={"as_of": insert.excluded.as_of},
        where=roster_dates.c.as_of < insert.excluded.as_of,
    )
    for batch in batches(listed.to_dicts()):
        conn.execute(stmt, batch)


def write_roster(conn: sa.Connection, rows: pl.DataFrame, source: str) -> pl.DataFrame:
    """Apply each group's roster as its snapshot on the list date; returns stale-row rejects.
    Reads what the groups hold, decides, then writes."""
    group_list = rows.get_column("group_id").unique().to_list()
    latest = latest_roster_dates(conn, group_list)
    open_now = open_memberships(conn, group_list)
    changes = roster_changes(rows, latest, open_now, source)
    apply_roster(conn, changes)
    return changes.stale


def shrinking_groups(listed: pl.DataFrame, opened: pl.DataFrame) -> pl.DataFrame:
    """The groups a list would shrink past the limits: `group_id`, `open_before` (open
    memberships now), `open_after` (the people on the list) and `ending` (those it ends).

    `listed`: group_id, person_id of each list row that would apply; `opened`: group_id,
    person_id of the open memberships of those groups."""
    keys = ["group_id", "person_id"]
    staying = opened.join(listed.select(keys), on=keys, how="semi")
    counts = (
        opened.group_by("group_id")
        .agg(pl.len().alias("open_before"))
        .join(listed.group_by("group_id").agg(pl.len().alias("open_after")), on="group_id")
        .join(
            staying.group_by("group_id").agg(pl.len().alias("staying")), on="group_id", how="left"
        )
        .with_columns(
            (pl.col("open_before") - pl.col("staying").fill_null(0)).cast(pl.Int64).alias("ending")
        )
    )
    return counts.filter(
        (pl.col("ending") > SHRINK_PEOPLE)
        & (pl.col("ending") > pl.col("open_before") * SHRINK_SHARE)
    ).select(
        "group_id",
        pl.col("open_before").cast(pl.Int64),
        pl.col("open_after").cast(pl.Int64),
        "ending",
    )
