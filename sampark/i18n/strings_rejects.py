"""Strings of the refusals and rejects that guard against hostile sheets."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "upload_refused_sheet_size": {
        "en": "the sheet is larger than Sampark reads ({detail})",
        "hi": "शीट उस आकार से बड़ी है जितनी संपर्क पढ़ता है ({detail})",
    },
}
