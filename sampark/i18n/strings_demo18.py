"""Strings of the demo's demo-scale target and of the Social page without its card fonts
(English and Hindi)."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "demo_target_caption": {
        "en": "Demo-scale target: {target} members by {date}, the state's target scaled to the demo's share of its thanas. A real deployment is measured against the state's own target.",
        "hi": "डेमो पैमाने का लक्ष्य: {date} तक {target} सदस्य, राज्य का लक्ष्य डेमो के थानों के हिस्से के अनुपात में। वास्तविक उपयोग में राज्य के अपने लक्ष्य से मापा जाता है।",
    },
    "social_cards_unavailable": {
        "en": "Image cards cannot be drawn on this server: the card fonts (Noto Sans and Noto Sans Devanagari, package fonts-noto-core) are not installed. Drafts, the queue and the copy boxes below still work; ask the administrator to install the fonts for cards.",
        "hi": "इस सर्वर पर चित्र कार्ड नहीं बन सकते: कार्ड के फ़ॉन्ट (Noto Sans और Noto Sans Devanagari, पैकेज fonts-noto-core) स्थापित नहीं हैं। नीचे ड्राफ़्ट, कतार और कॉपी बॉक्स काम करते रहते हैं; कार्ड के लिए व्यवस्थापक से फ़ॉन्ट स्थापित करवाएँ।",
    },
}
