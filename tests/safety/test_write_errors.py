"""A write that fails names no value it was given: members' phones and an alert's details
are bound to statements, and a failed statement's error reaches logs and consoles."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
import sqlalchemy as sa

from sampark.db import migrate
from sampark.schema import messages
from sampark.store.sql import bulk_insert
from tests.store.test_bulk_insert import one_group

PHONE = "+919876500001"


def test_a_failed_row_by_row_write_names_no_value(tmp_path):
    engine = migrate(f"sqlite:///{tmp_path / 'failed.db'}")
    with engine.begin() as conn:
        one_group(conn)
    rows = pl.DataFrame(
        {
            "group_id": ["G1", "G1"],
            "ts": [datetime(2026, 5, 1, 9), None],  # the second may not be stored
            "author": ["Ravi", "Suman"],
            "person_id": [PHONE, PHONE],
            "kind": ["text", "text"],
            "is_noise": [False, False],
        },
        schema_overrides={"ts": pl.Datetime("us")},
    )
    with pytest.raises(sa.exc.IntegrityError) as failed, engine.begin() as conn:
        bulk_insert(conn, messages, rows)
    message = str(failed.value)
    assert "NOT NULL constraint failed: messages.ts" in message
    assert PHONE not in message and "Suman" not in message
    assert "SQL parameters hidden" in message
