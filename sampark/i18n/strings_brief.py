"""Strings of the weekly brief's sections and charts, and of a server that cannot make it."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "brief_status_title": {"en": "Members against the target", "hi": "लक्ष्य के सापेक्ष सदस्य"},
    "brief_actions_by_kind": {
        "en": "What needs action, by kind",
        "hi": "किस पर कार्रवाई चाहिए, प्रकार अनुसार",
    },
    "brief_actions_top": {"en": "The first {n} items", "hi": "पहले {n} मामले"},
    "brief_response_title": {
        "en": "Register response times against the limits",
        "hi": "समय-सीमा के सापेक्ष रजिस्टर प्रतिक्रिया समय",
    },
    "brief_response_note": {
        "en": "Bar: median hours from receipt; red mark: the state's time limit; red bar: median past the limit.",
        "hi": "पट्टी: प्राप्ति से माध्यिका घंटे; लाल निशान: राज्य की समय-सीमा; लाल पट्टी: माध्यिका सीमा से अधिक।",
    },
    "brief_response_row": {
        "en": "median {median} · 90% within {p90} · limit {limit} · {share} within the limit ({n} entries)",
        "hi": "माध्यिका {median} · 90% {p90} में · सीमा {limit} · {share} सीमा में ({n} प्रविष्टियाँ)",
    },
    "brief_response_none": {
        "en": "No register entries in this scope.",
        "hi": "इस क्षेत्र में कोई रजिस्टर प्रविष्टि नहीं।",
    },
    "brief_alerts_title": {
        "en": "Self-harm alerts: from receipt to the person reached",
        "hi": "आत्म-हानि अलर्ट: प्राप्ति से व्यक्ति तक पहुँच",
    },
    "brief_alerts_row": {
        "en": "{n} ({share} of alerts received)",
        "hi": "{n} (प्राप्त अलर्ट का {share})",
    },
    "brief_alerts_none": {
        "en": "No self-harm alerts in this scope.",
        "hi": "इस क्षेत्र में कोई आत्म-हानि अलर्ट नहीं।",
    },
    "brief_stories_title": {"en": "Stories for social media", "hi": "सोशल मीडिया के लिए कहानियाँ"},
    "brief_stories_posted": {
        "en": "{posted} of {total} stories posted; {ready} approved and ready to post; {blocked} blocked by the guard.",
        "hi": "{total} में से {posted} कहानियाँ पोस्ट; {ready} स्वीकृत और पोस्ट के लिए तैयार; {blocked} गार्ड द्वारा रोकी गईं।",
    },
    "brief_stories_none": {"en": "No stories in this scope.", "hi": "इस क्षेत्र में कोई कहानी नहीं।"},
    "brief_unavailable": {
        "en": "The weekly brief (PDF) cannot be made on this server: {reason} The rest of the page works as usual.",
        "hi": "इस सर्वर पर साप्ताहिक ब्रीफ़ (PDF) नहीं बन सकता: {reason} पृष्ठ का शेष भाग सामान्य रूप से काम करता है।",
    },
    "col_memberships": {"en": "Memberships", "hi": "सदस्यताएँ"},
    "memberships_caption": {
        "en": "Memberships: each group's members added up, so a person in two groups counts twice. The Overview's Members (people) counts each person once, so it is smaller.",
        "hi": "सदस्यताएँ: हर समूह के सदस्यों का योग, इसलिए दो समूहों में एक व्यक्ति दो बार गिना जाता है। अवलोकन का सदस्य (व्यक्ति) हर व्यक्ति को एक बार गिनता है, इसलिए वह कम है।",
    },
    "members_people_caption": {
        "en": "Members (people) counts each person once, however many groups they are in; Group health adds up each group's members (memberships), so its figure is larger.",
        "hi": "सदस्य (व्यक्ति) हर व्यक्ति को एक बार गिनता है, चाहे वह कितने भी समूहों में हो; समूह स्वास्थ्य हर समूह के सदस्यों (सदस्यताओं) को जोड़ता है, इसलिए उसकी संख्या अधिक है।",
    },
}
