"""What a member list changes, decided without a database."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from sampark.store.rosters import roster_changes

LATEST_SCHEMA = {"group_id": pl.String, "latest": pl.Datetime("us")}
OPEN_SCHEMA = {
    "membership_id": pl.Int64,
    "group_id": pl.String,
    "person_id": pl.String,
    "is_admin": pl.Boolean,
}


def _rows(*rows: tuple[int, str, str, bool, date]) -> pl.DataFrame:
    return pl.DataFrame(
        [(line, g, p, f"name {p}", "citizen", None, admin, d) for line, g, p, admin, d in rows],
        schema={
            "line": pl.Int64,
            "group_id": pl.String,
            "person_id": pl.String,
            "name": pl.String,
            "category": pl.String,
            "rank": pl.String,
            "is_admin": pl.Boolean,
            "as_of": pl.Date,
        },
        orient="row",
    )


def test_a_first_list_joins_everyone_on_its_date():
    rows = _rows(
        (2, "G1", "+911", True, date(2026, 5, 1)), (3, "G1", "+912", False, date(2026, 5, 1))
    )
    changes = roster_changes(
        rows, pl.DataFrame(schema=LATEST_SCHEMA), pl.DataFrame(schema=OPEN_SCHEMA), "g1.csv"
    )
    assert changes.joining.rows() == [
        ("G1", "+911", datetime(2026, 5, 1), True, "g1.csv"),
        ("G1", "+912", datetime(2026, 5, 1), False, "g1.csv"),
    ]
    assert changes.people.get_column("person_id").to_list() == ["+911", "+912"]
    assert changes.leaving.is_empty() and changes.admin_changes.is_empty()
    assert changes.stale.is_empty()


def test_a_newer_list_ends_who_is_missing_and_changes_admin_flags():
    rows = _rows(
        (2, "G1", "+911", False, date(2026, 6, 1)), (3, "G1", "+913", False, date(2026, 6, 1))
    )
    latest = pl.DataFrame({"group_id": ["G1"], "latest": [datetime(2026, 5, 1)]})
    open_now = pl.DataFrame(
        [(10, "G1", "+911", True), (11, "G1", "+912", False)], schema=OPEN_SCHEMA, orient="row"
    )
    changes = roster_changes(rows, latest, open_now, "g1.csv")
    assert changes.leaving.rows() == [(11, datetime(2026, 6, 1))]
    assert changes.admin_changes.rows() == [(10, False)]
    assert changes.joining.rows() == [("G1", "+913", datetime(2026, 6, 1), False, "g1.csv")]
    assert changes.stale.is_empty()


def test_a_list_older_than_the_one_applied_is_rejected_and_changes_nothing():
    rows = _rows((2, "G1", "+911", False, date(2026, 4, 1)))
    latest = pl.DataFrame({"group_id": ["G1"], "latest": [datetime(2026, 5, 1)]})
    open_now = pl.DataFrame([(10, "G1", "+912", False)], schema=OPEN_SCHEMA, orient="row")
    changes = roster_changes(rows, latest, open_now, "old.csv")
    assert changes.stale.rows() == [
        (
            2,
            "list of 2026-04-01 is older than the list of 2026-05-01 already loaded for group G1",
            "G1 | +911",
        )
    ]
    assert changes.joining.is_empty() and changes.leaving.is_empty()
    assert changes.people.is_empty()


def test_groups_a_list_does_not_name_are_left_alone():
    rows = _rows((2, "G1", "+911", False, date(2026, 6, 1)))
    open_now = pl.DataFrame(
        [(10, "G1", "+911", False), (20, "G2", "+922", False)], schema=OPEN_SCHEMA, orient="row"
    )
    changes = roster_changes(rows, pl.DataFrame(schema=LATEST_SCHEMA), open_now, "g1.csv")
    assert changes.leaving.is_empty() and changes.joining.is_empty()
