"""Stories that wait more than a day at a step, with their age (`now` passed in: no test
reads the clock)."""

from datetime import datetime

import polars as pl

from sampark.content.waiting import (
    waiting_by_step,
    waiting_label,
    waiting_stories,
    waiting_table,
)

NOW = datetime(2026, 11, 22, 12, 0)


def queue() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "story_id": [1, 2, 3, 4, 5, 6],
            "title": ["Bikes recovered", None, "Fresh", "Posted", "Sheet story", "Approved"],
            "title_hi": [None, "गिरोह पकड़ा", None, None, None, None],
            "status": ["submitted", "vetted", "submitted", "posted", "submitted", "approved"],
            "submitted_at": [
                datetime(2026, 11, 20, 10, 0),
                datetime(2026, 11, 19, 9, 0),
                datetime(2026, 11, 22, 1, 0),
                datetime(2026, 11, 1, 9, 0),
                None,
                datetime(2026, 11, 18, 9, 0),
            ],
        }
    )


def history() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "story_id": [1, 1, 2, 2, 6, 6, 6],
            "step": [
                "submitted",
                "edited",
                "submitted",
                "vetted",
                "submitted",
                "vetted",
                "approved",
            ],
            "at": [
                datetime(2026, 11, 20, 10, 0),
                datetime(2026, 11, 22, 11, 0),  # an edit does not restart the wait
                datetime(2026, 11, 19, 9, 0),
                datetime(2026, 11, 21, 6, 0),
                datetime(2026, 11, 18, 9, 0),
                datetime(2026, 11, 18, 10, 0),
                datetime(2026, 11, 21, 12, 30),  # 23.5 hours: not yet a day
            ],
        }
    )


def test_stories_waiting_more_than_a_day_at_their_step_longest_first():
    waiting = waiting_stories(queue(), history(), NOW)
    assert waiting.select("story_id", "status", "next_action", "waiting_hours").rows() == [
        (1, "submitted", "vet", 50),
        (2, "vetted", "approve", 30),
    ]


def test_a_shorter_threshold_counts_the_story_approved_yesterday():
    from datetime import timedelta

    waiting = waiting_stories(queue(), history(), NOW, after=timedelta(hours=12))
    assert waiting["story_id"].to_list() == [1, 2, 6]


def test_waiting_labels_in_days_and_hours_in_both_languages():
    assert [
        waiting_label(50, "en"),
        waiting_label(30, "en"),
        waiting_label(30, "hi"),
        waiting_label(-3, "en"),
    ] == ["2 days 2 h", "1 day 6 h", "1 दिन 6 घंटे", "0 days 0 h"]


def test_the_table_shows_ist_times_and_ages_in_the_readers_language():
    table = waiting_table(waiting_stories(queue(), history(), NOW), "hi")
    # The age and the action first: what a phone shows before the table scrolls sideways.
    assert table.columns == ["कहानी", "प्रतीक्षा", "आवश्यक", "शीर्षक", "कब से (IST)"]
    assert table.rows()[0] == (
        1,
        "2 दिन 2 घंटे",
        "जाँच (CO/SP)",
        "Bikes recovered",
        "20-11-2026 15:30",
    )
    assert table.rows()[1][2:4] == ("स्वीकृति (सोशल मीडिया सेल)", "गिरोह पकड़ा")


def test_the_brief_counts_waiting_stories_per_step_with_the_oldest():
    from datetime import timedelta

    counted = waiting_by_step(waiting_stories(queue(), history(), NOW, after=timedelta(hours=12)))
    assert counted.rows() == [("vet", 1, 50), ("approve", 1, 30), ("post", 1, 23)]
    none = waiting_by_step(waiting_stories(queue(), history(), NOW, after=timedelta(days=30)))
    assert none.rows() == [("vet", 0, None), ("approve", 0, None), ("post", 0, None)]
