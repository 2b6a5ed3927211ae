"""The network: units, groups, memberships, people, staff and the blocklist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl
import sqlalchemy as sa

from sampark.access import Scope
from sampark.metrics.coverage.totals import Network
from sampark.queries.frames import chunks, columns_schema, read_frame
from sampark.queries.scope import ancestors, groups_in_scope, in_scope
from sampark.schema import blocklist, groups, memberships, people, staff, units
from sampark.schema_memberships import roster_dates

_UNIT_COLUMNS = (units.c.unit_id, units.c.kind, units.c.name, units.c.name_hi, units.c.parent_id)


def unit_kind(conn: sa.Connection, unit_id: str) -> str | None:
    """The kind of `unit_id`, or None when there is no such unit."""
    return conn.execute(sa.select(units.c.kind).where(units.c.unit_id == unit_id)).scalar()


def unit_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(units.c.unit_id)).scalars())


def group_ids(conn: sa.Connection) -> frozenset[str]:
    return frozenset(conn.execute(sa.select(groups.c.group_id)).scalars())


def units_frame(conn: sa.Connection) -> pl.DataFrame:
    """Every unit of the state: unit_id, kind, name, name_hi, parent_id."""
    return read_frame(conn, sa.select(*_UNIT_COLUMNS))


def unit_tree(conn: sa.Connection) -> pl.DataFrame:
    """Every unit's kind and parent: what a units sheet must keep a tree."""
    return read_frame(conn, sa.select(units.c.unit_id, units.c.kind, units.c.parent_id))


def network(conn: sa.Connection, scope: Scope) -> Network:
    """Units, groups, open memberships, staff and blocklist inside `scope`: the inputs of
    coverage. The units above the scope come too (names only), so its levels still roll up."""
    unit_rows = sa.select(*_UNIT_COLUMNS)
    if scope.root is not None:
        unit_rows = unit_rows.where(
            in_scope(units.c.unit_id, scope)
            | units.c.unit_id.in_(sa.select(ancestors(scope.root).c.unit_id))
        )
    in_groups = groups_in_scope(memberships.c.group_id, scope)
    g, m, s, b = groups.c, memberships.c, staff.c, blocklist.c
    # Only the blocklisted people inside the scope's groups: the list itself names people the
    # police watch, which an SHO has no need to read statewide.
    blocked_here = (
        sa.true()
        if scope.root is None
        else b.person_id.in_(sa.select(m.person_id).where(m.left_at.is_(None), in_groups))
    )
    return Network(
        units=read_frame(conn, unit_rows),
        groups=read_frame(
            conn,
            sa.select(g.group_id, g.unit_id, g.kind, g.name, g.admin_phone).where(
                in_scope(g.unit_id, scope)
            ),
        ),
        members=read_frame(
            conn,
            sa.select(m.group_id, m.person_id, m.is_admin).where(m.left_at.is_(None), in_groups),
        ),
        staff=read_frame(
            conn,
            sa.select(s.staff_id, s.unit_id, s.person_id, s.rank).where(in_scope(s.unit_id, scope)),
        ),
        blocklist=read_frame(conn, sa.select(b.person_id, b.reason).where(blocked_here)),
    )


def group_names(conn: sa.Connection) -> pl.DataFrame:
    return read_frame(conn, sa.select(groups.c.group_id, groups.c.name))


def group_members_named(conn: sa.Connection) -> pl.DataFrame:
    """Open members with their names: group_id, person_id, name."""
    stmt = (
        sa.select(memberships.c.group_id, memberships.c.person_id, people.c.name)
        .join(people, people.c.person_id == memberships.c.person_id)
        .where(memberships.c.left_at.is_(None))
    )
    return read_frame(conn, stmt)


