"""The network's sheets: units, groups, staff (each also a police person) and the blocklist.
Each is an upsert by its id: a later sheet updates what an earlier one said."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from sampark.schema import blocklist, groups, people, staff, units
from sampark.store.sql import records, upsert


def write_units(conn: sa.Connection, rows: pl.DataFrame) -> int:
    upsert(
        conn,
        units,
        records(rows, ["unit_id", "kind", "name", "name_hi", "parent_id"]),
        ["unit_id"],
        ["kind", "name", "name_hi", "parent_id"],
    )
    return rows.height


def write_groups(conn: sa.Connection, rows: pl.DataFrame) -> int:
    cols = ["group_id", "unit_id", "kind", "name", "admin_phone", "created_on"]
    upsert(conn, groups, records(rows, cols), ["group_id"], cols[1:])
    return rows.height


def write_staff(conn: sa.Connection, rows: pl.DataFrame) -> int:
    """Staff rows, and each staff member as a police person (the roster names their rank)."""
    persons = rows.select("person_id", "name", "rank", category=pl.lit("police")).unique(
        "person_id", keep="last", maintain_order=True
    )
    upsert(conn, people, persons.to_dicts(), ["person_id"], ["name", "category", "rank"])
    cols = ["staff_id", "name", "rank", "unit_id", "person_id"]
    upsert(conn, staff, records(rows, cols), ["staff_id"], cols[1:])
    return rows.height


def write_blocklist(conn: sa.Connection, rows: pl.DataFrame) -> int:
    cols = ["person_id", "name", "reason", "unit_id"]
    upsert(conn, blocklist, records(rows, cols), ["person_id"], cols[1:])
    return rows.height
