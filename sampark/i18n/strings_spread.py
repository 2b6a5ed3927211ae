"""Strings of the Directives and rumours page."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "page_directives": {"en": "Directives and rumours", "hi": "निर्देश और अफ़वाहें"},
    "spread_caption": {
        "en": "How far each directive travelled down to the groups the state's rules name, and the rumours seen across districts. Members are counted, never named; times are IST.",
        "hi": "हर निर्देश राज्य के नियमों में बताए समूहों तक कितना पहुँचा, और ज़िलों में फैली अफ़वाहें। सदस्य गिने जाते हैं, नाम नहीं दिखते; समय भारतीय मानक समय (IST) में।",
    },
    "spread_no_figures": {
        "en": "No directive figures yet: they are worked out when the ETL runs with the fingerprint secret (SAMPARK_FINGERPRINT_PEPPER) set.",
        "hi": "अभी निर्देशों के आँकड़े नहीं हैं: ये तब बनते हैं जब ETL फ़िंगरप्रिंट रहस्य (SAMPARK_FINGERPRINT_PEPPER) के साथ चलता है।",
    },
    "spread_directives": {"en": "Directives", "hi": "निर्देश"},
    "spread_reached_all": {"en": "Reached every target group", "hi": "हर लक्षित समूह तक पहुँचे"},
    "spread_stalled": {"en": "Chains stalled", "hi": "रुकी हुई शृंखलाएँ"},
    "spread_rumours": {"en": "Rumours", "hi": "अफ़वाहें"},
    "spread_rumours_open": {"en": "Rumours without a verdict", "hi": "बिना निर्णय की अफ़वाहें"},
    "spread_directives_heading": {
        "en": "Directives in your area",
        "hi": "आपके क्षेत्र में निर्देश",
    },
    "spread_rumours_heading": {"en": "Rumours across the districts", "hi": "ज़िलों में फैली अफ़वाहें"},
    "spread_col_directive": {"en": "Directive", "hi": "निर्देश"},
    "spread_col_issued": {"en": "Issued (IST)", "hi": "जारी (IST)"},
    "spread_col_source": {"en": "Source", "hi": "स्रोत"},
    "spread_registered": {"en": "Register", "hi": "रजिस्टर"},
    "spread_found": {"en": "Found in the chats", "hi": "चैट में मिला"},
    "spread_col_targets": {"en": "Target groups", "hi": "लक्षित समूह"},
    "spread_col_reached": {"en": "Reached", "hi": "पहुँचा"},
    "spread_col_t50": {"en": "Hours to half", "hi": "आधे तक घंटे"},
    "spread_col_t90": {"en": "Hours to 90%", "hi": "90% तक घंटे"},
    "spread_col_t100": {"en": "Hours to all", "hi": "सभी तक घंटे"},
    "spread_col_first_seen": {"en": "First seen (IST)", "hi": "पहली बार दिखी (IST)"},
    "spread_col_first_group": {"en": "First group", "hi": "पहला समूह"},
    "spread_col_groups": {"en": "Groups", "hi": "समूह"},
    "spread_col_districts": {"en": "Districts", "hi": "ज़िले"},
    "spread_col_verdict": {"en": "Verdict", "hi": "निर्णय"},
    "spread_verdict_none": {"en": "Not judged yet", "hi": "अभी निर्णय नहीं"},
    "spread_verdict_false": {"en": "False", "hi": "झूठी"},
    "spread_verdict_true": {"en": "True", "hi": "सच"},
    "spread_verdict_unclear": {"en": "Not clear yet", "hi": "अभी स्पष्ट नहीं"},
}