def group_member_list(conn: sa.Connection, scope: Scope, group_id: str) -> pl.DataFrame:
    """The open members of one group, if the group lies inside `scope` (else no rows): phone,
    name, category, rank, admin, joined. Phones come unmasked; `sampark.access.phones_for`
    masks them for the roles that do not need them."""
    m, p = memberships.c, people.c
    stmt = (
        sa.select(p.person_id.label("phone"), p.name, p.category, p.rank, m.is_admin, m.joined_at)
        .join(people, p.person_id == m.person_id)
        .where(
            m.group_id == group_id,
            m.left_at.is_(None),
            groups_in_scope(m.group_id, scope),
        )
        .order_by(p.name, p.person_id)
    )
    return read_frame(conn, stmt)


def membership_history(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Every membership of the groups inside `scope`, open or ended: group_id, person_id,
    joined_at, left_at (dates)."""
    # Read as text and parse in polars: parsing 250k datetimes per row in Python is the slow
    # part otherwise. Both dialects print a timestamp as 'YYYY-MM-DD …'.
    stmt = sa.select(
        memberships.c.group_id,
        memberships.c.person_id,
        sa.cast(memberships.c.joined_at, sa.String).label("joined_at"),
        sa.cast(memberships.c.left_at, sa.String).label("left_at"),
    ).where(groups_in_scope(memberships.c.group_id, scope))
    day = pl.col("joined_at").str.slice(0, 10).str.to_date("%Y-%m-%d")
    return read_frame(conn, stmt).with_columns(
        day, pl.col("left_at").str.slice(0, 10).str.to_date("%Y-%m-%d")
    )


# --- rosters: the lists applied so far --------------------------------------------------------


def _roster_dates(inside: Sequence[str] | sa.Select[Any] | None) -> sa.Subquery:
    """Per group, the date of the newest member list applied (group_id, as_of): the date kept
    when a list is applied (`roster_dates`), or the latest join or exit a list recorded,
    whichever is later. A database written before the dates were kept has only the second;
    a list that only confirms the same members moves only the first. `inside`: the groups
    (their ids, or a read of them; None: every group)."""
    m, r = memberships.c, roster_dates.c

    def within(group_id: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
        return sa.true() if inside is None else group_id.in_(inside)

    evidence = (
        sa.select(m.group_id, sa.func.max(sa.func.coalesce(m.left_at, m.joined_at)).label("as_of"))
        .where(within(m.group_id))
        .group_by(m.group_id)
    )
    kept = sa.select(r.group_id, r.as_of).where(within(r.group_id))
    both = sa.union_all(evidence, kept).subquery()
    return (
        sa.select(both.c.group_id, sa.func.max(both.c.as_of).label("as_of"))
        .group_by(both.c.group_id)
        .subquery()
    )


def latest_roster_dates(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Per group, the date of the newest roster applied (group_id, latest)."""
    parts = []
    for chunk in chunks(group_list):
        dates = _roster_dates(chunk)
        parts.append(read_frame(conn, sa.select(dates.c.group_id, dates.c.as_of.label("latest"))))
    columns = (roster_dates.c.group_id, roster_dates.c.as_of.label("latest"))
    return pl.concat(parts) if parts else pl.DataFrame(schema=columns_schema(columns))


def roster_as_of(conn: sa.Connection, scope: Scope) -> pl.DataFrame:
    """Per group inside `scope`, the date of the newest roster applied (group_id, as_of)."""
    # The groups inside the scope read once: two reads of the scope's units in one statement
    # would be two CTEs of one name.
    scoped = sa.select(groups.c.group_id).where(groups_in_scope(groups.c.group_id, scope))
    dates = _roster_dates(None if scope.is_state else scoped)
    return read_frame(conn, sa.select(dates.c.group_id, dates.c.as_of))


def open_memberships(conn: sa.Connection, group_list: Sequence[str]) -> pl.DataFrame:
    """Memberships still open (no `left_at`) in the given groups."""
    m = memberships.c
    columns = (m.membership_id, m.group_id, m.person_id, m.is_admin)
    parts = [
        read_frame(conn, sa.select(*columns).where(m.group_id.in_(chunk), m.left_at.is_(None)))
        for chunk in chunks(group_list)
    ]
    return pl.concat(parts) if parts else pl.DataFrame(schema=columns_schema(columns))
