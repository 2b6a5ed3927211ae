"""The stories' writers and reads on SQLite and PostgreSQL: submit, steps, order, posted URL."""

import hashlib
from dataclasses import replace
from datetime import datetime

import pytest

from sampark.access import STATE, Scope
from sampark.content.intake import Photo, SubmissionRefused, checked_submission, filing_units
from sampark.content.workflow import Override, next_step, override_step
from sampark.queries.network import network
from sampark.queries.stories import (
    all_stories,
    stored_guard_findings,
    stories_version,
    story_audit,
    story_history,
)
from sampark.store.stories import (
    StoryChanged,
    record_override,
    record_posted_url,
    record_step,
    store_media,
)
from tests.social_setup import STORIES, SUBMITTED_AT, submit_all, units_engine

AT = datetime(2026, 11, 21, 9, 0)


def _step(conn, story_id, action, note=""):
    story = all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)
    order = {"reference": story["override_reference"]} if story["override_reference"] else None
    findings = stored_guard_findings(conn)[story_id]
    return next_step(
        story_id,
        story["status"],
        action,
        actor="Cell: Asha",
        at=AT,
        findings=findings,
        override=order,
        note=note,
    )


def test_submitted_stories_are_read_back_with_status_and_history(db_url):
    engine = units_engine(db_url)
    ids = submit_all(engine)
    with engine.connect() as conn:
        frame = all_stories(conn, STATE)
        history = story_history(conn, STATE)
    assert frame.select("story_id", "status", "unit_id").rows() == [
        (ids[0], "submitted", "BR-MOT-T001"),
        (ids[1], "submitted", "BR-MOT-T001"),
        (ids[2], "submitted", "BR-PAT-T001"),
        (ids[3], "submitted", "BR-PAT-T001"),
    ]
    assert history.filter(story_id=ids[0]).rows() == [
        (ids[0], "submitted", "SI Ravi Ranjan", SUBMITTED_AT, None)
    ]


def test_submission_keeps_its_guard_findings(db_url):
    engine = units_engine(db_url)
    ids = submit_all(engine)
    with engine.connect() as conn:
        stored = stored_guard_findings(conn)
    assert [sorted({f["code"] for f in stored[i]}) for i in ids] == [
        [],
        ["sexual_offence_identifier"],
        ["child_identifier"],
        ["guilt_word"],
    ]


def test_workflow_steps_are_written_with_audit(db_url):
    engine = units_engine(db_url)
    story_id = submit_all(engine)[0]
    with engine.begin() as conn:
        record_step(conn, _step(conn, story_id, "vet"))
        record_step(conn, _step(conn, story_id, "approve"), drafts={"x": "text"})
        record_posted_url(conn, _step(conn, story_id, "post", "https://x.com/p/status/9"))
    with engine.connect() as conn:
        story = all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)
        audit = story_audit(conn, story_id)
        steps = story_history(conn, STATE).filter(story_id=story_id)["step"].to_list()
    assert (story["status"], story["reviewer"], story["posted_urls"]) == (
        "posted",
        "Cell: Asha",
        ["https://x.com/p/status/9"],
    )
    assert steps == ["submitted", "vetted", "approved", "posted"]
    assert audit["action"].to_list() == [
        "story_submitted",
        "story_vetted",
        "story_approved",
        "story_posted",
    ]


def test_a_written_order_is_kept_and_audited(db_url):
    engine = units_engine(db_url)
    story_id = submit_all(engine)[1]
    order = Override("SHO/MOT/45/2026", "R. Singh", "inspector", "sho")
    with engine.begin() as conn:
        record_override(
            conn,
            override_step(story_id, "submitted", order, actor="Cell", role="social", at=AT),
            order,
        )
    with engine.connect() as conn:
        story = all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)
        audit = story_audit(conn, story_id)
    assert (story["override_reference"], story["override_approver"], story["override_role"]) == (
        "SHO/MOT/45/2026",
        "Insp. R. Singh",
        "sho",
    )
    assert audit.select("action", "detail").rows()[-1] == (
        "story_block_override",
        "SHO/MOT/45/2026 — Insp. R. Singh (SHO)",
    )


def test_a_step_from_a_stale_status_is_refused(db_url):
    engine = units_engine(db_url)
    story_id = submit_all(engine)[0]
    with engine.begin() as conn:
        vet = _step(conn, story_id, "vet")
        record_step(conn, vet)
    stale = pytest.raises(StoryChanged, match=f"story {story_id} is no longer submitted")
    with stale, engine.begin() as conn:
        record_step(conn, vet)


def test_stories_version_changes_with_every_step(db_url):
    engine = units_engine(db_url)
    story_id = submit_all(engine)[0]
    with engine.connect() as conn:
        before = stories_version(conn)
    with engine.begin() as conn:
        record_step(conn, _step(conn, story_id, "reject", "not a police success"))
    with engine.connect() as conn:
        assert stories_version(conn) != before


def test_photos_are_stored_once_under_their_digest(tmp_path):
    photo = Photo("a.JPEG", b"\xff\xd8 pretend jpeg")
    names = store_media(tmp_path / "media", [photo, photo])
    assert names == [hashlib.sha256(photo.data).hexdigest()[:20] + ".jpg"] * 2
    assert sorted(p.name for p in (tmp_path / "media").iterdir()) == [names[0]]


def test_an_sho_files_only_for_their_thana_though_their_network_names_the_units_above(db_url):
    """The SHO's network holds their circle, district and range (for names and roll-ups); a
    story filed under any of them is refused on submit."""
    engine = units_engine(db_url)
    with engine.connect() as conn:
        units = network(conn, Scope("BR-MOT-T001")).units
    assert {"BR-MOT", "BR-R-CHA", "BR"} <= set(units["unit_id"].to_list())
    allowed = filing_units("sho", "BR-MOT-T001", units)
    assert allowed == {"BR-MOT-T001"}
    for above in ("BR-MOT", "BR-R-CHA", "BR"):
        with pytest.raises(SubmissionRefused, match="unit_not_yours"):
            checked_submission(replace(STORIES[0], unit_id=above), allowed_units=allowed)
