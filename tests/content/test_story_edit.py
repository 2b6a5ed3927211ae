"""Fixing a story before approval: who may, what every version keeps, the guard's second look
and the audit; vetting a blocked story needs a reason; nothing blocked is exported."""

import io
import zipfile
from datetime import date, datetime

import pytest

from sampark.access import STATE
from sampark.content.export import cards_zip, export_frame
from sampark.content.intake import TEXT_MAX_CHARS, TITLE_MAX_CHARS, Submission
from sampark.content.queue import story_queue
from sampark.content.workflow import (
    _TEXT_LIMITS,
    EditIncomplete,
    EditNotAllowed,
    EditUnchanged,
    TransitionNotAllowed,
    VetReasonRequired,
    edit_step,
    next_step,
)
from sampark.queries.network import network
from sampark.queries.stories import all_stories, story_audit, story_history, story_versions_of
from sampark.store.stories import StoryChanged, record_edit, record_step, submit_story
from tests.social_setup import units_engine

AT = datetime(2026, 11, 20, 10, 0)
LATER = datetime(2026, 11, 21, 9, 30)
OLD = {"title_hi": "पॉक्सो मामले में आरोपी गिरफ्तार", "body_hi": "रामू की बेटी से छेड़खानी।"}
NEW = {"title_hi": "पॉक्सो मामले में आरोपी गिरफ्तार", "body_hi": "पीड़िता से छेड़खानी का आरोपी गिरफ्तार।"}
BLOCK = [{"level": "block", "code": "sexual_offence_identifier"}]


def edit(status="submitted", *, actor="SI Ravi", role="sho", new=NEW):
    return edit_step(7, status, OLD, new, actor=actor, role=role, submitted_by="SI Ravi", at=LATER)


def test_the_submitter_edits_and_the_note_names_the_fields_not_the_text():
    step = edit()
    assert (step.action, step.from_status, step.to_status, step.note) == (
        "edit",
        "submitted",
        "submitted",
        "body_hi",
    )


def test_the_vetting_officer_may_edit_someone_elses_story_a_station_may_not():
    assert edit("vetted", actor="SP Motihari", role="sp").actor == "SP Motihari"
    with pytest.raises(EditNotAllowed):
        edit(actor="SI Other", role="sho")


@pytest.mark.parametrize("status", ["approved", "posted", "rejected"])
def test_no_edit_after_approval(status):
    with pytest.raises(TransitionNotAllowed):
        edit(status)


def test_an_unchanged_text_or_a_title_without_its_text_is_refused():
    with pytest.raises(EditUnchanged):
        edit(new=dict(OLD))
    with pytest.raises(EditIncomplete):
        edit(new={"title": "Accused held", "body": "", **NEW})
    with pytest.raises(EditIncomplete):
        edit(new={"title_hi": "x", "body_hi": "y" * (TEXT_MAX_CHARS + 1)})


def test_the_workflow_limits_are_the_forms():
    assert _TEXT_LIMITS == {
        "title": TITLE_MAX_CHARS,
        "body": TEXT_MAX_CHARS,
        "title_hi": TITLE_MAX_CHARS,
        "body_hi": TEXT_MAX_CHARS,
    }


def test_vetting_a_blocked_story_needs_a_reason_a_clean_one_does_not():
    with pytest.raises(VetReasonRequired):
        next_step(7, "submitted", "vet", actor="SP", at=AT, findings=BLOCK)
    step = next_step(7, "submitted", "vet", actor="SP", at=AT, findings=BLOCK, note="fixed later")
    assert step.note == "fixed later"
    assert next_step(7, "submitted", "vet", actor="SP", at=AT, findings=[]).note is None


def _submitted(db_url):
    engine = units_engine(db_url)
    sub = Submission(
        unit_id="BR-MOT-T001",
        category="arrest",
        story_date=date(2026, 11, 19),
        submitted_by="SI Ravi",
        **OLD,
    )
    with engine.begin() as conn:
        story_id = submit_story(conn, sub, [], AT)
    return engine, story_id


