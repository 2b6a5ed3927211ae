"""Every SQL read, returning polars frames or plain values; bound parameters only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.metrics.activity import WINDOW_DAYS, Activity, chat_frames
from sampark.metrics.coverage import Network
from sampark.metrics.response_snapshot import (
    SNAPSHOT_KIND,
    ResponseSnapshot,
    profile_key,
    snapshot_from_payloads,
)
from sampark.schema import (
    alerts,
    audit_log,
    blocklist,
    demo_files,
    derived_frames,
    etl_files,
    etl_runs,
    groups,
    membership_events,
    memberships,
    messages,
    metadata,
    people,
    register_entries,
    rejects,
    roster_holds,
    staff,
    stories,
    story_steps,
    units,
    users,
)
from sampark.targets import Profile

# SQLite's default limit on bound parameters is 32,766; stay well under it.
_IN_CHUNK = 5000


# SQLite keeps DateTime as text; SQLAlchemy parses it one value at a time (~2 µs each, a
# noticeable share of Group health's cold run at state scale), polars parses a column at once.
_SQLITE_TS_FORMAT = "%Y-%m-%d %H:%M:%S%.f"

# Column types whose values the database driver returns as SQLAlchemy would, or (SQLite's
# text times and 0/1 booleans) as polars converts a whole column at once.
_DRIVER_TYPES = (sa.String, sa.Integer, sa.Boolean, sa.DateTime, sa.Date, sa.types.NullType)


def _frame(conn: sa.Connection, stmt: sa.Select[Any], schema: dict[str, Any]) -> pl.DataFrame:
    result = conn.execute(stmt)
    kinds = [c.type for c in stmt.selected_columns]
    if result.cursor is None or not all(isinstance(k, _DRIVER_TYPES) for k in kinds):
        return pl.DataFrame(result.all(), schema=schema, orient="row")
    # SQLAlchemy builds a Row per row and converts SQLite's values one at a time: ~40% of a
    # large read. The driver's tuples, converted by polars a column at a time, give the same.
    rows = result.cursor.fetchall()
    result.close()
    if conn.dialect.name != "sqlite":
        return pl.DataFrame(rows, schema=schema, orient="row")
    text_or_int = {
        name: pl.String
        if dtype in (pl.Datetime("us"), pl.Date)
        else pl.Int64
        if dtype == pl.Boolean
        else dtype
        for name, dtype in schema.items()
    }
    frame = pl.DataFrame(rows, schema=text_or_int, orient="row")
    return frame.with_columns(
        pl.col(name).str.to_datetime(_SQLITE_TS_FORMAT, time_unit="us", strict=True)
        if dtype == pl.Datetime("us")
        else pl.col(name).str.to_date("%Y-%m-%d", strict=True)
        if dtype == pl.Date
        else pl.col(name).cast(pl.Boolean)
        for name, dtype in schema.items()
        if dtype in (pl.Datetime("us"), pl.Date, pl.Boolean)
    )


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield list(values[start : start + _IN_CHUNK])


# --- scope: every read a page makes is limited to the signed-in user's units -----------------


# The unit tree is seven levels deep (state → zone → range → district → circle → thana →
# outpost). A recursive read stops past this many, so a cycle of parents that reached the
# database past the ETL's checks ends the query instead of hanging every page of its units.
MAX_TREE_DEPTH = 12


def _subtree(root: str, name: str) -> sa.CTE:
    """The unit `root` and every unit below it, as a recursive CTE of unit_id (a unit may come
    more than once should the tree hold a cycle; readers use it with IN)."""
    tree = (
        sa.select(units.c.unit_id, sa.literal(0).label("depth"))
        .where(units.c.unit_id == root)
        .cte(name, recursive=True)
    )
    child = units.alias(f"{name}_child")
    return tree.union_all(
        sa.select(child.c.unit_id, (tree.c.depth + 1).label("depth")).where(
            child.c.parent_id == tree.c.unit_id, tree.c.depth < MAX_TREE_DEPTH
        )
    )


def in_scope(column: sa.ColumnElement[Any], scope: Scope) -> sa.ColumnElement[bool]:
    """`column` (a unit_id) lies inside `scope`; always true for the whole state."""
    if scope.root is None:
        return sa.true()
    return column.in_(sa.select(_subtree(scope.root, "scope_units").c.unit_id))


def groups_in_scope(column: sa.ColumnElement[Any], scope: Scope) -> sa.ColumnElement[bool]:
    """`column` (a group_id) belongs to a group of a unit inside `scope`."""
    if scope.root is None:
        return sa.true()
    inside = sa.select(groups.c.group_id).where(in_scope(groups.c.unit_id, scope))
    return column.in_(inside)


def _ancestors(root: str) -> sa.CTE:
    """`root` and every unit above it: kept in a scoped network so levels still roll up."""
    up = (
        sa.select(units.c.unit_id, units.c.parent_id, sa.literal(0).label("depth"))
        .where(units.c.unit_id == root)
        .cte("ancestors", recursive=True)
    )
    parent = units.alias("ancestors_parent")
    return up.union_all(
        sa.select(parent.c.unit_id, parent.c.parent_id, (up.c.depth + 1).label("depth")).where(
            parent.c.unit_id == up.c.parent_id, up.c.depth < MAX_TREE_DEPTH
        )
    )


def unit_kind(conn: sa.Connection, unit_id: str) -> str | None:
    """The kind of `unit_id`, or None when there is no such unit."""
    return conn.execute(sa.select(units.c.kind).where(units.c.unit_id == unit_id)).scalar()


# --- what the ETL needs to check and apply a file -------------------------------------------


def seen_hashes(conn: sa.Connection) -> frozenset[str]:
    """sha256 of every file already in the registry (loaded or rejected)."""
    return frozenset(conn.execute(sa.select(etl_files.c.sha256)).scalars())


def unit_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(units.c.unit_id)).scalars())


def group_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(groups.c.group_id)).scalars())


def latest_roster_dates(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Per group, the date of the newest roster applied: the latest join or exit it recorded."""
    parts = []
    for chunk in _chunks(group_list):
        latest = sa.func.max(sa.func.coalesce(memberships.c.left_at, memberships.c.joined_at))
        stmt = (
            sa.select(memberships.c.group_id, latest.label("latest"))
            .where(memberships.c.group_id.in_(chunk))
            .group_by(memberships.c.group_id)
        )
        parts.append(_frame(conn, stmt, {"group_id": pl.String, "latest": pl.Datetime("us")}))
    return (
        pl.concat(parts)
        if parts
        else pl.DataFrame(schema={"group_id": pl.String, "latest": pl.Datetime("us")})
    )


