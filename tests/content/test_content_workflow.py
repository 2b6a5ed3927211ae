"""The story workflow (pure): transitions, rejection, posting, blocks and written orders."""

from datetime import datetime

import pytest

from sampark.content.workflow import (
    ActorRequired,
    BlockStands,
    OrderReferenceInvalid,
    Override,
    OverrideIncomplete,
    ReasonRequired,
    RoleMayNotRecordOrder,
    SignatoryInvalid,
    Step,
    TransitionNotAllowed,
    UrlRequired,
    next_step,
    override_step,
    platform_of,
)

AT = datetime(2026, 11, 23, 9, 30)
BLOCK = [{"level": "block", "code": "phone_number", "start": 0, "end": 10}]
WARN = [{"level": "warn", "code": "guilt_word", "start": 0, "end": 8}]


def step(status, action, findings=(), override=None, note="", actor="Asha Verma"):
    return next_step(
        7, status, action, actor=actor, at=AT, findings=list(findings), override=override, note=note
    )


def test_story_moves_submitted_vetted_approved_posted():
    assert [
        step("submitted", "vet").to_status,
        step("vetted", "approve").to_status,
        step("approved", "post", note="https://x.com/bihar_police/status/1").to_status,
    ] == ["vetted", "approved", "posted"]


def test_step_records_who_when_and_note():
    assert step("submitted", "reject", note="duplicate of story 3") == Step(
        story_id=7,
        action="reject",
        from_status="submitted",
        to_status="rejected",
        actor="Asha Verma",
        at=AT,
        note="duplicate of story 3",
    )


@pytest.mark.parametrize("status", ["submitted", "vetted", "approved"])
def test_reject_is_allowed_at_every_step_before_posting(status):
    assert step(status, "reject", note="not a police success").to_status == "rejected"


def test_reject_without_a_reason_is_refused():
    with pytest.raises(ReasonRequired, match="story 7: a rejection needs a reason"):
        step("vetted", "reject", note="  ")


def test_approving_a_submitted_story_skips_vetting_and_is_refused():
    with pytest.raises(TransitionNotAllowed, match="cannot approve a story that is submitted"):
        step("submitted", "approve")


def test_a_rejected_story_takes_no_further_step():
    with pytest.raises(TransitionNotAllowed):
        step("rejected", "vet")


def test_posting_needs_a_url():
    with pytest.raises(UrlRequired):
        step("approved", "post", note="posted on X")


def test_posted_url_names_its_platform():
    posted = step("approved", "post", note="https://www.facebook.com/biharpolice/posts/1")
    assert (posted.note, posted.platform) == (
        "https://www.facebook.com/biharpolice/posts/1",
        "facebook",
    )


def test_a_posted_story_takes_another_platforms_url():
    assert step("posted", "post", note="https://instagram.com/p/abc").to_status == "posted"


def test_platform_of_an_unknown_host_is_none():
    assert (platform_of("https://twitter.com/a/status/1"), platform_of("https://example.org")) == (
        "x",
        None,
    )


def test_approval_is_refused_while_a_block_stands():
    with pytest.raises(BlockStands):
        step("vetted", "approve", findings=BLOCK)


def test_approval_with_a_written_order_recorded_passes_the_block():
    order = Override("SHO/Motihari/123/2026", "R. Singh", "inspector", "sho").to_dict(AT)
    assert step("vetted", "approve", findings=BLOCK, override=order).to_status == "approved"


def test_warnings_do_not_stop_approval():
    assert step("vetted", "approve", findings=WARN).to_status == "approved"


def test_a_step_needs_an_acting_person():
    with pytest.raises(ActorRequired):
        step("submitted", "vet", actor=" ")


def test_override_step_notes_reference_and_approver():
    order = Override("Order 45/2026", "S. Kumar", "sub_inspector", "io")
    assert override_step(7, "vetted", order, actor="Cell", role="social", at=AT).note == (
        "Order 45/2026 — SI S. Kumar (IO)"
    )


def test_override_needs_reference_approver_and_role():
    def record(order: Override) -> Step:
        return override_step(7, "vetted", order, actor="Cell", role="social", at=AT)

    with pytest.raises(OverrideIncomplete, match="reference and its signatory"):
        record(Override("", "S. Kumar", "inspector", "sho"))
    with pytest.raises(OverrideIncomplete, match="post must be one of sho, io"):
        record(Override("Order 1/2026", "S. Kumar", "inspector", "sp"))


@pytest.mark.parametrize("role", ["sho", "co", "sp", "dgp", "ig", "scrb", None])
def test_only_the_social_media_cell_records_a_written_order(role):
    """The officer whose story is blocked cannot lift the block by typing an order in."""
    order = Override("SHO/MOT/45/2026", "R. Singh", "inspector", "sho")
    with pytest.raises(RoleMayNotRecordOrder):
        override_step(7, "vetted", order, actor="SHO Motihari", role=role, at=AT)


@pytest.mark.parametrize("reference", ["x", "xxxxx", "1234", "   45/2026 x?", "<b>45/2026</b>"])
def test_an_order_reference_must_look_like_an_order_number(reference):
    order = Override(reference, "R. Singh", "inspector", "sho")
    with pytest.raises(OrderReferenceInvalid):
        override_step(7, "vetted", order, actor="Cell", role="social", at=AT)


@pytest.mark.parametrize(
    "reference", ["SHO/MOT/45/2026", "Order 45/2026", "पत्रांक 45/2026", "12/26", "L-45.2026"]
)
def test_order_numbers_in_their_usual_forms_are_taken(reference):
    order = Override(reference, "R. Singh", "inspector", "sho")
    assert override_step(7, "vetted", order, actor="Cell", role="social", at=AT).note


@pytest.mark.parametrize(
    ("signatory", "rank"),
    [("x", "inspector"), ("R1 Singh", "inspector"), ("R. Singh", "constable"), ("R. Singh", "")],
)
def test_the_signatory_needs_a_name_and_a_rank_that_holds_the_post(signatory, rank):
    order = Override("SHO/MOT/45/2026", signatory, rank, "sho")
    with pytest.raises(SignatoryInvalid):
        override_step(7, "vetted", order, actor="Cell", role="social", at=AT)


def test_a_signatory_named_in_hindi_is_taken():
    order = Override("SHO/MOT/45/2026", "राम कुमार सिंह", "sub_inspector", "sho")
    step = override_step(7, "vetted", order, actor="Cell", role="social", at=AT)
    assert step.note == "SHO/MOT/45/2026 — SI राम कुमार सिंह (SHO)"
    assert order.to_dict(AT)["approver"] == "SI राम कुमार सिंह"
