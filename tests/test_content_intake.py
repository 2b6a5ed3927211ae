"""The submission form's checks: text in one language at least, unit, submitter, photos."""

import io
from datetime import date

from PIL import Image

from sampark.content.intake import (
    PHOTO_MAX_BYTES,
    Photo,
    Submission,
    photo_problem,
    submission_problems,
)


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
