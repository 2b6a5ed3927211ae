"""Which unverified phrase typed a line: counted per phrase and language, never the text."""

from __future__ import annotations

from pathlib import Path

from etl.sources.whatsapp import parse_export
from etl.sources.whatsapp.guesses import guessed_phrases, unverified_phrase_counts

NOTICE = (
    "05/01/2024, 10:00 - Messages and calls are end-to-end encrypted. No one outside of this"
    " chat, not even WhatsApp, can read or listen to them.\n"
)
CHAT = (
    NOTICE
    + """05/01/2024, 10:01 - Amit: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
05/01/2024, 10:02 - Amit: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
05/01/2024, 10:03 - Amit: <ମିଡିଆ ବାଦ ଦିଆଯାଇଛି>
05/01/2024, 10:04 - Amit: <Media omitted>
05/01/2024, 10:05 - SHO Kotwali made Amit an admin
"""
)


def test_every_guessed_phrase_carries_its_language_and_kind() -> None:
    guesses = guessed_phrases()
    assert guesses.height > 0
    assert guesses.filter(guesses["locale"].is_null() | guesses["kind"].is_null()).height == 0
    assert set(guesses["kind"].unique()) <= {"system", "media", "deleted"}


def test_lines_typed_by_a_guess_are_counted_per_phrase(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    counts = unverified_phrase_counts(parse_export(path)).sort("locale", "kind")
    assert counts.rows() == [
        ("en", "system", "admin_made", "{actor} made {subjects} (?:an )?admins?", 1),
        ("or", "deleted", None, "ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି।?", 2),
        ("or", "media", None, "<ମିଡିଆ ବାଦ ଦିଆଯାଇଛି>", 1),
    ]


def test_an_export_in_verified_wording_counts_nothing(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(NOTICE + "05/01/2024, 10:04 - Amit: <Media omitted>\n")
    assert unverified_phrase_counts(parse_export(path)).is_empty()
