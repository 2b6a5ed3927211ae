"""Strings for the story's safety checks: media findings, length limits, the unit a story is
filed for, and the written order's form (English and Hindi)."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "media_problem_outside": {
        "en": "Media file {name} is not in the media folder: not shown.",
        "hi": "मीडिया फ़ाइल {name} मीडिया फ़ोल्डर में नहीं है: दिखाई नहीं गई।",
    },
    "media_problem_not_found": {
        "en": "Media file {name} not found.",
        "hi": "मीडिया फ़ाइल {name} नहीं मिली।",
    },
    "media_problem_not_image": {
        "en": "Media file {name} is not a JPG or PNG image: not shown.",
        "hi": "मीडिया फ़ाइल {name} JPG या PNG चित्र नहीं है: दिखाई नहीं गई।",
    },
    "media_problem_too_big": {
        "en": "Media file {name} is larger than 5 MB: not shown.",
        "hi": "मीडिया फ़ाइल {name} 5 MB से बड़ी है: दिखाई नहीं गई।",
    },
    "sub_problem_title_too_long": {
        "en": "A title may be at most {n} characters long.",
        "hi": "शीर्षक अधिकतम {n} अक्षरों का हो सकता है।",
    },
    "sub_problem_text_too_long": {
        "en": "A story text may be at most {n} characters long (about two pages).",
        "hi": "कहानी का विवरण अधिकतम {n} अक्षरों का हो सकता है (लगभग दो पृष्ठ)।",
    },
    "sub_problem_unit_not_yours": {
        "en": "A story is filed for your own unit or an office below it.",
        "hi": "कहानी केवल आपकी अपनी इकाई या उसके अधीन कार्यालय के लिए भेजी जा सकती है।",
    },
    "sub_no_units": {
        "en": "No unit of yours takes stories here.",
        "hi": "यहाँ आपकी किसी इकाई के लिए कहानी नहीं भेजी जा सकती।",
    },
    "wf_order_signatory": {"en": "Signed by (name)", "hi": "हस्ताक्षरकर्ता (नाम)"},
    "wf_order_rank": {"en": "Rank of the signatory", "hi": "हस्ताक्षरकर्ता की रैंक"},
    "wf_order_reference_help": {
        "en": "The order's number as written on it, e.g. SHO/MOT/45/2026.",
        "hi": "आदेश पर लिखी संख्या, जैसे SHO/MOT/45/2026।",
    },
    "rank_inspector": {"en": "Inspector", "hi": "निरीक्षक"},
    "rank_sub_inspector": {"en": "Sub-Inspector", "hi": "उप-निरीक्षक"},
    "rank_assistant_sub_inspector": {"en": "Assistant Sub-Inspector", "hi": "सहायक उप-निरीक्षक"},
    "rank_dsp": {"en": "Deputy Superintendent of Police", "hi": "पुलिस उपाधीक्षक"},
    "wf_order_role_refused": {
        "en": "Only the social media cell records a written order, as received from the SHO or the investigating officer.",
        "hi": "लिखित आदेश केवल सोशल मीडिया सेल दर्ज करता है, जैसा थानाध्यक्ष या अनुसंधानकर्ता से प्राप्त हुआ।",
    },
    "wf_order_reference_invalid": {
        "en": "The reference must be the order's number: 5 to 60 letters, digits, / - or . with at least one digit.",
        "hi": "आदेश संख्या सही लिखें: 5 से 60 अक्षर, अंक, / - या . और कम से कम एक अंक।",
    },
    "wf_order_signatory_invalid": {
        "en": "Give the signatory's name (letters only, at least three) and their rank.",
        "hi": "हस्ताक्षरकर्ता का नाम (केवल अक्षर, कम से कम तीन) और उनकी रैंक दें।",
    },
}
