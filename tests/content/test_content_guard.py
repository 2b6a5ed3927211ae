"""The content guard: literal expectations in English and Hindi (blocked, warned, clean, spans)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sampark.content.guard import LexiconError, check, is_blocked, load_lexicon, story_findings


def found(text: str) -> list[tuple[str, str, str]]:
    return [(f.level, f.code, text[f.start : f.end]) for f in check(text)]


def test_pocso_story_naming_relation_and_village_is_blocked_in_english():
    text = (
        "POCSO case: accused arrested for assaulting the daughter of Ramesh Kumar"
        " of village Rampur."
    )
    assert found(text) == [
        ("block", "sexual_offence_identifier", "daughter of Ramesh Kumar"),
        ("block", "sexual_offence_identifier", "village Rampur"),
    ]


def test_pocso_story_naming_village_and_relation_is_blocked_in_hindi():
    text = "पॉक्सो मामले में रामपुर गांव निवासी रामू की बेटी से छेड़खानी के आरोपी को गिरफ्तार किया गया।"
    assert found(text) == [
        ("block", "sexual_offence_identifier", "रामपुर गांव"),
        ("block", "sexual_offence_identifier", "रामू की बेटी"),
    ]


def test_block_spans_are_code_point_offsets_into_devanagari_text():
    text = "पॉक्सो मामले में रामपुर गांव निवासी रामू की बेटी से छेड़खानी के आरोपी को गिरफ्तार किया गया।"
    assert [(f.start, f.end) for f in check(text)] == [(17, 28), (36, 48)]


def test_rape_case_with_a_named_victim_is_blocked_in_hindi():
    text = "दुष्कर्म के मामले में पीड़िता के पिता ने थाने में शिकायत दी।"
    assert found(text) == [("block", "sexual_offence_identifier", "पीड़िता के पिता")]


def test_nukta_letters_match_in_either_spelling():
    for spelling in ("छे\u095cखानी", "छे\u0921\u093cखानी"):
        assert found(f"{spelling} के मामले में ग्राम बेला") == [
            ("block", "sexual_offence_identifier", "ग्राम बेला")
        ]


def test_juvenile_school_is_blocked_in_english():
    text = "A juvenile studying at Saraswati Vidya Mandir school was apprehended."
    assert found(text) == [("block", "child_identifier", "Saraswati Vidya Mandir school")]


def test_minor_accused_class_and_student_are_blocked_in_hindi():
    assert found("नाबालिग आरोपी कक्षा 9 का छात्र है।") == [
        ("block", "child_identifier", "कक्षा 9"),
        ("block", "child_identifier", "छात्र"),
    ]


def test_a_child_by_age_makes_the_village_an_identifier():
    assert found("a 15-year-old girl from village Rampur was traced") == [
        ("block", "child_identifier", "village Rampur")
    ]


def test_an_adult_by_age_leaves_the_village_alone():
    assert found("a girl aged 25 from village Rampur was honoured") == []


def test_fir_number_in_a_sexual_offence_story_is_blocked():
    assert found("FIR No. 123/2025 registered under section 64 of BNS.") == [
        ("block", "fir_sexual_offence", "FIR No. 123/2025")
    ]


def test_fir_number_in_a_theft_story_is_clean():
    assert found("FIR No. 45/2025 registered under BNS 303; the stolen motorcycle recovered.") == []


def test_phone_numbers_and_aadhaar_are_always_blocked():
    text = "Call 98765 43210 or +91-9876543210, Aadhaar 2345 6789 0123."
    assert [(f.level, f.code, f.start, f.end) for f in check(text)] == [
        ("block", "phone_number", 5, 16),
        ("block", "phone_number", 20, 34),
        ("block", "aadhaar_number", 44, 58),
    ]


def test_devanagari_digits_phone_is_blocked():
    assert found("संपर्क करें ९८७६५४३२१० पर") == [("block", "phone_number", "९८७६५४३२१०")]


def test_guilt_words_and_private_names_are_warned_in_english():
    assert found("Police arrested the criminal after a chase. Shri Mohan Lal helped.") == [
        ("warn", "guilt_word", "criminal"),
        ("warn", "private_name", "Shri Mohan Lal"),
    ]


def test_guilt_words_and_private_names_are_warned_in_hindi():
    assert found("पुलिस ने दोषी अपराधियों को पकड़ा। श्री रमेश कुमार ने सूचना दी।") == [
        ("warn", "guilt_word", "दोषी"),
        ("warn", "guilt_word", "अपराधियों"),
        ("warn", "private_name", "श्री रमेश कुमार"),
    ]


def test_guilt_words_after_a_conviction_are_not_warned():
    assert found("Court convicted the criminals, sentenced to life imprisonment.") == []


def test_criminal_case_is_not_a_guilt_word():
    assert found("A criminal case was registered and two accused were arrested.") == []


def test_an_officials_name_after_a_rank_is_not_warned():
    assert found("SP Shri Rajesh Kumar flagged off the cyber awareness van.") == []
    assert found("थानाध्यक्ष श्री सुनील यादव ने बताया कि आरोपी गिरफ्तार।") == []


def test_objective_theft_story_is_clean_in_both_languages():
    assert found("Two accused arrested, case registered, stolen motorcycle recovered.") == []
    assert found("दो आरोपी गिरफ्तार, मामला दर्ज, चोरी की मोटरसाइकिल बरामद।") == []


def test_is_blocked_only_with_a_block_finding():
    assert (is_blocked(check("Call 9876543210")), is_blocked(check("the culprit"))) == (True, False)


def test_story_findings_tie_an_offence_in_one_field_to_an_identifier_in_another():
    texts = {"title": "Arrest in Rampur village", "body": None, "body_hi": "पॉक्सो मामला"}
    assert story_findings(texts) == [
        {
            "level": "block",
            "code": "sexual_offence_identifier",
            "start": 10,
            "end": 24,
            "message_key": "guard_sexual_offence_identifier",
            "field": "title",
        }
    ]


def test_a_broken_lexicon_entry_is_named_with_its_file(tmp_path):
    (tmp_path / "guard_xx.yaml").write_text("guilt_word:\n  - '(unclosed'\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"guard_xx\.yaml: list 'guilt_word', entry"):
        load_lexicon(tmp_path)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("९8७6 -+रामगांवकीबेटीpocsoPOCSO बलात्कार\n")), max_size=80)
)
def test_every_span_lies_inside_the_text(text):
    assert all(0 <= f.start < f.end <= len(text) for f in check(text))
