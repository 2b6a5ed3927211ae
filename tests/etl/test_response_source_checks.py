"""Registers, alerts and stories sheets: times in IST, stage order, future times, duplicates."""

# ruff: noqa: E501  (reject reasons are compared whole)
from __future__ import annotations

import hashlib
from datetime import date, datetime

import polars as pl

from etl.sources import alerts, registers, stories
from etl.sources.checks import Known
from etl.sources.sheets.columns import SHEETS
from etl.sources.sheets.stamps import parsed_stamp

NOW = datetime(2026, 11, 1, 12, 0)
KNOWN = Known(
    unit_ids=frozenset({"BR-PAT-T001", "BR-PAT-T002"}),
    group_ids=frozenset({"G-1"}),
    now=NOW,
)


def _sheet(kind: str, rows: list[dict[str, str | None]]) -> pl.DataFrame:
    """Rows as `read_table` gives them: every column of the sheet as a string, plus `line`."""
    keys = [c.key for c in SHEETS[kind].columns]
    frame = pl.DataFrame(
        [{k: r.get(k) for k in keys} for r in rows], schema=dict.fromkeys(keys, pl.String)
    )
    return frame.with_row_index("line", offset=2).with_columns(pl.col("line").cast(pl.Int64))


def _stamps(*cells: str) -> list[datetime | None]:
    return pl.DataFrame({"t": list(cells)}).select(parsed_stamp("t")).to_series().to_list()


def test_times_read_from_indian_iso_and_excel_forms_alike():
    assert (
        _stamps("08-01-2026 10:15", "08/01/2026 10:15", "2026-01-08 10:15", "46030.427083")
        == [datetime(2026, 1, 8, 10, 15)] * 4
    )


def test_excel_serial_with_seconds_noise_rounds_to_the_second():
    assert _stamps("46030.4270833333", "46030") == [
        datetime(2026, 1, 8, 10, 15),
        datetime(2026, 1, 8, 0, 0),
    ]


def test_times_with_an_offset_are_converted_to_ist():
    assert (
        _stamps("2026-01-08T04:45:00Z", "2026-01-08T10:15:00+05:30")
        == [datetime(2026, 1, 8, 10, 15)] * 2
    )


def test_a_date_without_a_time_is_not_a_time():
    assert _stamps("08-01-2026", "kal shaam") == [None, None]


def _register(**cells: str | None) -> dict[str, str | None]:
    return {
        "unit_id": "BR-PAT-T001",
        "received_at": "08-01-2026 10:15",
        "category": "assault",
    } | cells


def test_register_row_loads_with_status_from_its_times():
    checked = registers.check(
        _sheet(
            "registers", [_register(cognizance_at="08-01-2026 10:40", closed_at="20-01-2026 18:00")]
        ),
        KNOWN,
    )
    assert checked.rejects.is_empty()
    row = checked.rows.row(0, named=True)
    assert (row["received_at"], row["closed_at"], row["status"]) == (
        datetime(2026, 1, 8, 10, 15),
        datetime(2026, 1, 20, 18, 0),
        "closed",
    )


def test_hindi_category_and_status_labels_map_to_codes():
    checked = registers.check(
        _sheet("registers", [_register(category="मारपीट", status="लंबित")]), KNOWN
    )
    assert checked.rows.select("category", "status").row(0) == ("assault", "open")


def test_stage_before_the_stage_it_follows_is_rejected():
    frame = _sheet(
        "registers",
        [_register(cognizance_at="08-01-2026 12:00", fir_at="08-01-2026 11:00")],
    )
    assert registers.check(frame, KNOWN).rejects.get_column("reason").to_list() == [
        "stage times out of order: FIR at 08-01-2026 11:00 is before cognizance at 08-01-2026 12:00"
    ]


def test_a_blank_stage_is_skipped_when_checking_order():
    frame = _sheet("registers", [_register(action_at="08-01-2026 09:00")])
    assert registers.check(frame, KNOWN).rejects.get_column("reason").to_list() == [
        "stage times out of order: action at 08-01-2026 09:00 is before received at 08-01-2026 10:15"
    ]


def test_time_after_the_load_time_is_rejected_as_future():
    frame = _sheet("registers", [_register(received_at="01-11-2026 12:30")])
    assert registers.check(frame, KNOWN).rejects.get_column("reason").to_list() == [
        "received at 01-11-2026 12:30 is in the future"
    ]


