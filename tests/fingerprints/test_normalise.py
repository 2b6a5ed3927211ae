"""Normalising message text before fingerprinting: literal examples in both scripts."""

import unicodedata

import pytest

from sampark.fingerprints import chars
from sampark.fingerprints.normalise import has_fingerprint, normalised_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Duty at Gandhi Maidan, 8 AM.", "dutyatgandhimaidan8am"),
        ("  Duty   at\nGandhi\tMaidan , 8 AM ", "dutyatgandhimaidan8am"),
        ("*Duty* at _Gandhi_ ~Maidan~ ```8 AM```", "dutyatgandhimaidan8am"),
        ("🚨🚨 Duty at Gandhi Maidan 👍🏽, 8 AM 🇮🇳", "dutyatgandhimaidan8am"),
        ("सभी थानाध्यक्ष ध्यान दें।", "सभीथानाध्यक्षध्यानदें"),
        ("क्षेत्र में गश्त करें!!", "क्षेत्रमेंगश्तकरें"),
        ("दिनांक १२.०३.२०२६ को", "दिनांक12032026को"),
        ("ज़हर की अफ़वाह", "ज़हरकीअफ़वाह"),
    ],
)
def test_normalised_text_keeps_letters_digits_and_their_marks(text, expected):
    assert normalised_text(text) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "*Important*\nDuty at Gandhi Maidan, 8 AM",
        "Forwarded\nDuty at Gandhi Maidan, 8 AM",
        "Forwarded as received 👇\n*IMPORTANT* Duty at Gandhi Maidan, 8 AM",
        "🚨 *URGENT* 🚨 Duty at Gandhi Maidan, 8 AM",
        "*अति आवश्यक*\nDuty at Gandhi Maidan, 8 AM",
        "_जरूरी सूचना_ Duty at Gandhi Maidan, 8 AM",
    ],
)
def test_markers_in_front_are_taken_off(marked):
    assert normalised_text(marked) == "dutyatgandhimaidan8am"


def test_a_marker_inside_the_text_stays():
    assert normalised_text("Duty is important at 8 AM") == "dutyisimportantat8am"


def test_a_matra_is_never_cut_from_its_consonant_nor_left_after_a_removed_character():
    # "कि" keeps its matra; a matra typed after a space or an emoji goes with it.
    assert normalised_text("कि") == "कि"
    assert normalised_text("क ि") == "क"
    assert normalised_text("क🙏ि") == "क"


def test_zero_width_joiners_and_variation_selectors_are_removed_inside_a_cluster():
    assert normalised_text("क्\u200dष") == "क्ष"
    assert normalised_text("1\ufe0f\u20e3 call") == "1call"


def test_canonically_equal_texts_normalise_the_same():
    precomposed = "\u095b\u0939\u0930 \u0921\u093c\u0930"  # ज़हर with U+095B, then ड + nukta
    decomposed = unicodedata.normalize("NFD", precomposed)
    assert normalised_text(precomposed) == normalised_text(decomposed)
    assert normalised_text("e\u0301te") == normalised_text("\u00e9te") == "\u00e9te"


def test_texts_under_25_characters_get_no_fingerprint():
    assert not has_fingerprint(normalised_text("Good morning sir 🙏"))
    assert not has_fingerprint(normalised_text("जय हिन्द सर जी, सुप्रभात"))
    assert has_fingerprint(normalised_text("Duty at Gandhi Maidan at eight"))


def test_the_compiled_tables_are_written_from_this_unicode_database():
    header = chars.FOLDER_HEADER.read_text(encoding="utf-8")
    assert header == chars.c_header()
