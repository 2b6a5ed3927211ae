"""The submission form's checks: text in one language at least, its length, the unit (one's
own), submitter, photos."""

import io
from datetime import date

import polars as pl
import pytest
from PIL import Image

from sampark.content import intake
from sampark.content.intake import (
    PHOTO_MAX_BYTES,
    TEXT_MAX_CHARS,
    TITLE_MAX_CHARS,
    Photo,
    Submission,
    SubmissionRefused,
    checked_submission,
    filing_units,
    photo_problem,
)

MINE = frozenset({"BR-PAT-T001"})


def submission_problems(sub: Submission) -> list[str]:
    return intake.submission_problems(sub, allowed_units=MINE)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()


def _sub(**changes) -> Submission:
    values = dict(
        unit_id="BR-PAT-T001",
        category="recovery",
        story_date=date(2026, 11, 20),
        submitted_by="SI Ravi Ranjan",
        title_hi="साइबर ठगी के पैसे लौटाए",
        body_hi="साइबर सेल ने ठगी के 2.4 लाख रुपये लौटाए।",
    )
    return Submission(**{**values, **changes})


def test_a_story_in_hindi_only_is_accepted():
    assert submission_problems(_sub()) == []


def test_a_story_without_title_and_body_in_any_language_is_refused():
    assert submission_problems(_sub(body_hi="", title="Only a title")) == ["text_missing"]


def test_unit_and_submitter_are_required():
    assert submission_problems(_sub(unit_id="", submitted_by=" ")) == [
        "unit_missing",
        "submitter_missing",
    ]


def test_a_story_text_of_the_longest_allowed_length_is_accepted():
    assert submission_problems(_sub(body_hi="क" * TEXT_MAX_CHARS)) == []
    assert submission_problems(_sub(title_hi="क" * TITLE_MAX_CHARS)) == []


def test_a_story_text_over_5000_characters_is_refused():
    assert TEXT_MAX_CHARS == 5_000
    assert submission_problems(_sub(body="x " * 40_000, title="Long")) == ["text_too_long"]
    assert submission_problems(_sub(body_hi="क" * (TEXT_MAX_CHARS + 1))) == ["text_too_long"]


def test_a_title_over_300_characters_is_refused():
    assert submission_problems(_sub(title_hi="क" * (TITLE_MAX_CHARS + 1))) == ["title_too_long"]


# Patna district: a circle with two thanas, an outpost under one; Nalanda beside it.
UNITS = pl.DataFrame(
    {
        "unit_id": ["BR", "BR-R-CEN", "BR-PAT", "BR-PAT-C1", "BR-PAT-T001", "BR-PAT-T001-OP1",
                    "BR-PAT-T002", "BR-PAT-DIV", "BR-NAL", "BR-NAL-T001"],
        "kind": ["state", "range", "district", "circle", "thana", "outpost", "thana",
                 "division", "district", "thana"],
        "parent_id": [None, "BR", "BR-R-CEN", "BR-PAT", "BR-PAT-C1", "BR-PAT-T001", "BR-PAT-C1",
                      "BR-PAT", "BR-R-CEN", "BR-NAL"],
    }
)  # fmt: skip


@pytest.mark.parametrize(
    ("role", "unit", "expected"),
    [
        ("sho", "BR-PAT-T001", {"BR-PAT-T001", "BR-PAT-T001-OP1"}),
        ("co", "BR-PAT-C1", {"BR-PAT-C1", "BR-PAT-T001", "BR-PAT-T001-OP1", "BR-PAT-T002"}),
        (
            "sp",
            "BR-PAT",
            {"BR-PAT", "BR-PAT-C1", "BR-PAT-T001", "BR-PAT-T001-OP1", "BR-PAT-T002", "BR-PAT-DIV"},
        ),
        ("dgp", None, set()),
        ("social", None, set()),
    ],
)
def test_a_user_files_stories_for_their_own_unit_and_the_offices_below_it(role, unit, expected):
    assert filing_units(role, unit, UNITS) == expected


def test_an_sho_filing_under_their_circle_or_district_is_refused():
    allowed = filing_units("sho", "BR-PAT-T001", UNITS)
    for above in ("BR-PAT-C1", "BR-PAT", "BR-NAL-T001"):
        with pytest.raises(SubmissionRefused) as refused:
            checked_submission(_sub(unit_id=above), allowed_units=allowed)
        assert refused.value.problems == ["unit_not_yours"]
    assert checked_submission(_sub(), allowed_units=allowed) == _sub()


def test_a_png_photo_is_accepted():
    assert photo_problem(Photo("scene.png", _png())) is None


def test_a_pdf_is_refused_by_type():
    assert photo_problem(Photo("fir.pdf", b"%PDF-1.4")) == "photo_type"


def test_a_png_named_jpg_is_refused_by_type():
    assert photo_problem(Photo("scene.jpg", _png())) == "photo_type"


def test_a_photo_over_5_mb_is_refused_by_size():
    assert photo_problem(Photo("big.png", _png() + b"\0" * PHOTO_MAX_BYTES)) == "photo_size"


def test_photo_problems_are_listed_once():
    bad = (Photo("a.gif", b"GIF89a"), Photo("b.gif", b"GIF89a"))
    assert submission_problems(_sub(photos=bad)) == ["photo_type"]