def test_same_row_at_the_load_time_is_not_future():
    frame = _sheet("registers", [_register(received_at="01-11-2026 12:00")])
    assert registers.check(frame, KNOWN).rejects.is_empty()


def test_unknown_unit_group_and_category_are_rejected_with_reasons():
    frame = _sheet(
        "registers",
        [
            _register(unit_id="BR-PAT-TO01"),
            _register(group_id="G-9", received_at="09-01-2026 10:00"),
            _register(category="misc.", received_at="10-01-2026 10:00"),
        ],
    )
    reasons = registers.check(frame, KNOWN).rejects.get_column("reason").to_list()
    assert reasons[:2] == ["unknown unit BR-PAT-TO01", "unknown group G-9"]
    assert reasons[2].startswith("unknown category 'misc.'; expected one of assault, theft")


def test_same_entry_written_twice_in_other_formats_is_a_duplicate():
    frame = _sheet(
        "registers",
        [_register(), _register(received_at="2026-01-08T10:15:00", summary="other words")],
    )
    checked = registers.check(frame, KNOWN)
    assert checked.rows.height == 1
    assert checked.rejects.select("line", "reason").rows() == [
        (3, "duplicate entry (same as line 2)")
    ]


def test_entry_key_is_the_sha256_of_the_identifying_fields():
    rows = registers.check(_sheet("registers", [_register(fir_no="12/2026")]), KNOWN).rows
    expected = hashlib.sha256(
        "\x1f".join(["BR-PAT-T001", "2026-01-08 10:15:00.000000", "assault", "12/2026"]).encode()
    ).hexdigest()
    assert rows.get_column("entry_key").to_list() == [expected]


def _alert(**cells: str | None) -> dict[str, str | None]:
    return {
        "platform": "Instagram",
        "received_at": "08-01-2026 22:10",
        "traced_at": "08-01-2026 22:55",
        "outcome": "reached_counselled",
        "subject_phone": "9876543210",
        "post_text": "synthetic",
    } | cells


def test_alert_loads_with_restricted_fields_kept_for_storage():
    checked = alerts.check(_sheet("alerts", [_alert()]), KNOWN)
    assert checked.rejects.is_empty()
    row = checked.rows.row(0, named=True)
    assert (row["platform"], row["subject_phone"], row["outcome"]) == (
        "instagram",
        "+919876543210",
        "reached_counselled",
    )


def test_alert_traced_before_received_and_unknown_outcome_are_rejected():
    frame = _sheet(
        "alerts",
        [
            _alert(traced_at="08-01-2026 21:00"),
            _alert(
                received_at="09-01-2026 10:00", traced_at="09-01-2026 10:40", outcome="resolved"
            ),
        ],
    )
    reasons = alerts.check(frame, KNOWN).rejects.get_column("reason").to_list()
    assert reasons[0] == (
        "stage times out of order: traced at 08-01-2026 21:00 is before received at 08-01-2026 22:10"
    )
    assert reasons[1].startswith("unknown outcome 'resolved'")


def test_alert_rejects_never_carry_the_restricted_cells():
    frame = _sheet("alerts", [_alert(outcome="resolved", subject_name="Synthetic Name")])
    raw = alerts.check(frame, KNOWN).rejects.get_column("raw").to_list()[0]
    assert "9876543210" not in raw and "Synthetic Name" not in raw and "synthetic" not in raw


def _story(**cells: str | None) -> dict[str, str | None]:
    return {
        "unit_id": "BR-PAT-T001",
        "story_date": "08-01-2026",
        "category": "गिरफ्तारी",
        "title_hi": "छह गिरफ्तार",
        "body_hi": "थाना समूह पर पोस्ट वीडियो के आधार पर छह आरोपी गिरफ्तार।",
        "media": "a.jpg; b.jpg;",
    } | cells


def test_story_loads_submitted_with_its_media_list():
    rows = stories.check(_sheet("stories", [_story()]), KNOWN).rows
    assert rows.select("category", "story_date", "media", "submitted_at").row(0) == (
        "arrest",
        date(2026, 1, 8),
        ["a.jpg", "b.jpg"],
        NOW,
    )


def test_story_without_text_or_with_future_date_is_rejected():
    frame = _sheet(
        "stories",
        [_story(body_hi=None), _story(story_date="02-11-2026", title_hi="दूसरी")],
    )
    assert stories.check(frame, KNOWN).rejects.get_column("reason").to_list() == [
        "no story text (English or Hindi)",
        "date 2026-11-02 is in the future",
    ]