def test_an_edit_keeps_both_versions_checks_again_and_is_audited(db_url):
    engine, sid = _submitted(db_url)
    step = edit_step(
        sid, "submitted", OLD, NEW, actor="SI Ravi", role="sho", submitted_by="SI Ravi", at=LATER
    )
    with engine.begin() as conn:
        assert record_edit(conn, step, NEW, based_on=1) == 2
    with engine.connect() as conn:
        versions = story_versions_of(conn, sid)
        story = all_stories(conn, STATE).row(0, named=True)
        audit = story_audit(conn, sid).select("actor", "action", "detail").rows()
        steps = story_history(conn, STATE).select("step", "note").rows()
    assert versions.select("version", "author", "written_at", "body_hi", "blocks").rows() == [
        (1, "SI Ravi", AT, OLD["body_hi"], 1),
        (2, "SI Ravi", LATER, NEW["body_hi"], 0),
    ]
    assert (story["body_hi"], story["status"]) == (NEW["body_hi"], "submitted")
    assert audit[-1] == ("SI Ravi", "story_edited", "v2: body_hi; blocks 0")
    assert steps[-1] == ("edited", "v2: body_hi; blocks 0")
    # The audit and the steps never carry the text the guard blocked.
    assert all("रामू" not in str(row) for row in [*audit, *steps])


def test_a_second_edit_adds_version_three_and_an_edit_on_a_moved_story_fails(db_url):
    engine, sid = _submitted(db_url)
    third = {**NEW, "body_hi": "पीड़िता से छेड़खानी के आरोपी को पुलिस ने पकड़ा।"}
    with engine.begin() as conn:
        record_edit(
            conn,
            edit_step(
                sid,
                "submitted",
                OLD,
                NEW,
                actor="SI Ravi",
                role="sho",
                submitted_by="SI Ravi",
                at=LATER,
            ),
            NEW,
            based_on=1,
        )
        record_edit(
            conn,
            edit_step(
                sid,
                "submitted",
                NEW,
                third,
                actor="SP",
                role="sp",
                submitted_by="SI Ravi",
                at=LATER,
            ),
            third,
            based_on=2,
        )
    with engine.connect() as conn:
        assert story_versions_of(conn, sid)["author"].to_list() == ["SI Ravi", "SI Ravi", "SP"]
    stale = edit_step(sid, "vetted", NEW, OLD, actor="SP", role="sp", submitted_by="", at=LATER)
    with pytest.raises(StoryChanged), engine.begin() as conn:
        record_edit(conn, stale, OLD, based_on=3)


def test_a_blocked_story_vetted_with_a_reason_has_it_in_the_audit(db_url):
    engine, sid = _submitted(db_url)
    step = next_step(
        sid, "submitted", "vet", actor="SP", at=LATER, findings=BLOCK, note="ok'd by SP"
    )
    with engine.begin() as conn:
        record_step(conn, step)
    with engine.connect() as conn:
        assert story_audit(conn, sid).select("action", "detail").rows()[-1] == (
            "story_vetted",
            "ok'd by SP",
        )


def test_an_approved_story_the_guard_now_blocks_is_left_out_of_both_exports(db_url):
    engine, sid = _submitted(db_url)
    with engine.begin() as conn:
        for action in ("vet", "approve"):
            status = all_stories(conn, STATE)["status"][0]
            step = next_step(sid, status, action, actor="Cell", at=LATER, findings=[], note="x")
            record_step(conn, step)
        queue = story_queue(all_stories(conn, STATE), network(conn, STATE).units)
    assert queue.select("status", "blocked").rows() == [("approved", True)]
    assert export_frame(queue).is_empty()
    assert zipfile.ZipFile(io.BytesIO(cards_zip(queue))).namelist() == []
