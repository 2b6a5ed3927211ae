"""The guard on each shape of identifier, guilt word and number: literal expectations, in
Hindi, English and Hinglish (sentences written for these tests)."""

from sampark.content.guard import check


def found(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(f.level, f.code, text[f.start : f.end]) for f in check(text, **kwargs)]


# ---------------------------------------------------------------- names without honorifics


def test_a_victim_named_after_ka_naam_in_a_plain_hindi_sentence_is_blocked():
    text = "दुष्कर्म मामले में कार्रवाई हुई, पीड़िता का नाम ज्योत्सना है।"
    assert found(text) == [("block", "sexual_offence_identifier", "ज्योत्सना")]


def test_a_name_withheld_after_ka_naam_is_no_name():
    assert found("दुष्कर्म के आरोपी पकड़े गए, पीड़िता का नाम गोपनीय रखा गया है।") == []


def test_a_child_named_with_namak_is_blocked():
    assert found("नाबालिग के अपहरण में गुड्डी नामक बच्ची को बरामद किया गया।") == [
        ("block", "child_identifier", "गुड्डी नामक")
    ]


def test_a_victim_named_after_named_is_blocked_in_english():
    assert found("A minor girl named Tanvi was rescued from a bus.") == [
        ("block", "child_identifier", "Tanvi")
    ]


def test_a_victim_in_apposition_with_her_age_is_blocked():
    text = "Rape accused held; the survivor, Kamini Verma (20), gave her statement."
    assert found(text) == [("block", "sexual_offence_identifier", "Kamini Verma")]


def test_a_listed_hindi_name_with_no_marker_is_blocked_in_a_protected_story():
    assert found("छेड़खानी के बाद अनीता को अस्पताल ले जाया गया।") == [
        ("block", "sexual_offence_identifier", "अनीता")
    ]


def test_the_same_bare_name_in_a_theft_story_is_not_flagged():
    assert found("चोरी के आरोप में अनीता को गिरफ्तार किया गया, मामला दर्ज।") == []


def test_a_common_word_that_is_also_a_name_is_no_name():
    # सीमा: border; पूजा: worship.
    assert found("नाबालिग को नेपाल सीमा पर पूजा के मेले से बरामद किया गया।") == []


def test_a_bare_name_found_by_any_finder_is_blocked_through_the_seam():
    text = "POCSO: Zorawar was rescued."
    assert found(text, names=lambda t: [(7, 14)]) == [
        ("block", "sexual_offence_identifier", "Zorawar")
    ]


# ---------------------------------------------------------------- relations and places


def test_the_accused_stepfather_is_an_identifying_relation():
    assert found("The accused stepfather was held under POCSO.") == [
        ("block", "sexual_offence_identifier", "The accused stepfather")
    ]


def test_her_father_with_his_name_is_blocked():
    text = "A woman was raped near the canal. Her father, Mahesh Rai, reported it."
    assert found(text) == [("block", "sexual_offence_identifier", "Her father, Mahesh Rai")]


def test_the_victims_father_with_his_name_is_blocked_in_hindi():
    text = "बलात्कार की शिकायत पीड़िता के पिता उमेश साह ने दी।"
    assert found(text) == [("block", "sexual_offence_identifier", "पीड़िता के पिता उमेश साह")]


def test_a_relative_by_marriage_is_an_identifying_relation_in_hindi():
    text = "दुष्कर्म का आरोपी पीड़िता का रिश्ते में देवर है।"
    assert found(text) == [("block", "sexual_offence_identifier", "पीड़िता का रिश्ते में देवर")]


def test_a_childs_ward_and_locality_are_blocked():
    assert found("The minor lives in Ward 9 of Azad Nagar.") == [
        ("block", "child_identifier", "Ward 9"),
        ("block", "child_identifier", "Azad Nagar"),
    ]


def test_a_childs_class_and_school_are_blocked_in_hindi():
    assert found("नाबालिग किशोरी नौवीं कक्षा में आदर्श विद्यालय में पढ़ती है।") == [
        ("block", "child_identifier", "नौवीं कक्षा"),
        ("block", "child_identifier", "आदर्श विद्यालय"),
    ]


