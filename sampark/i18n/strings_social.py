"""Strings for the social media cell: stories, guard findings, drafts, cards (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "story_cat_arrest": {"en": "Arrest", "hi": "गिरफ्तारी"},
    "story_cat_gang_bust": {"en": "Gang busted", "hi": "गिरोह का भंडाफोड़"},
    "story_cat_recovery": {"en": "Recovery", "hi": "बरामदगी"},
    "story_cat_missing_traced": {"en": "Missing person traced", "hi": "गुमशुदा की बरामदगी"},
    "story_cat_initiative": {"en": "Good initiative", "hi": "अच्छी पहल"},
    "story_cat_awareness": {"en": "Awareness", "hi": "जागरूकता"},
    "story_cat_cyber": {"en": "Cyber safety", "hi": "साइबर सुरक्षा"},
    "story_cat_positive_impact": {"en": "Positive impact", "hi": "सकारात्मक प्रभाव"},
    "story_cat_other": {"en": "Other", "hi": "अन्य"},
    "card_alt": {
        "en": "Image card: {title}. {details}.",
        "hi": "चित्र कार्ड: {title}। {details}।",
    },
}
