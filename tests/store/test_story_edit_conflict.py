"""Two officers open the same version of a story and both save: the second save is refused,
naming who saved first and when, and nothing of either is lost or half-written. On SQLite and
PostgreSQL, in turn and from two threads at once."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from sampark.access import STATE
from sampark.content.intake import Submission
from sampark.content.workflow import edit_step
from sampark.queries.stories import all_stories, story_audit, story_versions_of
from sampark.store.stories import StoryEditConflict, record_edit, submit_story
from tests.social_setup import units_engine

AT = datetime(2026, 11, 20, 10, 0)
FIRST_AT = datetime(2026, 11, 21, 9, 30)
SECOND_AT = datetime(2026, 11, 21, 9, 31)
SENT = {"title": "Thief held at Motihari", "body": "A bike thief was held at the bus stand."}
BY_SHO = {"title": "Bike thief held at Motihari", "body": "A bike thief was held at the stand."}
BY_SP = {"title": "Motihari police hold a bike thief", "body": "The thief had two bikes."}


def _story(db_url: str) -> tuple[sa.Engine, int]:
    engine = units_engine(db_url)
    sub = Submission(
        unit_id="BR-MOT-T001",
        category="arrest",
        story_date=date(2026, 11, 19),
        submitted_by="SI Ravi",
        **SENT,
    )
    with engine.begin() as conn:
        return engine, submit_story(conn, sub, [], AT)


def _save(conn: sa.Connection, sid: int, actor: str, texts: dict[str, str], at: datetime) -> int:
    step = edit_step(
        sid, "submitted", SENT, texts, actor=actor, role="sp", submitted_by="SI Ravi", at=at
    )
    return record_edit(conn, step, texts, based_on=1)


def test_the_second_save_of_the_same_version_is_refused_naming_who_saved_first(db_url):
    engine, sid = _story(db_url)
    with engine.begin() as conn:
        assert _save(conn, sid, "SHO Motihari", BY_SHO, FIRST_AT) == 2
    with pytest.raises(StoryEditConflict) as refused, engine.begin() as conn:
        _save(conn, sid, "SP Motihari", BY_SP, SECOND_AT)
    conflict = refused.value
    assert (conflict.version, conflict.author, conflict.written_at, conflict.latest) == (
        2,
        "SHO Motihari",
        FIRST_AT,
        2,
    )
    # The refusal's own text names no officer and no story text.
    assert str(conflict) == f"story {sid}: version 2 was saved by another edit first"
    with engine.connect() as conn:
        versions = story_versions_of(conn, sid)
        story = all_stories(conn, STATE).row(0, named=True)
        audit = story_audit(conn, sid).select("actor", "action").rows()
    assert versions.select("version", "author", "title").rows() == [
        (1, "SI Ravi", SENT["title"]),
        (2, "SHO Motihari", BY_SHO["title"]),
    ]
    assert (story["title"], story["body"]) == (BY_SHO["title"], BY_SHO["body"])
    assert [a for a in audit if a[1] == "story_edited"] == [("SHO Motihari", "story_edited")]


def test_a_save_based_on_the_newest_version_goes_through_after_a_refusal(db_url):
    engine, sid = _story(db_url)
    with engine.begin() as conn:
        _save(conn, sid, "SHO Motihari", BY_SHO, FIRST_AT)
    step = edit_step(
        sid, "submitted", BY_SHO, BY_SP, actor="SP", role="sp", submitted_by="SI Ravi", at=SECOND_AT
    )
    with engine.begin() as conn:
        assert record_edit(conn, step, BY_SP, based_on=2) == 3
    with engine.connect() as conn:
        assert story_versions_of(conn, sid)["version"].to_list() == [1, 2, 3]


def test_an_edit_based_on_no_version_is_refused_before_anything_is_written(db_url):
    engine, sid = _story(db_url)
    step = edit_step(
        sid, "submitted", SENT, BY_SP, actor="SP", role="sp", submitted_by="SI Ravi", at=SECOND_AT
    )
    with pytest.raises(ValueError), engine.begin() as conn:
        record_edit(conn, step, BY_SP, based_on=0)
    with engine.connect() as conn:
        assert story_versions_of(conn, sid).is_empty()


def test_two_officers_saving_the_same_version_at_once_one_wins_one_is_told(db_url):
    engine, sid = _story(db_url)
    start = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def save(actor: str, texts: dict[str, str], at: datetime) -> None:
        try:
            with engine.begin() as conn:
                start.wait(timeout=10)
                outcome[actor] = _save(conn, sid, actor, texts, at)
                # Hold the winning transaction open, so the other save meets it unfinished.
                time.sleep(0.3)
        except StoryEditConflict as exc:
            outcome[actor] = exc

    threads = [
        threading.Thread(target=save, args=("SHO Motihari", BY_SHO, FIRST_AT)),
        threading.Thread(target=save, args=("SP Motihari", BY_SP, SECOND_AT)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    won = [actor for actor, got in outcome.items() if got == 2]
    lost = [got for got in outcome.values() if isinstance(got, StoryEditConflict)]
    assert len(won) == 1 and len(lost) == 1, outcome
    assert (lost[0].author, lost[0].version) == (won[0], 2)
    winner_texts = BY_SHO if won[0] == "SHO Motihari" else BY_SP
    with engine.connect() as conn:
        versions = story_versions_of(conn, sid)
        story = all_stories(conn, STATE).row(0, named=True)
        edits = story_audit(conn, sid).filter(action="story_edited")
    assert versions.select("version", "author").rows() == [(1, "SI Ravi"), (2, won[0])]
    assert (story["title"], story["body"]) == (winner_texts["title"], winner_texts["body"])
    assert edits["actor"].to_list() == won
