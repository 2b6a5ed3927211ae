"""The queue (pure): districts, guard counts, readiness, filters, order, per-level counts; and
the bulk export of approved stories."""

import io
import zipfile
from datetime import date, datetime

import polars as pl

from sampark.content.export import cards_zip, export_frame
from sampark.content.queue import (
    ready_queue,
    status_counts,
    stories_by_level,
    stories_view,
    story_queue,
)
from sampark.queries.stories import STORY_SCHEMA
from tests.social_setup import UNITS


def _story(
    story_id,
    unit_id,
    status,
    day,
    title="Motorcycle recovered",
    body="Two accused arrested.",
    **more,
):
    row = {c: None for c in STORY_SCHEMA}
    row.update(
        story_id=story_id,
        unit_id=unit_id,
        status=status,
        story_date=day,
        category="recovery",
        title=title,
        body=body,
        submitted_at=datetime(2026, 11, 20, 9, story_id),
        media=[],
        posted_urls=[],
        **more,
    )
    return row


STORIES = pl.DataFrame(
    [
        _story(1, "BR-MOT-T001", "submitted", date(2026, 11, 21)),
        _story(2, "BR-MOT-T001", "approved", date(2026, 11, 19)),
        _story(3, "BR-PAT-T001", "vetted", date(2026, 11, 22), body="Call 9876543210."),
        _story(
            4,
            "BR-PAT-T001",
            "approved",
            date(2026, 11, 20),
            title_hi="बरामदगी",
            body_hi="दो आरोपी गिरफ्तार।",
        ),
        _story(
            5,
            "BR-PAT-T001",
            "vetted",
            date(2026, 11, 18),
            body="Call 9876543210.",
            override_reference="SHO/1",
        ),
    ],
    schema=STORY_SCHEMA,
)
QUEUE = story_queue(STORIES, UNITS)


def test_queue_names_each_storys_district():
    assert QUEUE.select("story_id", "district", "district_hi").rows() == [
        (1, "Motihari", "मोतिहारी"),
        (2, "Motihari", "मोतिहारी"),
        (3, "Patna", "पटना"),
        (4, "Patna", "पटना"),
        (5, "Patna", "पटना"),
    ]


def test_a_block_without_a_written_order_marks_the_story_blocked():
    assert QUEUE.select("story_id", "blocks", "blocked").rows() == [
        (1, 0, False),
        (2, 0, False),
        (3, 1, True),
        (4, 0, False),
        (5, 1, False),
    ]


def test_view_puts_ready_stories_first_then_the_freshest():
    assert stories_view(QUEUE, UNITS)["story_id"].to_list() == [4, 2, 3, 5, 1]


def test_ready_queue_holds_the_approved_stories():
    assert ready_queue(QUEUE)["story_id"].to_list() == [4, 2]


def test_view_filters_by_district_status_and_dates():
    view = stories_view(
        QUEUE,
        UNITS,
        districts=["BR-PAT"],
        statuses=["vetted", "approved"],
        since=date(2026, 11, 19),
        until=date(2026, 11, 21),
    )
    assert view["story_id"].to_list() == [4]


def test_view_keeps_to_the_sidebar_scope():
    assert stories_view(QUEUE, UNITS, scope_id="BR-R-CHA")["story_id"].to_list() == [2, 1]


def test_status_counts_cover_every_status():
    assert status_counts(QUEUE) == {
        "submitted": 1,
        "vetted": 2,
        "approved": 2,
        "posted": 0,
        "rejected": 0,
        "blocked": 1,
        "total": 5,
    }


def test_stories_by_district_count_each_status():
    by = stories_by_level(QUEUE, UNITS, "district")
    assert by.select("unit_id", "submitted", "vetted", "approved", "blocked", "total").rows() == [
        ("BR-MOT", 1, 0, 1, 0, 2),
        ("BR-PAT", 0, 2, 1, 1, 3),
    ]


def test_export_has_a_row_per_approved_story_and_language():
    approved = ready_queue(QUEUE)
    frame = export_frame(approved)
    assert frame.select("story_id", "language", "card_file").rows() == [
        (4, "en", "story_4_en.png"),
        (4, "hi", "story_4_hi.png"),
        (2, "en", "story_2_en.png"),
    ]
    assert frame["draft_x"][1] == "बरामदगी\n\nदो आरोपी गिरफ्तार।\n\n#पटना_पुलिस #बरामदगी"


def test_cards_zip_holds_a_card_per_story_and_language():
    names = zipfile.ZipFile(io.BytesIO(cards_zip(ready_queue(QUEUE)))).namelist()
    assert names == ["story_4_en.png", "story_4_hi.png", "story_2_en.png"]
