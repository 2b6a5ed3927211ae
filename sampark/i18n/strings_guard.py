"""Strings for the card's photo and its faces (English and Hindi); shown by the Social media
cell beside the card."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "card_faces_blurred": {
        "en": "Faces blurred on the card's photo: {n}. This story concerns a sexual offence or a child; look at the photo before posting.",
        "hi": "कार्ड की फ़ोटो पर धुंधले किए गए चेहरे: {n}। यह कहानी यौन अपराध या बच्चे से जुड़ी है; पोस्ट करने से पहले फ़ोटो देखें।",
    },
    "card_photo_left_out_no_face_detector": {
        "en": "The photo is left off the card: this story concerns a sexual offence or a child, and no face detector can run here to blur faces.",
        "hi": "फ़ोटो कार्ड पर नहीं लगाई गई: यह कहानी यौन अपराध या बच्चे से जुड़ी है, और चेहरे धुंधले करने वाला डिटेक्टर यहाँ नहीं चल सकता।",
    },
    "card_photo_left_out_unreadable": {
        "en": "The photo is left off the card: it cannot be read as an image.",
        "hi": "फ़ोटो कार्ड पर नहीं लगाई गई: इसे चित्र के रूप में पढ़ा नहीं जा सका।",
    },
}
