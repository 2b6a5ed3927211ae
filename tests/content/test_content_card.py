"""The image card: raqm shaping available, 1080×1080 PNG, alt text, script runs."""

import io
from datetime import date
from pathlib import Path

from PIL import Image, features

from sampark.content.card import Card, _runs, alt_text, card_png

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HINDI = Card(
    title="पूर्वी चंपारण पुलिस ने 24 घंटे में चोरी की 3 मोटरसाइकिल बरामद कीं, दो आरोपी गिरफ्तार",
    district="पूर्वी चंपारण",
    day=date(2026, 11, 20),
    category="recovery",
    lang="hi",
)


def test_pillow_has_raqm_layout_for_devanagari():
    assert features.check("raqm") is True


def test_card_is_a_1080_square_png():
    image = Image.open(io.BytesIO(card_png(HINDI)))
    assert (image.format, image.size) == ("PNG", (1080, 1080))


def test_hindi_card_is_written_for_a_person_to_look_at():
    # Looked at when written: matras, reph (पूर्वी) and conjuncts (गिरफ्तार) shaped correctly.
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "card_hi.png"
    path.write_bytes(card_png(HINDI))
    assert Image.open(path).size == (1080, 1080)


def test_text_is_split_into_devanagari_and_latin_runs():
    assert _runs("दो आरोपी 24 घंटे, KYC") == [
        ("deva", "दो आरोपी "),
        ("latn", "24 "),
        ("deva", "घंटे"),
        ("latn", ", KYC"),
    ]


def test_alt_text_names_title_category_district_and_date():
    assert alt_text(HINDI) == (
        "चित्र कार्ड: पूर्वी चंपारण पुलिस ने 24 घंटे में चोरी की 3 मोटरसाइकिल बरामद कीं, दो आरोपी"
        " गिरफ्तार। बरामदगी, पूर्वी चंपारण, 20 नवंबर 2026।"
    )


def test_unknown_category_is_shown_as_it_came():
    card = Card("Title", "Patna", None, "night_patrol", "en")
    assert alt_text(card) == "Image card: Title. night patrol, Patna."