def test_a_juvenile_named_with_age_ward_and_town_is_blocked():
    text = "Juvenile caught with a stolen cycle: Ravi Kant, 15, of Ward 3, Bagaha."
    assert found(text) == [
        ("block", "child_identifier", "Ravi Kant"),
        ("block", "child_identifier", "Ward 3"),
    ]


def test_a_hinglish_victim_name_after_peedita_ka_naam_is_blocked():
    assert found("Dushkarm ke aaropi giraftar, peedita ka naam Chhaya hai.") == [
        ("block", "sexual_offence_identifier", "Chhaya")
    ]


def test_naabalig_makes_a_hinglish_village_an_identifier():
    assert found("Naabalig ko Dhamdaha gaon se baramad kiya gaya.") == [
        ("block", "child_identifier", "Dhamdaha gaon")
    ]


# ---------------------------------------------------------------- accused and officials


def test_an_adult_named_as_the_accused_in_a_pocso_story_is_warned_not_blocked():
    assert found("POCSO case: accused Harinder Singh, 41, was arrested.") == [
        ("warn", "private_name", "Harinder Singh")
    ]


def test_a_juvenile_named_as_the_accused_stays_blocked():
    assert found("नाबालिग आरोपी रोशन (16) को बाल सुधार गृह भेजा गया।") == [
        ("block", "child_identifier", "रोशन")
    ]


def test_an_official_named_before_or_after_the_rank_is_not_flagged():
    assert (
        found("POCSO case solved by Inspector Kavita Rani; Pramod Kumar, SI, arrested the accused.")
        == []
    )
    assert found("पॉक्सो मामले में उपनिरीक्षक रीना कुमारी ने आरोप पत्र दाखिल किया।") == []


def test_a_school_named_in_an_awareness_drive_is_not_blocked():
    text = "POCSO awareness at Shanti Niketan School: students learnt about 1098."
    assert found(text) == []


def test_the_same_school_in_a_pocso_arrest_is_blocked():
    text = "POCSO accused arrested; the child studies at Shanti Niketan School."
    assert found(text) == [("block", "sexual_offence_identifier", "Shanti Niketan School")]


# ---------------------------------------------------------------- guilt words


def test_hindi_guilt_words_and_their_kin_are_warned():
    text = "हत्यारा, हत्यारे, हत्यारिन, बलात्कारी, दरिंदे, अपराधी और दोषी पकड़े गए।"
    assert [(level, word) for level, _, word in found(text) if level == "warn"] == [
        ("warn", "हत्यारा"),
        ("warn", "हत्यारे"),
        ("warn", "हत्यारिन"),
        ("warn", "बलात्कारी"),
        ("warn", "दरिंदे"),
        ("warn", "अपराधी"),
        ("warn", "दोषी"),
    ]


def test_chor_is_a_guilt_word_as_a_label_for_the_arrested():
    assert found("दो चोर गिरफ्तार, मोबाइल बरामद।") == [("warn", "guilt_word", "चोर")]


def test_chor_in_an_awareness_message_is_no_label():
    assert found("त्योहार में चोरों से सावधान रहें।") == []


def test_english_guilt_words_are_warned():
    text = "The murderer, the rapist and a culprit were arrested; a thief too."
    assert [word for _, _, word in found(text)] == ["murderer", "rapist", "culprit", "thief"]


def test_hinglish_guilt_words_are_warned():
    assert found("Hatyare aur lutere giraftar.") == [
        ("warn", "guilt_word", "Hatyare"),
        ("warn", "guilt_word", "lutere"),
    ]


# ---------------------------------------------------------------- numbers


def test_a_control_room_landline_in_each_written_form_is_not_blocked():
    text = "Control room: 0612-2201977, 0612 2201977, (0612) 2201977, +91-612-2201977."
    assert found(text) == []


def test_helplines_are_not_blocked():
    assert (
        found("डायल 100, 112, 1090, 1091, 1098, 181, 1930 या 14567; टोल फ्री 1800-180-5555।") == []
    )


def test_a_mobile_beside_a_landline_is_still_blocked():
    assert found("Thana 06254-242100; SHO's own mobile 94311 22334.") == [
        ("block", "phone_number", "94311 22334")
    ]
