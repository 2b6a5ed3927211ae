"""Frames read from the database take their dtypes from the schema's column types."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
import sqlalchemy as sa

from sampark.db import migrate
from sampark.queries.frames import columns_schema, polars_dtype, read_frame
from sampark.schema import groups, memberships, metadata, people, units


def _unmapped(column: sa.Column[object]) -> bool:
    try:
        polars_dtype(column.type)
    except TypeError:
        return True
    return False


def test_every_column_but_json_has_a_polars_dtype():
    unmapped = [
        f"{table.name}.{column.name}"
        for table in metadata.tables.values()
        for column in table.columns
        if not isinstance(column.type, sa.JSON) and _unmapped(column)
    ]
    assert unmapped == []


def test_column_types_map_to_their_polars_dtypes():
    assert columns_schema(
        [
            memberships.c.membership_id,
            memberships.c.group_id,
            memberships.c.joined_at,
            memberships.c.is_admin,
            groups.c.created_on,
            sa.func.count().label("n"),
        ]
    ) == {
        "membership_id": pl.Int64,
        "group_id": pl.String,
        "joined_at": pl.Datetime("us"),
        "is_admin": pl.Boolean,
        "created_on": pl.Date,
        "n": pl.Int64,
    }


def test_a_column_read_twice_under_one_name_is_refused():
    with pytest.raises(ValueError, match="label"):
        columns_schema([sa.func.max(units.c.name), sa.func.max(units.c.kind)])


def test_a_read_frame_has_the_schema_dtypes_on_either_database(db_url):
    engine = migrate(db_url)
    with engine.begin() as conn:
        conn.execute(units.insert(), [{"unit_id": "S", "kind": "state", "name": "State"}])
        conn.execute(
            groups.insert(),
            [{"group_id": "G", "unit_id": "S", "kind": "apex", "name": "G", "created_on": None}],
        )
        conn.execute(people.insert(), [{"person_id": "+911", "category": "police"}])
        conn.execute(
            memberships.insert(),
            [
                {
                    "group_id": "G",
                    "person_id": "+911",
                    "joined_at": datetime(2026, 5, 1, 9, 30),
                    "is_admin": True,
                    "source": "x",
                }
            ],
        )
    m = memberships.c
    with engine.connect() as conn:
        frame = read_frame(conn, sa.select(m.group_id, m.joined_at, m.left_at, m.is_admin))
        day = read_frame(conn, sa.select(groups.c.created_on, units.c.name).join(units))
    assert frame.rows() == [("G", datetime(2026, 5, 1, 9, 30), None, True)]
    assert frame.schema == {
        "group_id": pl.String,
        "joined_at": pl.Datetime("us"),
        "left_at": pl.Datetime("us"),
        "is_admin": pl.Boolean,
    }
    assert day.schema == {"created_on": pl.Date, "name": pl.String}
    assert day.rows() == [(None, "State")]
