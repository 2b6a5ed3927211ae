"""Codes for registers, self-harm alerts and stories, with their English and Hindi labels.

The ETL maps what offices write (either language) to these codes; the dashboard shows the
labels. A code is the stored value; labels may change without a migration.
"""

from __future__ import annotations

import re
import unicodedata

REGISTER_CATEGORIES: dict[str, tuple[str, str]] = {
    "assault": ("Assault", "मारपीट"),
    "theft": ("Theft", "चोरी"),
    "traffic": ("Traffic", "यातायात"),
    "rumour": ("Rumour", "अफवाह"),
    "missing_person": ("Missing person", "गुमशुदगी"),
    "cyber_fraud": ("Cyber fraud", "साइबर ठगी"),
    "land_dispute": ("Land dispute", "भूमि विवाद"),
    "liquor": ("Liquor", "शराब"),
    "harassment": ("Harassment", "उत्पीड़न"),
    "other": ("Other", "अन्य"),
}

REGISTER_STATUSES: dict[str, tuple[str, str]] = {
    "open": ("Open", "लंबित"),
    "in_progress": ("Action under way", "कार्रवाई जारी"),
    "closed": ("Closed", "निस्तारित"),
}

ALERT_OUTCOMES: dict[str, tuple[str, str]] = {
    "reached_counselled": ("Reached and counselled", "पहुँचकर परामर्श दिया"),
    "hospitalised": ("Hospitalised", "अस्पताल में भर्ती"),
    "not_traceable": ("Not traceable", "पता नहीं चला"),
    "other_state": ("In another state", "दूसरे राज्य में"),
    "phone_off": ("Phone switched off", "फ़ोन बंद"),
    "false_alarm": ("False alarm", "झूठा अलर्ट"),
    "other": ("Other", "अन्य"),
}
# Outcomes where police reached the person in time.
ALERT_REACHED: tuple[str, ...] = ("reached_counselled", "hospitalised")

ALERT_PLATFORMS: dict[str, tuple[str, str]] = {
    "facebook": ("Facebook", "फेसबुक"),
    "instagram": ("Instagram", "इंस्टाग्राम"),
    "x": ("X", "एक्स"),
    "youtube": ("YouTube", "यूट्यूब"),
    "other": ("Other", "अन्य"),
}

STORY_CATEGORIES: dict[str, tuple[str, str]] = {
    "arrest": ("Arrest", "गिरफ्तारी"),
    "gang_bust": ("Gang bust", "गिरोह का भंडाफोड़"),
    "recovery": ("Recovery", "बरामदगी"),
    "rescue": ("Rescue", "बचाव"),
    "good_initiative": ("Good initiative", "अच्छी पहल"),
    "awareness": ("Awareness", "जागरूकता"),
    "positive_impact": ("Positive impact", "सकारात्मक प्रभाव"),
}


def label(vocab: dict[str, tuple[str, str]], code: str | None, lang: str) -> str:
    """The label of `code` in `lang`; the code itself when it is not in `vocab`."""
    if code is None:
        return "—"
    pair = vocab.get(code)
    if pair is None:
        return code
    return pair[1] if lang == "hi" else pair[0]


def written_forms(vocab: dict[str, tuple[str, str]], extra: dict[str, str]) -> dict[str, str]:
    """{what an office may write, squeezed: code} for codes, English and Hindi labels."""
    forms: dict[str, str] = {}
    for code, (en, hi) in vocab.items():
        for text in (code, en, hi):
            forms[squeezed(text)] = code
    forms.update({squeezed(k): v for k, v in extra.items()})
    return forms


def squeezed(text: str) -> str:
    """Lower case without spaces, underscores or punctuation, as `etl.sources.sheets.values.coded`
    compares labels."""
    return re.sub(r"[\s_\-.:()]+", "", unicodedata.normalize("NFC", text).lower())
