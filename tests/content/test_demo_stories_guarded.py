"""Stories loaded from the demo's sheets reach the social cell's queue with the guard applied:
the unsafe ones a station might really send are blocked or warned, the rest are clean."""

from __future__ import annotations

import polars as pl
import pytest

from sampark.access import STATE
from sampark.content.drafts import CATEGORIES
from sampark.content.queue import story_queue
from sampark.db import migrate
from sampark.queries.network import network
from sampark.queries.stories import all_stories
from tests.coverage_demo import demo_db


@pytest.fixture(scope="module")
def queue(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    with migrate(demo_db(tmp_path_factory)).connect() as conn:
        return story_queue(all_stories(conn, STATE), network(conn, STATE).units)


def _by_title(queue: pl.DataFrame, title: str) -> dict[str, object]:
    rows = queue.filter(pl.col("title") == title)
    assert rows.height >= 1, f"demo has no story titled {title!r}"
    return rows.row(0, named=True)


@pytest.mark.parametrize(
    "title",
    [
        "Accused arrested in POCSO case",  # village + relation of a child victim
        "Juvenile apprehended for theft",  # a child in conflict with law, named by school
        "Lost purse returned",  # a phone number and an Aadhaar-like number
    ],
)
def test_unsafe_demo_story_is_blocked(queue: pl.DataFrame, title: str) -> None:
    story = _by_title(queue, title)
    assert story["blocked"] is True
    assert int(story["blocks"]) >= 1


def test_guilt_implying_demo_story_is_warned_not_blocked(queue: pl.DataFrame) -> None:
    story = _by_title(queue, "Notorious criminal held with a pistol")
    assert story["blocks"] == 0
    assert int(story["warns"]) >= 1


def test_most_demo_stories_are_clean_and_use_the_shared_categories(queue: pl.DataFrame) -> None:
    clean = queue.filter((pl.col("blocks") == 0) & (pl.col("warns") == 0)).height
    assert clean > queue.height // 2
    assert set(queue.get_column("category").unique().to_list()) <= set(CATEGORIES)
    assert set(queue.get_column("status").unique().to_list()) == {"submitted"}
