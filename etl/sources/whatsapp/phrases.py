"""The phrase tables of WhatsApp's system lines, media and deleted placeholders, per phone
language, read from `data/whatsapp/phrases_<locale>.yaml` (all locales are tried) into whole-text
regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
import yaml

PHRASES_DIR = Path(__file__).resolve().parents[3] / "data" / "whatsapp"

EVENTS = (
    "created",
    "added",
    "joined_link",
    "joined_community",
    "left",
    "removed",
    "admin_made",
    "admin_dismissed",
    "subject_changed",
    "icon_changed",
    "description_changed",
    "number_changed",
    "encryption_notice",
    "settings_changed",
    "join_requested",
    "disappearing_changed",
    "message_pinned",
    "call",
    "security_code_changed",
    "notice",
    "unknown",
)
# Names cannot hold ": " — that is what separates an author from the text on every layout, so a
# user message never matches a system phrase by accident. A colon not followed by a space is a
# name's own ("~ Kavi:)", "Mohan :D").
NAME = r"(?:[^:]|:[^ ])+?"
PLACEHOLDERS = {
    "{actor}": rf"(?P<actor>{NAME})",
    "{subjects}": rf"(?P<subjects>{NAME})",
    "{subject}": r"(?P<subject>.*?)",
}
LRM = "\u200e"
NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Phrases:
    """All locales' phrase tables, as whole-text regular expressions.

    `events[i]` was written for the phone language `event_locales[i]`; a list of people it
    names is split with that language's `separators`. The `verified_*` tables hold the
    phrases seen in a real export or in WhatsApp's own text; a match on any other one is
    reported (`unverified`).
    """

    media: tuple[str, ...]
    deleted: tuple[str, ...]
    events: tuple[tuple[str, str], ...]  # (event, pattern), in matching order
    event_locales: tuple[str, ...]
    separators: tuple[tuple[str, tuple[str, ...]], ...]  # (locale, separators in order)
    verified_media: tuple[str, ...] = ()
    verified_deleted: tuple[str, ...] = ()
    verified_events: tuple[tuple[str, str], ...] = ()


# Letters of Indian scripts with a nukta that Unicode keeps apart from their two-code-point
# spelling (য় U+09DF and য + ় U+09AF U+09BC, फ़ U+095E and फ + ़): phones and WhatsApp's own
# strings write either, and the text is matched as written (normalising every message would
# cost the fast path), so a phrase accepts both.
_NUKTA_FORMS = {
    unicodedata.normalize("NFD", c): c
    for c in map(chr, range(0x0900, 0x0E00))
    if len(unicodedata.normalize("NFD", c)) == 2 and unicodedata.normalize("NFC", c) != c
}


def _either_spelling(pattern: str) -> str:
    for parts, letter in _NUKTA_FORMS.items():
        pattern = pattern.replace(letter, parts).replace(parts, f"(?:{parts}|{letter})")
    return pattern


def _whole(pattern: str) -> str:
    for token, group in PLACEHOLDERS.items():
        pattern = pattern.replace(token, group)
    return f"^(?:{_either_spelling(pattern)})$"


def _phrases_of(
    path: Path, what: str, items: Any, sources: dict[str, str]
) -> list[tuple[str, bool]]:
    """(whole pattern, verified) of each `{p: pattern, seen: [source, ...], verified: bool}`."""
    found: list[tuple[str, bool]] = []
    for item in items or []:
        if not isinstance(item, dict) or not isinstance(item.get("p"), str):
            raise ValueError(f"{path.name}: {what}: each phrase is {{p: ..., seen: [...]}}")
        seen = item.get("seen")
        seen = [seen] if isinstance(seen, str) else seen
        if not seen:
            raise ValueError(f"{path.name}: {what}: {item['p']!r} cites no source (seen)")
        unknown = [s for s in seen if str(s).split()[0] not in sources]
        if unknown:
            raise ValueError(f"{path.name}: {what}: {item['p']!r} cites unknown source {unknown}")
        found.append((_whole(item["p"]), bool(item.get("verified", True))))
    return found


def _yaml(path: Path) -> Any:
    """A table read with libyaml when built (the 19 tables take over a second in Python)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def phrase_sources(folder: Path = PHRASES_DIR) -> dict[str, str]:
    """Where phrases were seen: `sources.yaml` and each table's own `sources`."""
    shared = folder / "sources.yaml"
    if not shared.exists():
        return {}
    table: dict[str, Any] = _yaml(shared) or {}
    return {str(k): str(v) for k, v in table.get("sources", {}).items()}


@lru_cache(maxsize=4)
def load_phrases(folder: Path = PHRASES_DIR) -> Phrases:
    """Read every `phrases_*.yaml` in `folder` (English first, then the others by name)."""
    files = sorted(folder.glob("phrases_*.yaml"), key=lambda p: (p.stem != "phrases_en", p.name))
    shared = phrase_sources(folder)
    media: list[tuple[str, bool]] = []
    deleted: list[tuple[str, bool]] = []
    events: list[tuple[str, str, bool]] = []
    locales: list[str] = []
    separators: list[tuple[str, tuple[str, ...]]] = []
    for path in files:
        table: dict[str, Any] = _yaml(path)
        locale = str(table.get("locale") or path.stem.removeprefix("phrases_"))
        sources = {**shared, **{str(k): str(v) for k, v in table.get("sources", {}).items()}}
        media += _phrases_of(path, "media", table.get("media"), sources)
        deleted += _phrases_of(path, "deleted", table.get("deleted"), sources)
        for event, items in (table.get("events") or {}).items():
            if event not in EVENTS:
                raise ValueError(f"{path.name}: unknown event {event!r}; known: {EVENTS}")
            for pattern, verified in _phrases_of(path, event, items, sources):
                events.append((event, pattern, verified))
                locales.append(locale)
        separators.append((locale, tuple(table.get("list_separators", []))))
    return Phrases(
        media=tuple(p for p, _ in media),
        deleted=tuple(p for p, _ in deleted),
        events=tuple((e, p) for e, p, _ in events),
        event_locales=tuple(locales),
        separators=tuple(separators),
        verified_media=tuple(p for p, ok in media if ok),
        verified_deleted=tuple(p for p, ok in deleted if ok),
        verified_events=tuple((e, p) for e, p, ok in events if ok),
    )


def any_of(patterns: tuple[str, ...]) -> str:
    """One pattern matching where any of `patterns` does (never, when there are none)."""
    return "|".join(NAMED_GROUP.sub("(?:", p) for p in patterns) or r"[^\s\S]"


def normalized(text: pl.Expr) -> pl.Expr:
    """The text phrases are written against: no directional marks, straight quotes."""
    return (
        text.str.replace_all("[\u200e\u200f]", "")
        .str.replace_all("[“”]", '"')
        .str.replace_all("[’‘]", "'")
        .str.strip_chars()
    )
