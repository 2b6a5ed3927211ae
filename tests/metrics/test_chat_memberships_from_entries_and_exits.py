"""Membership intervals derived from a chat's entry and exit lines."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from sampark.metrics.groups.reconcile import chat_memberships


def intervals(*events: tuple[str, int, str]) -> list[tuple[object, ...]]:
    """events: (person_id, day of October 2026, event) in G1."""
    frame = pl.DataFrame(
        {
            "group_id": ["G1"] * len(events),
            "person_id": [p for p, _, _ in events],
            "ts": [datetime(2026, 10, d) for _, d, _ in events],
            "event": [e for _, _, e in events],
        },
        schema={
            "group_id": pl.String,
            "person_id": pl.String,
            "ts": pl.Datetime("us"),
            "event": pl.String,
        },
    )
    return chat_memberships(frame).select("person_id", "joined_at", "left_at").rows()


def day(d: int) -> datetime:
    return datetime(2026, 10, d)


def test_added_then_left_is_one_closed_interval() -> None:
    assert intervals(("+91900", 1, "added"), ("+91900", 5, "left")) == [("+91900", day(1), day(5))]


def test_rejoining_after_removal_opens_a_second_interval() -> None:
    assert intervals(
        ("+91900", 1, "added"), ("+91900", 5, "removed"), ("+91900", 9, "joined_link")
    ) == [("+91900", day(1), day(5)), ("+91900", day(9), None)]


def test_a_second_entry_while_present_keeps_the_first_join_date() -> None:
    assert intervals(("+91900", 1, "joined_link"), ("+91900", 3, "added")) == [
        ("+91900", day(1), None)
    ]


def test_leaving_with_no_entry_in_the_export_has_no_join_date() -> None:
    assert intervals(("+91900", 4, "left")) == [("+91900", None, day(4))]


def test_events_are_taken_in_time_order_per_person() -> None:
    assert intervals(
        ("+91901", 6, "left"), ("+91900", 2, "added"), ("+91901", 1, "joined_community")
    ) == [("+91900", day(2), None), ("+91901", day(1), day(6))]


def test_admin_and_other_events_open_no_interval() -> None:
    assert intervals(("+91900", 2, "admin_made"), ("+91900", 3, "icon_changed")) == []


def test_module_docstring_examples_run() -> None:
    import doctest

    import sampark.metrics.groups.reconcile as module

    assert doctest.testmod(module).failed == 0
