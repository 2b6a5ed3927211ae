"""The "suggest a safe wording" helper: flagged spans replaced by neutral words (literal
findings, so these tests do not move with the guard's rules)."""

from sampark.content.safe_wording import neutral_words, safe_wording, story_safe_wording


def span(text: str, part: str, code: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "code": code}


def test_a_hindi_survivor_named_by_her_father_and_village_is_reworded():
    text = "रामपुर गांव निवासी रामू की बेटी से छेड़खानी का आरोपी गिरफ्तार।"
    found = [
        span(text, "रामपुर गांव", "sexual_offence_identifier"),
        span(text, "रामू की बेटी", "sexual_offence_identifier"),
    ]
    assert safe_wording(text, found) == "ज़िले के एक गांव निवासी पीड़िता से छेड़खानी का आरोपी गिरफ्तार।"


def test_a_childs_name_ward_and_school_become_neutral_english_words():
    text = "Rohan, 16, of Ward 4 studies at Saraswati Vidya Mandir school."
    found = [
        span(text, "Rohan", "child_identifier"),
        span(text, "Ward 4", "child_identifier"),
        span(text, "Saraswati Vidya Mandir school", "child_identifier"),
    ]
    assert safe_wording(text, found) == (
        "the child, 16, of a locality in the district studies at a local institution."
    )


def test_a_name_after_its_marker_is_withheld_not_replaced_by_a_noun():
    text = "पीड़िता का नाम सुनीता है, वह नौवीं कक्षा में पढ़ती है।"
    found = [
        span(text, "सुनीता", "sexual_offence_identifier"),
        span(text, "नौवीं कक्षा", "sexual_offence_identifier"),
    ]
    assert safe_wording(text, found) == (
        "पीड़िता का नाम गोपनीय है, वह एक स्थानीय शिक्षण संस्थान में पढ़ती है।"
    )


def test_numbers_relations_and_fir_numbers_are_replaced():
    text = "Her father, Ramesh Kumar, filed FIR 123/2026; call 98765 43210."
    found = [
        span(text, "Her father, Ramesh Kumar", "sexual_offence_identifier"),
        span(text, "FIR 123/2026", "fir_sexual_offence"),
        span(text, "98765 43210", "phone_number"),
    ]
    assert safe_wording(text, found) == "a family member, filed a case; call [number removed]."


def test_neighbouring_guilt_words_become_one_accused():
    text = "पुलिस ने लूट के दोषी अपराधियों को पकड़ा।"
    found = [span(text, "दोषी", "guilt_word"), span(text, "अपराधियों", "guilt_word")]
    assert safe_wording(text, found) == "पुलिस ने लूट के आरोपी को पकड़ा।"


def test_overlapping_and_out_of_range_spans_are_skipped_and_unknown_codes_kept():
    text = "Ward 4 near the market"
    found = [
        {"start": 0, "end": 6, "code": "child_identifier"},
        {"start": 2, "end": 8, "code": "child_identifier"},
        {"start": 20, "end": 99, "code": "phone_number"},
    ]
    assert safe_wording(text, found) == "a locality in the district near the market"
    assert neutral_words("Ward 4", "a_code_not_known") == "Ward 4"


def test_story_safe_wording_returns_only_the_fields_that_change():
    texts = {"title": "Theft solved", "body_hi": "मोबाइल 9876543210 पर संपर्क करें"}
    found = [{"field": "body_hi", "start": 7, "end": 17, "code": "phone_number"}]
    assert story_safe_wording(texts, found) == {"body_hi": "मोबाइल [नंबर हटाया गया] पर संपर्क करें"}
