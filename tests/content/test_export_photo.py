"""The bulk export's cards carry the story's first photo, with faces protected in a story the
guard ties to a sexual offence or a child (synthetic images only)."""

import io
import zipfile
from datetime import date

import polars as pl
from PIL import Image

from sampark.content.card import card_image, protected_photo
from sampark.content.export import cards_zip, first_photo, photo_card, story_text
from tests.content.test_card_photo import BACKGROUND, PHOTO_CENTRE, card_pixel, checkerboard, png


def story(
    media: list[str], body_hi: str = "चोरी की तीन मोटरसाइकिल बरामद, दो आरोपी गिरफ्तार।"
) -> dict:
    return {
        "story_id": 5,
        "title_hi": "चोरी की तीन मोटरसाइकिल बरामद",
        "body_hi": body_hi,
        "district_hi": "मोतिहारी",
        "category": "recovery",
        "story_date": date(2026, 11, 20),
        "media": media,
        "blocked": False,
    }


def test_the_first_readable_photo_goes_on_the_card(tmp_path):
    (tmp_path / "a.png").write_bytes(b"not an image")
    (tmp_path / "b.png").write_bytes(png(checkerboard()))
    row = story(["missing.jpg", "a.png", "b.png"])
    assert first_photo(row, tmp_path) == (tmp_path / "b.png").read_bytes()
    assert first_photo(row, None) is None
    card = photo_card(row, story_text(row, "hi"), tmp_path)
    assert (card.photo is not None, card.protect_faces) == (True, False)


def test_a_pocso_storys_card_protects_faces():
    row = story([], body_hi="पॉक्सो मामले में नाबालिग से छेड़खानी का आरोपी गिरफ्तार।")
    assert photo_card(row, story_text(row, "hi"), None).protect_faces is True


def test_the_zip_holds_the_card_with_the_photo(tmp_path):
    (tmp_path / "b.png").write_bytes(png(checkerboard()))
    frame = pl.DataFrame([story(["b.png"])])
    (name,) = zipfile.ZipFile(io.BytesIO(cards_zip(frame, tmp_path))).namelist()
    drawn = zipfile.ZipFile(io.BytesIO(cards_zip(frame, tmp_path))).read(name)
    assert name == "story_5_hi.png"
    assert Image.open(io.BytesIO(drawn)).size == (1080, 1080)
    assert card_pixel(drawn, PHOTO_CENTRE) != BACKGROUND
    without = zipfile.ZipFile(io.BytesIO(cards_zip(frame))).read(name)
    assert card_pixel(without, PHOTO_CENTRE) == BACKGROUND
    row = story(["b.png"])
    assert card_image(photo_card(row, story_text(row, "hi"), tmp_path)).png == drawn


def test_the_story_view_shows_a_protected_photo_blurred_or_not_at_all():
    photo = png(checkerboard(960))
    shown, faces = protected_photo(photo, detector=lambda image: [(100, 100, 300, 300)])
    assert faces == 1
    view = Image.open(io.BytesIO(shown))
    assert view.size == (640, 640)
    # The face's box (scaled by 2/3) has lost the checkerboard's contrast; a corner has not.
    face, corner = view.crop((90, 90, 190, 190)), view.crop((560, 560, 630, 630))
    assert (face.convert("L").getextrema()[1] - face.convert("L").getextrema()[0] < 120) is True
    assert corner.convert("L").getextrema() == (0, 255)
    assert protected_photo(photo, detector=None) == (None, 0)
    assert protected_photo(b"\x89PNG\r\n\x1a\n broken") == (None, 0)