def open_memberships(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Memberships still open (no `left_at`) in the given groups."""
    schema = {
        "membership_id": pl.Int64,
        "group_id": pl.String,
        "person_id": pl.String,
        "is_admin": pl.Boolean,
    }
    parts = []
    for chunk in _chunks(group_list):
        stmt = sa.select(
            memberships.c.membership_id,
            memberships.c.group_id,
            memberships.c.person_id,
            memberships.c.is_admin,
        ).where(memberships.c.group_id.in_(chunk), memberships.c.left_at.is_(None))
        parts.append(_frame(conn, stmt, schema))
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


def table_counts(conn: sa.Connection) -> dict[str, int]:
    """Row count of every table, for checks that a re-run changed nothing."""
    return {
        name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
        for name, table in sorted(metadata.tables.items())
    }


def is_empty(conn: sa.Connection) -> bool:
    """True when the database holds nothing yet: no unit, no file seen, no account, no demo
    begun or ended. Only such a database may receive the demo, so the demo always has a
    database of its own."""
    anything = sa.or_(
        sa.select(units.c.unit_id).exists(),
        sa.select(etl_files.c.file_id).exists(),
        sa.select(users.c.username).exists(),
        sa.select(demo_files.c.sha256).exists(),
        _audited("demo_built"),
        _audited("demo_ended"),
    )
    return not conn.execute(sa.select(anything)).scalar_one()


# --- what the dashboard and reports read ------------------------------------------------------


def data_version(conn: sa.Connection) -> str:
    """Changes whenever a file is loaded; part of every cache key in the dashboard."""
    # Held files count apart: accepting one loads it without adding a registry row.
    held = sa.func.count(sa.case((etl_files.c.status == "held", 1)))
    row = conn.execute(sa.select(sa.func.count(), sa.func.max(etl_files.c.file_id), held)).one()
    return f"{row[0]}:{row[1]}:{row[2]}"


def _derived(kind: str, data_version: str, inputs_key: str) -> sa.ColumnElement[bool]:
    t = derived_frames
    return sa.and_(t.c.kind == kind, t.c.data_version == data_version, t.c.inputs_key == inputs_key)


def stored_parts(
    conn: sa.Connection, kind: str, data_version: str, inputs_key: str
) -> dict[str, bytes]:
    """The stored parts of derived figures `kind` built from this data version and these
    inputs (empty when none are, or when they are stale)."""
    t = derived_frames
    rows = conn.execute(
        sa.select(t.c.part, t.c.payload).where(_derived(kind, data_version, inputs_key))
    )
    return {part: bytes(payload) for part, payload in rows}


def stored_part_names(
    conn: sa.Connection, kind: str, data_version: str, inputs_key: str
) -> frozenset[str]:
    """The names of the parts `stored_parts` would return, without reading them."""
    t = derived_frames
    rows = conn.execute(sa.select(t.c.part).where(_derived(kind, data_version, inputs_key)))
    return frozenset(rows.scalars())


def stored_response_snapshot(
    conn: sa.Connection, data_version: str, profile: Profile
) -> ResponseSnapshot | None:
    """The Response figures stored for this data version and profile, if any."""
    parts = stored_parts(conn, SNAPSHOT_KIND, data_version, profile_key(profile))
    return snapshot_from_payloads(parts) if parts else None


def units_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every unit of the state: unit_id, kind, name, name_hi, parent_id."""
    return _frame(
        conn,
        sa.select(units.c.unit_id, units.c.kind, units.c.name, units.c.name_hi, units.c.parent_id),
        {
            "unit_id": pl.String,
            "kind": pl.String,
            "name": pl.String,
            "name_hi": pl.String,
            "parent_id": pl.String,
        },
    )


def unit_tree(conn: sa.Connection) -> pl.DataFrame:
    """Every unit's kind and parent: what a units sheet must keep a tree."""
    return _frame(
        conn,
        sa.select(units.c.unit_id, units.c.kind, units.c.parent_id),
        {"unit_id": pl.String, "kind": pl.String, "parent_id": pl.String},
    )


def network(conn: sa.Connection, scope: Scope) -> Network:
    """Units, groups, open memberships, staff and blocklist inside `scope`: the inputs of
    coverage. The units above the scope come too (names only), so its levels still roll up."""
    unit_rows = sa.select(
        units.c.unit_id, units.c.kind, units.c.name, units.c.name_hi, units.c.parent_id
    )
    if scope.root is not None:
        unit_rows = unit_rows.where(
            in_scope(units.c.unit_id, scope)
            | units.c.unit_id.in_(sa.select(_ancestors(scope.root).c.unit_id))
        )
    in_groups = groups_in_scope(memberships.c.group_id, scope)
    return Network(
        units=_frame(
            conn,
            unit_rows,
            {
                "unit_id": pl.String,
                "kind": pl.String,
                "name": pl.String,
                "name_hi": pl.String,
                "parent_id": pl.String,
            },
        ),
        groups=_frame(
            conn,
            sa.select(
                groups.c.group_id,
                groups.c.unit_id,
                groups.c.kind,
                groups.c.name,
                groups.c.admin_phone,
            ).where(in_scope(groups.c.unit_id, scope)),
            {
                "group_id": pl.String,
                "unit_id": pl.String,
                "kind": pl.String,
                "name": pl.String,
                "admin_phone": pl.String,
            },
        ),
        members=_frame(
            conn,
            sa.select(
                memberships.c.group_id, memberships.c.person_id, memberships.c.is_admin
            ).where(memberships.c.left_at.is_(None), in_groups),
            {"group_id": pl.String, "person_id": pl.String, "is_admin": pl.Boolean},
        ),
        staff=_frame(
            conn,
            sa.select(staff.c.staff_id, staff.c.unit_id, staff.c.person_id, staff.c.rank).where(
                in_scope(staff.c.unit_id, scope)
            ),
            {
                "staff_id": pl.String,
                "unit_id": pl.String,
                "person_id": pl.String,
                "rank": pl.String,
            },
        ),
        blocklist=_frame(
            conn,
            # Only the blocklisted people inside the scope's groups: the list itself names
            # people the police watch, which an SHO has no need to read statewide.
            sa.select(blocklist.c.person_id, blocklist.c.reason).where(
                sa.true()
                if scope.root is None
                else blocklist.c.person_id.in_(
                    sa.select(memberships.c.person_id).where(
                        memberships.c.left_at.is_(None), in_groups
                    )
                )
            ),
            {"person_id": pl.String, "reason": pl.String},
        ),
    )


def etl_run_log(conn: sa.Connection) -> pl.DataFrame:
    """Every ETL run, newest first."""
    cols = [
        etl_runs.c.run_id,
        etl_runs.c.started_at,
        etl_runs.c.finished_at,
        etl_runs.c.inbox,
        etl_runs.c.files_seen,
        etl_runs.c.files_loaded,
        etl_runs.c.files_skipped,
        etl_runs.c.files_rejected,
        etl_runs.c.rows_read,
        etl_runs.c.rows_loaded,
        etl_runs.c.rows_rejected,
        etl_runs.c.files_held,
        etl_runs.c.rows_held,
    ]
    schema = {
        c.name: (
            pl.Datetime("us")
            if c.name.endswith("_at")
            else pl.String
            if c.name == "inbox"
            else pl.Int64
        )
        for c in cols
    }
    return _frame(conn, sa.select(*cols).order_by(etl_runs.c.run_id.desc()), schema)


def etl_file_log(conn: sa.Connection) -> pl.DataFrame:
    """Every file in the registry, newest first."""
    cols = [
        etl_files.c.file_id,
        etl_files.c.run_id,
        etl_files.c.path,
        etl_files.c.source,
        etl_files.c.status,
        etl_files.c.reason,
        etl_files.c.rows_read,
        etl_files.c.rows_loaded,
        etl_files.c.rows_rejected,
        etl_files.c.rows_held,
        etl_files.c.loaded_at,
        etl_files.c.sha256,
    ]
    schema = {
        "file_id": pl.Int64,
        "run_id": pl.Int64,
        "path": pl.String,
        "source": pl.String,
        "status": pl.String,
        "reason": pl.String,
        "rows_read": pl.Int64,
        "rows_loaded": pl.Int64,
        "rows_rejected": pl.Int64,
        "rows_held": pl.Int64,
        "loaded_at": pl.Datetime("us"),
        "sha256": pl.String,
    }
    return _frame(conn, sa.select(*cols).order_by(etl_files.c.file_id.desc()), schema)


def held_rosters(conn: sa.Connection) -> pl.DataFrame:
    """Rosters held for the data officer, one row per group each would shrink, oldest first:
    the file, why, the group's open memberships now and after the list, and where it lies."""
    stmt = (
        sa.select(
            etl_files.c.file_id,
            etl_files.c.path,
            etl_files.c.sha256,
            etl_files.c.reason,
            roster_holds.c.group_id,
            roster_holds.c.open_before,
            roster_holds.c.open_after,
            etl_files.c.loaded_at.label("held_at"),
            roster_holds.c.location,
        )
        .join(etl_files, etl_files.c.file_id == roster_holds.c.file_id)
        .where(etl_files.c.status == "held")
        .order_by(etl_files.c.file_id, roster_holds.c.group_id)
    )
    return _frame(
        conn,
        stmt,
        {
            "file_id": pl.Int64,
            "path": pl.String,
            "sha256": pl.String,
            "reason": pl.String,
            "group_id": pl.String,
            "open_before": pl.Int64,
            "open_after": pl.Int64,
            "held_at": pl.Datetime("us"),
            "location": pl.String,
        },
    )


def reject_log(conn: sa.Connection) -> pl.DataFrame:
    """Every rejected row with its file, line and reason."""
    stmt = (
        sa.select(
            etl_files.c.path,
            etl_files.c.source,
            rejects.c.line,
            rejects.c.reason,
            rejects.c.raw,
            etl_files.c.run_id,
        )
        .join(etl_files, etl_files.c.file_id == rejects.c.file_id)
        .order_by(etl_files.c.path, rejects.c.line)
    )
    return _frame(
        conn,
        stmt,
        {
            "path": pl.String,
            "source": pl.String,
            "line": pl.Int64,
            "reason": pl.String,
            "raw": pl.String,
            "run_id": pl.Int64,
        },
    )


def activity(conn: sa.Connection, scope: Scope, days: int = WINDOW_DAYS) -> Activity:
    """Chat activity of the groups inside `scope`, aggregated per group over the `days` before
    the newest message loaded (anywhere: the data's "today" is the same for every scope)."""
    reference = newest_message_ts(conn)
    since = datetime(1970, 1, 1) if reference is None else reference - timedelta(days=days)
    chats = chat_frames(messages_by_author(conn, scope, since))
    changes = _frame(
        conn,
        sa.select(membership_events.c.group_id, membership_events.c.event, sa.func.count())
        .where(membership_events.c.ts > since, groups_in_scope(membership_events.c.group_id, scope))
        .group_by(membership_events.c.group_id, membership_events.c.event),
        {"group_id": pl.String, "event": pl.String, "n": pl.Int64},
    )
    return Activity(
        reference=reference,
        window=chats.window,
        authors=chats.authors,
        last_seen=chats.last_seen,
        changes=changes,
        presence=chat_presence(conn, scope),
        writers=chats.writers,
        rosters=roster_as_of(conn, scope),
    )


def newest_message_ts(conn: sa.Connection) -> datetime | None:
    """The time of the newest message loaded, in any group. Taken as the largest of each
    group's newest, so that each group costs one seek in ix_messages_group_ts instead of the
    whole table being scanned (every message belongs to a group: a foreign key)."""
    per_group = (
        sa.select(sa.func.max(messages.c.ts))
        .where(messages.c.group_id == groups.c.group_id)
        .scalar_subquery()
    )
    newest: datetime | None = conn.execute(
        sa.select(sa.func.max(per_group)).select_from(groups)
    ).scalar_one_or_none()
    return newest


def messages_by_author(conn: sa.Connection, scope: Scope, since: datetime) -> pl.DataFrame:
    """Per group inside `scope` and author (null: unknown authors and system lines): the last
    message's time, and the user messages after `since` with how many of them are noise.

    One pass over the messages; ix_messages_group_person holds every column read, in the
    grouping's order, so the database neither sorts nor visits a table row."""
    m = messages.c
    in_window = sa.and_(m.ts > since, m.kind != "system")
    return _frame(
        conn,
        sa.select(
            m.group_id,
            m.person_id,
            sa.func.max(m.ts),
            sa.func.count().filter(in_window),
            sa.func.count().filter(sa.and_(in_window, m.is_noise)),
        )
        .where(groups_in_scope(m.group_id, scope))
        .group_by(m.group_id, m.person_id),
        {
            "group_id": pl.String,
            "person_id": pl.String,
            "last_ts": pl.Datetime("us"),
            "messages": pl.Int64,
            "noise": pl.Int64,
        },
    )


def chat_keys(
    conn: sa.Connection, group_id: str, start: datetime, end: datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """How many messages and events a group already holds per (time, who, what) between
    `start` and `end`: what a re-exported, overlapping chat must not add again."""
    msg = _frame(
        conn,
        sa.select(messages.c.ts, messages.c.author, messages.c.kind, sa.func.count())
        .where(messages.c.group_id == group_id, messages.c.ts.between(start, end))
        .group_by(messages.c.ts, messages.c.author, messages.c.kind),
        {"ts": pl.Datetime("us"), "author": pl.String, "kind": pl.String, "n": pl.Int64},
    )
    ev = membership_events
    events = _frame(
        conn,
        sa.select(ev.c.ts, ev.c.event, ev.c.actor, ev.c.subject, sa.func.count())
        .where(ev.c.group_id == group_id, ev.c.ts.between(start, end))
        .group_by(ev.c.ts, ev.c.event, ev.c.actor, ev.c.subject),
        {
            "ts": pl.Datetime("us"),
            "event": pl.String,
            "actor": pl.String,
            "subject": pl.String,
            "n": pl.Int64,
        },
    )
    return msg, events


def group_members_named(conn: sa.Connection) -> pl.DataFrame:
    """Open members with their names: group_id, person_id, name."""
    stmt = (
        sa.select(memberships.c.group_id, memberships.c.person_id, people.c.name)
        .join(people, people.c.person_id == memberships.c.person_id)
        .where(memberships.c.left_at.is_(None))
    )
    return _frame(conn, stmt, {"group_id": pl.String, "person_id": pl.String, "name": pl.String})


def group_names(conn: sa.Connection) -> pl.DataFrame:
    return _frame(
        conn,
        sa.select(groups.c.group_id, groups.c.name),
        {"group_id": pl.String, "name": pl.String},
    )


def chat_presence(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Membership events with a known person (group_id, person_id, ts, event), for the groups
    inside `scope`. Who wrote, and when last, comes from `messages_by_author`."""
    ev = membership_events
    return _frame(
        conn,
        sa.select(ev.c.group_id, ev.c.person_id, ev.c.ts, ev.c.event).where(
            ev.c.person_id.is_not(None), groups_in_scope(ev.c.group_id, scope)
        ),
        {
            "group_id": pl.String,
            "person_id": pl.String,
            "ts": pl.Datetime("us"),
            "event": pl.String,
        },
    )


# --- registers, alerts and stories (issue 4) -------------------------------------------------


def held_entry_keys(conn: sa.Connection, table: sa.Table, keys: Sequence[str]) -> frozenset[str]:
    """The entry keys among `keys` that `table` (register_entries, alerts, stories) holds."""
    held: set[str] = set()
    for chunk in _chunks(keys):
        held.update(
            conn.execute(sa.select(table.c.entry_key).where(table.c.entry_key.in_(chunk)))
            .scalars()
            .all()
        )
    return frozenset(held)


_STAMP = pl.Datetime("us")


def register_entries_frame(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """The register entries inside `scope`: unit, category and stage times (naive IST)."""
    t = register_entries
    return _frame(
        conn,
        sa.select(
            t.c.entry_id,
            t.c.unit_id,
            t.c.category,
            t.c.received_at,
            t.c.cognizance_at,
            t.c.fir_at,
            t.c.action_at,
            t.c.closed_at,
        ).where(in_scope(t.c.unit_id, scope)),
        {
            "entry_id": pl.Int64,
            "unit_id": pl.String,
            "category": pl.String,
            "received_at": _STAMP,
            "cognizance_at": _STAMP,
            "fir_at": _STAMP,
            "action_at": _STAMP,
            "closed_at": _STAMP,
        },
    )


def alerts_frame(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Stage times and outcomes of the alerts inside `scope` (alerts not yet given a unit only
    for the whole state). The restricted columns (name, mobile, IP, post text) are not read
    here: `alert_details` reads them, for the roles that reach the person."""
    t = alerts
    return _frame(
        conn,
        sa.select(
            t.c.alert_id,
            t.c.unit_id,
            t.c.platform,
            t.c.received_at,
            t.c.traced_at,
            t.c.forwarded_at,
            t.c.contacted_at,
            t.c.outcome,
        ).where(in_scope(t.c.unit_id, scope)),
        {
            "alert_id": pl.Int64,
            "unit_id": pl.String,
            "platform": pl.String,
            "received_at": _STAMP,
            "traced_at": _STAMP,
            "forwarded_at": _STAMP,
            "contacted_at": _STAMP,
            "outcome": pl.String,
        },
    )


# --- coverage history (issue 5) ------------------------------------------------------------


def membership_history(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every membership of the groups inside `scope`, open or ended: group_id, person_id,
    joined_at, left_at (dates)."""
    # Read as text and parse in polars: parsing 250k datetimes per row in Python is the slow
    # part otherwise. Both dialects print a timestamp as 'YYYY-MM-DD …'.
    stmt = sa.select(
        memberships.c.group_id,
        memberships.c.person_id,
        sa.cast(memberships.c.joined_at, sa.String),
        sa.cast(memberships.c.left_at, sa.String),
    ).where(groups_in_scope(memberships.c.group_id, scope))
    day = pl.col("joined_at").str.slice(0, 10).str.to_date("%Y-%m-%d")
    return _frame(
        conn,
        stmt,
        {
            "group_id": pl.String,
            "person_id": pl.String,
            "joined_at": pl.String,
            "left_at": pl.String,
        },
    ).with_columns(day, pl.col("left_at").str.slice(0, 10).str.to_date("%Y-%m-%d"))


# --- stories: what the social media cell reads (issue 6) --------------------------------------

STORY_SCHEMA: dict[str, Any] = {
    "story_id": pl.Int64,
    "unit_id": pl.String,
    "story_date": pl.Date,
    "category": pl.String,
    "title": pl.String,
    "body": pl.String,
    "title_hi": pl.String,
    "body_hi": pl.String,
    "status": pl.String,
    "reviewer": pl.String,
    "submitted_by": pl.String,
    "submitted_at": pl.Datetime("us"),
    "media": pl.List(pl.String),
    "posted_urls": pl.List(pl.String),
    "override_reference": pl.String,
    "override_approver": pl.String,
    "override_role": pl.String,
}


def stories_version(conn: sa.Connection) -> str:
    """Changes whenever a story is added or takes a step: the stories' cache key."""
    s = conn.execute(sa.select(sa.func.count(), sa.func.max(stories.c.story_id))).one()
    st = conn.execute(sa.select(sa.func.count(), sa.func.max(story_steps.c.step_id))).one()
    return f"{s[0]}:{s[1]}:{st[0]}:{st[1]}"


def all_stories(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every story of a unit inside `scope`, with its texts, status, media, posted URLs and
    any written order."""
    s = stories.c
    rows = conn.execute(
        sa.select(
            s.story_id,
            s.unit_id,
            s.story_date,
            s.category,
            s.title,
            s.body,
            s.title_hi,
            s.body_hi,
            s.status,
            s.reviewer,
            s.submitted_by,
            s.submitted_at,
            s.media,
            s.posted_urls,
            s.block_override,
        )
        .where(in_scope(s.unit_id, scope))
        .order_by(s.story_id)
    ).all()
    records = []
    for row in rows:
        *head, media, posted, order = row
        order = order or {}
        records.append(
            (
                *head,
                [str(m) for m in media or []],
                [str(p.get("url")) for p in posted or []],
                order.get("reference"),
                order.get("approver"),
                order.get("role"),
            )
        )
    return pl.DataFrame(records, schema=STORY_SCHEMA, orient="row")


def story_history(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every workflow step of the stories inside `scope`, oldest first."""
    c = story_steps.c
    mine = sa.select(stories.c.story_id).where(in_scope(stories.c.unit_id, scope))
    return _frame(
        conn,
        sa.select(c.story_id, c.step, c.actor, c.at, c.note)
        .where(sa.true() if scope.root is None else c.story_id.in_(mine))
        .order_by(c.story_id, c.at, c.step_id),
        {
            "story_id": pl.Int64,
            "step": pl.String,
            "actor": pl.String,
            "at": pl.Datetime("us"),
            "note": pl.String,
        },
    )


def story_audit(conn: sa.Connection, story_id: int) -> pl.DataFrame:
    """The audit entries about one story."""
    c = audit_log.c
    return _frame(
        conn,
        sa.select(c.at, c.actor, c.action, c.detail)
        .where(c.target == f"story:{story_id}")
        .order_by(c.audit_id),
        {"at": pl.Datetime("us"), "actor": pl.String, "action": pl.String, "detail": pl.String},
    )


def stored_guard_findings(conn: sa.Connection) -> dict[int, list[dict[str, Any]]]:
    """The guard findings recorded with each story when it came in."""
    rows = conn.execute(sa.select(stories.c.story_id, stories.c.guard_findings)).all()
    return {int(story_id): list(found or []) for story_id, found in rows}


# --- issue 3: chat-side reads (appended) ----------------------------------------------------


def roster_as_of(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Per group inside `scope`, the date of the newest roster applied (the latest join or
    exit recorded)."""
    latest = sa.func.max(sa.func.coalesce(memberships.c.left_at, memberships.c.joined_at))
    return _frame(
        conn,
        sa.select(memberships.c.group_id, latest)
        .where(groups_in_scope(memberships.c.group_id, scope))
        .group_by(memberships.c.group_id),
        {"group_id": pl.String, "as_of": pl.Datetime("us")},
    )


# --- access control (issue 7): members, alert details, users, audit ---------------------------


def group_member_list(conn: sa.Connection, scope: Scope, group_id: str) -> pl.DataFrame:
    """The open members of one group, if the group lies inside `scope` (else no rows): phone,
    name, category, rank, admin, joined. Phones come unmasked; `sampark.access.phones_for`
    masks them for the roles that do not need them."""
    m, p = memberships.c, people.c
    stmt = (
        sa.select(p.person_id, p.name, p.category, p.rank, m.is_admin, m.joined_at)
        .join(people, p.person_id == m.person_id)
        .where(
            m.group_id == group_id,
            m.left_at.is_(None),
            groups_in_scope(m.group_id, scope),
        )
        .order_by(p.name, p.person_id)
    )
    return _frame(
        conn,
        stmt,
        {
            "phone": pl.String,
            "name": pl.String,
            "category": pl.String,
            "rank": pl.String,
            "is_admin": pl.Boolean,
            "joined_at": pl.Datetime("us"),
        },
    )


def alert_details(conn: sa.Connection, scope: Scope, days: int = 7) -> pl.DataFrame:
    """The identifying fields of the alerts inside `scope` that are still open or came in
    during the `days` before the newest alert: who to reach, and who was just reached. Only
    for the roles `sampark.access.sees_alert_details` allows; the page audits every read."""
    t = alerts.c
    newest = conn.execute(sa.select(sa.func.max(t.received_at))).scalar()
    recent = sa.true() if newest is None else t.received_at >= newest - timedelta(days=days)
    stmt = (
        sa.select(
            t.alert_id,
            t.unit_id,
            t.platform,
            t.received_at,
            t.outcome,
            t.subject_name,
            t.subject_phone,
            t.subject_ip,
            t.post_text,
        )
        .where(in_scope(t.unit_id, scope), t.outcome.is_(None) | recent)
        .order_by(t.outcome.is_not(None), t.received_at.desc())
    )
    return _frame(
        conn,
        stmt,
        {
            "alert_id": pl.Int64,
            "unit_id": pl.String,
            "platform": pl.String,
            "received_at": _STAMP,
            "outcome": pl.String,
            "subject_name": pl.String,
            "subject_phone": pl.String,
            "subject_ip": pl.String,
            "post_text": pl.String,
        },
    )


def user_row(conn: sa.Connection, username: str) -> dict[str, Any] | None:
    """One account as stored (hash included, for the sign-in check), or None."""
    row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
    return dict(row) if row is not None else None


def is_account(conn: sa.Connection, username: str) -> bool:
    """Whether an account of that name exists (disabled or not)."""
    found = conn.execute(sa.select(users.c.username).where(users.c.username == username))
    return found.first() is not None


def users_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every account without its hash: for the admin page and `users list`."""
    c = users.c
    return _frame(
        conn,
        sa.select(
            c.username,
            c.role,
            c.unit_id,
            c.display_name,
            c.disabled,
            c.failed_logins,
            c.locked_until,
            c.created_at,
        ).order_by(c.username),
        {
            "username": pl.String,
            "role": pl.String,
            "unit_id": pl.String,
            "display_name": pl.String,
            "disabled": pl.Boolean,
            "failed_logins": pl.Int64,
            "locked_until": _STAMP,
            "created_at": _STAMP,
        },
    )


def audit_frame(conn: sa.Connection, limit: int = 5000) -> pl.DataFrame:
    """The newest `limit` audit entries, newest first; `times` counts the failed sign-ins a
    folded entry stands for (1 for every other entry)."""
    c = audit_log.c
    return _frame(
        conn,
        sa.select(c.audit_id, c.at, c.actor, c.action, c.target, c.detail, c.times)
        .order_by(c.audit_id.desc())
        .limit(limit),
        {
            "audit_id": pl.Int64,
            "at": _STAMP,
            "actor": pl.String,
            "action": pl.String,
            "target": pl.String,
            "detail": pl.String,
            "times": pl.Int64,
        },
    )


def _audited(action: str) -> sa.Exists:
    return sa.select(audit_log.c.audit_id).where(audit_log.c.action == action).exists()


def _real_file_loaded() -> sa.Exists:
    """Some file seen by the ETL whose hash is not in the demo's manifest."""
    listed = sa.select(demo_files.c.sha256).where(demo_files.c.sha256 == etl_files.c.sha256)
    return sa.select(etl_files.c.file_id).where(~listed.exists()).exists()


def demo_mode_is_on(conn: sa.Connection) -> bool:
    """Whether the demo's role switcher may be offered: the dashboard built the demo here,
    demo mode was never ended, every file ever loaded is one the demo wrote (by sha256), and
    no account exists. Any doubt answers no."""
    on = sa.and_(
        _audited("demo_built"),
        ~_audited("demo_ended"),
        ~_real_file_loaded(),
        ~sa.select(users.c.username).exists(),
    )
    return bool(conn.execute(sa.select(on)).scalar_one())


def demo_mode_not_yet_ended(conn: sa.Connection) -> bool:
    """Whether a demo was begun here (its manifest or its `demo_built` entry exists) and demo
    mode has not been ended: then the first real file or account must end it."""
    begun = sa.or_(sa.select(demo_files.c.sha256).exists(), _audited("demo_built"))
    return bool(conn.execute(sa.select(sa.and_(begun, ~_audited("demo_ended")))).scalar_one())


def is_demo_file(conn: sa.Connection, sha256: str) -> bool:
    """Whether the demo's manifest lists a file of this hash."""
    found = conn.execute(sa.select(demo_files.c.sha256).where(demo_files.c.sha256 == sha256))
    return found.first() is not None
