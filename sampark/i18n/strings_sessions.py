"""Strings for sessions kept on the server (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "sessions_signed_out": {
        "en": "This session was signed out (in another tab or window). Please sign in again.",
        "hi": "यह सत्र साइन आउट हो चुका है (किसी दूसरे टैब या विंडो में)। कृपया फिर से साइन इन करें।",
    },
}
