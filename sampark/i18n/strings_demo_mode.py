"""Strings of demo mode: the demo's own build and the end of demo sessions (English and Hindi)."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "demo_own_files": {
        "en": "Writing the demo's own files and loading only those; files in the inbox are left for a real database…",
        "hi": "डेमो की अपनी फ़ाइलें लिखी और केवल वही लोड की जा रही हैं; इनबॉक्स की फ़ाइलें वास्तविक डेटाबेस के लिए छोड़ी गई हैं…",
    },
    "demo_not_built_inbox": {
        "en": "The database is empty and the inbox holds files, so no demo is built here. The administrator loads them with `python -m etl run` and adds accounts with `python -m sampark users add`.",
        "hi": "डेटाबेस खाली है और इनबॉक्स में फ़ाइलें हैं, इसलिए यहाँ डेमो नहीं बनाया जाता। व्यवस्थापक उन्हें `python -m etl run` से लोड करते हैं और `python -m sampark users add` से खाते जोड़ते हैं।",
    },
    "auth_demo_ended": {
        "en": "The demo has ended: this database now holds real data or accounts. Sign in with your own account.",
        "hi": "डेमो समाप्त हो गया है: इस डेटाबेस में अब वास्तविक डेटा या खाते हैं। अपने खाते से साइन इन करें।",
    },
}
