"""Strings for the rosters held for the data officer's confirmation (English and Hindi)."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "holds_title": {
        "en": "Member lists held for confirmation",
        "hi": "पुष्टि के लिए रोकी गई सदस्य सूचियाँ",
    },
    "holds_caption": {
        "en": "Each of these lists would end more than half of a group's open memberships (and more than {people} people), so nothing of it was loaded. Check with the office that the list is whole before confirming: confirming loads it as the group's list on its date, and the members not on it leave the group (their history is kept; nothing is deleted).",
        "hi": "इनमें से हर सूची किसी समूह की आधी से अधिक खुली सदस्यताएँ (और {people} से अधिक लोग) समाप्त कर देती, इसलिए इसका कुछ भी लोड नहीं हुआ। पुष्टि से पहले कार्यालय से जाँच लें कि सूची पूरी है: पुष्टि करने पर यह अपनी तिथि पर समूह की सूची के रूप में लोड होगी, और जो सदस्य इसमें नहीं हैं वे समूह से बाहर होंगे (उनका इतिहास रखा जाता है; कुछ भी मिटाया नहीं जाता)।",
    },
    "holds_col_file": {"en": "File", "hi": "फ़ाइल"},
    "holds_col_group": {"en": "Group", "hi": "समूह"},
    "holds_col_before": {"en": "Open memberships now", "hi": "अभी खुली सदस्यताएँ"},
    "holds_col_after": {"en": "After this list", "hi": "इस सूची के बाद"},
    "holds_col_ending": {"en": "Would end", "hi": "समाप्त होंगी"},
    "holds_col_held_at": {"en": "Held at (IST)", "hi": "रोकने का समय (IST)"},
    "holds_accept": {"en": "Confirm and load {file}", "hi": "{file} की पुष्टि करें और लोड करें"},
    "holds_accept_help": {
        "en": "Loads this list once, as confirmed by you; the audit log records who and when.",
        "hi": "यह सूची आपकी पुष्टि से एक बार लोड होगी; ऑडिट लॉग में कौन और कब दर्ज होता है।",
    },
    "holds_accepted": {
        "en": "{file} loaded: {loaded} rows loaded, {rejected} rejected.",
        "hi": "{file} लोड हुई: {loaded} पंक्तियाँ लोड, {rejected} अस्वीकृत।",
    },
    "holds_accept_failed": {
        "en": "{file} was not loaded. Reason:",
        "hi": "{file} लोड नहीं हुई। कारण:",
    },
    "holds_not_yours": {
        "en": "Only the data officer or the administrator confirms a held list.",
        "hi": "रोकी गई सूची की पुष्टि केवल डेटा अधिकारी या प्रशासक करते हैं।",
    },
    "data_rows_held": {"en": "Rows held", "hi": "रोकी गई पंक्तियाँ"},
    "upload_status_held": {"en": "held for confirmation", "hi": "पुष्टि के लिए रोकी गई"},
    "upload_held": {
        "en": "{n} member list(s) held: each would end most of a group. See the lists held for confirmation.",
        "hi": "{n} सदस्य सूची(याँ) रोकी गईं: हर एक किसी समूह का अधिकांश भाग समाप्त कर देती। पुष्टि के लिए रोकी गई सूचियाँ देखें।",
    },
}
