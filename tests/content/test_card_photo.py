"""The story's photo on the card: composed under the title, faces blurred first in a story
about a sexual offence or a child, left off when no detector can run (synthetic images only)."""

import io
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageStat

from sampark.content.card import Card, card_image
from sampark.content.faces import blurred_faces, haar_detector
from sampark.content.guard import story_protected_context

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
BACKGROUND = (11, 37, 69)
# Pixels of the card inside the photo's box (84..996 × 520..856) and at its centre.
PHOTO_CENTRE = (540, 688)


def png(image: Image.Image, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def checkerboard(size: int = 240, cell: int = 8) -> Image.Image:
    """A photo stand-in: black and white squares, so a blur shows as lost contrast."""
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for x in range(0, size, cell):
        for y in range(0, size, cell):
            if (x // cell + y // cell) % 2:
                draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(0, 0, 0))
    return image


def card(photo: bytes | None, *, protect: bool, lang: str = "en") -> Card:
    title = "नाबालिग को सकुशल बरामद किया गया" if lang == "hi" else "Missing child traced"
    return Card(title, "Saran", date(2026, 11, 20), "rescue", lang, photo, protect)


def card_pixel(result_png: bytes, xy: tuple[int, int]) -> tuple[int, ...]:
    return Image.open(io.BytesIO(result_png)).convert("RGB").getpixel(xy)  # type: ignore[return-value]


def test_blurred_faces_leave_no_contrast_in_the_face_and_touch_nothing_else():
    photo = checkerboard()
    out = blurred_faces(photo, [(80, 80, 60, 60)])
    face = ImageStat.Stat(out.crop((90, 90, 130, 130)).convert("L")).stddev[0]
    before = ImageStat.Stat(photo.crop((90, 90, 130, 130)).convert("L")).stddev[0]
    assert (before > 100, face < 20) == (True, True)
    assert out.crop((0, 0, 40, 40)).tobytes() == photo.crop((0, 0, 40, 40)).tobytes()


def test_a_protected_storys_photo_is_blurred_where_the_detector_finds_faces():
    seen: list[tuple[int, int]] = []

    def detector(image):
        seen.append(image.size)
        return [(40, 40, 160, 160)]

    result = card_image(card(png(checkerboard()), protect=True), detector=detector)
    assert (result.photo_shown, result.faces_blurred, result.photo_left_out, seen) == (
        True,
        1,
        None,
        [(240, 240)],
    )


def test_the_blur_is_on_the_card_itself():
    photo = png(checkerboard())
    sharp = card_image(card(photo, protect=False)).png
    blurred = card_image(card(photo, protect=True), detector=lambda image: [(0, 0, 240, 240)]).png
    box = (300, 560, 780, 820)

    def contrast(result: bytes) -> float:
        return ImageStat.Stat(Image.open(io.BytesIO(result)).convert("L").crop(box)).stddev[0]

    assert (contrast(sharp) > 80, contrast(blurred) < 25) == (True, True)


def test_without_a_face_detector_a_protected_storys_card_leaves_the_photo_out_and_says_so():
    result = card_image(
        card(png(Image.new("RGB", (64, 64), (200, 0, 0))), protect=True), detector=None
    )
    assert (result.photo_shown, result.faces_blurred, result.photo_left_out) == (
        False,
        0,
        "no_face_detector",
    )
    assert card_pixel(result.png, PHOTO_CENTRE) == BACKGROUND


def test_a_detector_that_fails_leaves_the_photo_out():
    def broken(image):
        raise RuntimeError("model missing")

    result = card_image(card(png(checkerboard()), protect=True), detector=broken)
    assert (result.photo_shown, result.photo_left_out) == (False, "no_face_detector")


def test_an_ordinary_storys_photo_goes_on_the_card_without_looking_for_faces():
    def never(image):
        raise AssertionError("no face detection outside protected stories")

    red = png(Image.new("RGB", (400, 300), (200, 0, 0)), "JPEG")
    result = card_image(card(red, protect=False), detector=never)
    assert (result.photo_shown, result.faces_blurred, result.photo_left_out) == (True, 0, None)
    r, g, b = card_pixel(result.png, PHOTO_CENTRE)
    assert (r > 180, g < 30, b < 30) == (True, True, True)


def test_unreadable_photo_bytes_leave_the_photo_out():
    result = card_image(card(b"\x89PNG\r\n\x1a\nnot really", protect=False))
    assert (result.photo_shown, result.photo_left_out) == (False, "unreadable")


def test_a_card_without_a_photo_says_nothing_about_one():
    result = card_image(card(None, protect=True), detector=None)
    assert (result.photo_shown, result.faces_blurred, result.photo_left_out) == (False, 0, None)


def test_the_real_detector_loads_from_the_wheel_and_runs_offline():
    detector = haar_detector()
    assert detector is not None
    assert detector(checkerboard(640)) == []


def test_the_guard_decides_which_stories_protect_faces():
    assert [
        story_protected_context({"title": "POCSO accused arrested"}),
        story_protected_context({"body_hi": "नाबालिग को बरामद किया गया"}),
        story_protected_context({"title": "Stolen tractor recovered"}),
    ] == ["sexual_offence", "child", None]


def test_hindi_card_with_a_photo_is_written_for_a_person_to_look_at():
    # Looked at when written: the shaped title above, the photo below with the face blurred.
    photo = Image.new("RGB", (800, 600), (70, 120, 160))
    draw = ImageDraw.Draw(photo)
    draw.ellipse((300, 120, 500, 380), fill=(224, 172, 105))
    draw.ellipse((350, 210, 380, 235), fill=(30, 30, 30))
    draw.ellipse((420, 210, 450, 235), fill=(30, 30, 30))
    draw.rectangle((0, 420, 800, 600), fill=(40, 90, 40))
    result = card_image(
        card(png(photo), protect=True, lang="hi"), detector=lambda i: [(300, 120, 200, 260)]
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "card_hi_photo.png").write_bytes(result.png)
    assert (result.faces_blurred, Image.open(io.BytesIO(result.png)).size) == (1, (1080, 1080))
