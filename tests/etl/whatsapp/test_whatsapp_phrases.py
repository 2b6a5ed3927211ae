"""The phrase tables (data/whatsapp/phrases_*.yaml): every phone language the forces' phones
use, every phrase with the place it was seen, guesses marked as such."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from etl.sources.whatsapp.phrases import PHRASES_DIR, load_phrases

# English and Hindi, the other Indian languages WhatsApp ships, and those seen in real exports
LANGUAGES = ("en", "hi", "bn", "mr", "gu", "pa", "or", "ta", "te", "kn", "ml", "ur")
LANGUAGES += ("de", "es", "pt", "it", "nl", "tr", "fr")


def _tables() -> dict[str, dict[str, Any]]:
    return {
        path.stem.removeprefix("phrases_"): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(PHRASES_DIR.glob("phrases_*.yaml"))
    }


def _phrases(table: dict[str, Any]) -> list[dict[str, Any]]:
    events = table.get("events") or {}
    listed = [*(table.get("media") or []), *(table.get("deleted") or [])]
    return listed + [item for items in events.values() for item in items]


def test_every_phone_language_has_a_table_with_media_and_deleted_placeholders() -> None:
    tables = _tables()
    assert set(LANGUAGES) <= set(tables)
    for language in LANGUAGES:
        assert tables[language].get("media"), language
        assert tables[language].get("deleted"), language
        assert tables[language].get("list_separators"), language


def test_a_guess_is_marked_unverified_and_a_seen_phrase_is_not() -> None:
    for language, table in _tables().items():
        for item in _phrases(table):
            seen = item["seen"]
            guessed = seen == ["unverified"] or seen == "unverified"
            assert (item.get("verified", True) is False) == guessed, (language, item["p"])


def test_loaded_tables_keep_guesses_out_of_the_verified_lists() -> None:
    phrases = load_phrases()
    assert set(phrases.verified_events) < set(phrases.events)
    assert set(phrases.verified_media) < set(phrases.media)
    assert len(phrases.event_locales) == len(phrases.events)


def _folder(tmp_path: Path, phrase: str) -> Path:
    (tmp_path / "sources.yaml").write_text("sources:\n  android-2.24: the app's strings\n")
    (tmp_path / "phrases_xx.yaml").write_text(
        f"locale: xx\nlist_separators: [', ']\nmedia:\n  - {phrase}\ndeleted: []\nevents: {{}}\n"
    )
    return tmp_path


@pytest.mark.parametrize(
    ("phrase", "error"),
    [
        ("{p: 'x omitted'}", "cites no source"),
        ("{p: 'x omitted', seen: [somewhere]}", "cites unknown source"),
        ("'x omitted'", "each phrase is"),
    ],
)
def test_a_phrase_without_a_known_source_is_refused(
    tmp_path: Path, phrase: str, error: str
) -> None:
    with pytest.raises(ValueError, match=error):
        load_phrases(_folder(tmp_path, phrase))


def test_a_phrase_with_a_known_source_loads(tmp_path: Path) -> None:
    phrases = load_phrases(_folder(tmp_path, "{p: 'x omitted', seen: [android-2.24 key]}"))
    assert phrases.verified_media == ("^(?:x omitted)$",)
