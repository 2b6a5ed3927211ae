"""Strings of the sign-in screen's answers: one for every refused password, and the identity
provider's sign-in when it is too old or its e-mail unverified."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "signin_failed": {
        "en": "Sign-in failed: wrong username or password, or the account is locked or disabled. {n} wrong passwords in a row lock an account for {minutes} minutes; the administrator can lift the lock.",
        "hi": "साइन इन विफल: उपयोगकर्ता नाम या पासवर्ड गलत है, या खाता लॉक या बंद है। लगातार {n} गलत पासवर्ड से खाता {minutes} मिनट के लिए लॉक हो जाता है; व्यवस्थापक लॉक हटा सकते हैं।",
    },
    "signin_oidc_again": {
        "en": "Your sign-in with {provider} is too old to open a new session. Please sign in with it again.",
        "hi": "{provider} से आपका साइन इन नया सत्र खोलने के लिए बहुत पुराना है। कृपया उससे फिर से साइन इन करें।",
    },
    "signin_oidc_unverified": {
        "en": "The identity provider does not confirm that this e-mail address belongs to you, so it cannot open Sampark. Ask the provider's administrator to verify it.",
        "hi": "पहचान प्रदाता यह पुष्टि नहीं करता कि यह ई-मेल पता आपका है, इसलिए इससे संपर्क नहीं खुल सकता। प्रदाता के व्यवस्थापक से इसे सत्यापित करवाएँ।",
    },
}
