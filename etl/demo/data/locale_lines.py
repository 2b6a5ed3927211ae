"""System lines and placeholders of a phone language, written from the parser's own phrase
tables (`data/whatsapp/phrases_<locale>.yaml`, read by `etl.sources.whatsapp.events`).

Each table holds patterns; the demo needs text. `example` writes one text a pattern matches:
the first branch of every alternative, optional parts kept, "anything" runs left out, the
people's places kept as `{actor}`, `{subject}`, `{subjects}` for the chat to fill. A line is
taken only from a verified phrase (seen in WhatsApp's own strings or a real export) that names
the people the event needs, so every line the demo writes is one the parser knows."""

from __future__ import annotations

import re

# The regex module's own parser (its public alias `sre_parse` warns since Python 3.11).
import re._constants as _c
import re._parser as _p
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import yaml

from etl.demo.data.texts import PHRASES, Phrases
from etl.sources.whatsapp.events import PHRASES_DIR

# Placeholders stand in the pattern as private-use characters while it is parsed.
_SLOTS = {
    "{actor}": "\ue000",
    "{subject}": "\ue001",
    "{subjects}": "\ue002",
    '"[^"]*"': '"\ue003"',  # a group's earlier name, quoted
}
_UNSLOT = {"\ue000": "{actor}", "\ue001": "{subject}", "\ue002": "{subjects}", "\ue003": "{old}"}
_DIGIT_CATEGORIES = {_c.CATEGORY_DIGIT}
_SKIPPED = {_c.ANY, _c.NOT_LITERAL}
# The events a demo chat writes, with how many people each names (actor, subject(s)).
EVENT_PEOPLE = {
    "created": 2,
    "added": 2,
    "joined_link": 1,
    "left": 1,
    "removed": 2,
    "admin_made": 1,
    "admin_dismissed": 1,
    "settings_changed": 1,
    "subject_changed": 3,
    "icon_changed": 1,
    "message_pinned": 1,
    "security_code_changed": 1,
    "disappearing_changed": 1,
}


def _emit(parsed: Any) -> str:
    out: list[str] = []
    for op, av in parsed:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.SUBPATTERN:
            out.append(_emit(av[-1]))
        elif op is _c.BRANCH:
            out.append(_emit(av[1][0]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _high, sub = av  # optional parts left out: the plainest wording,
            # except a lone optional vowel sign or nasal mark: a table writes `नहीं?` to take
            # a phone's misspelling too, and the word is spelt with it
            kept = low or int(_is_mark(sub))
            out.append(_emit(sub) * kept)
        elif op is _c.IN:
            out.append(_first_of_class(av))
        elif op is _c.CATEGORY:
            out.append("7" if av in _DIGIT_CATEGORIES else " ")
        elif op in _SKIPPED:
            out.append("x")
    return "".join(out)


def _is_mark(parsed: Any) -> bool:
    """`parsed` is one combining letter (a matra, anusvara, chandrabindu, nukta)."""
    items = list(parsed)
    if len(items) != 1 or items[0][0] is not _c.LITERAL:
        return False
    return unicodedata.category(chr(items[0][1])) in ("Mn", "Mc")


def _first_of_class(items: Any) -> str:
    for op, av in items:
        if op is _c.LITERAL:
            return chr(av)
        if op is _c.RANGE:
            return chr(av[0])
        if op is _c.CATEGORY:
            return "7" if av in _DIGIT_CATEGORIES else " "
    return "x"


def example(pattern: str) -> str:
    """A text `pattern` matches, with its placeholders kept as format fields."""
    for slot, mark in _SLOTS.items():
        pattern = pattern.replace(slot, mark)
    text = _emit(_p.parse(pattern))
    for mark, slot in _UNSLOT.items():
        text = text.replace(mark, slot)
    return text


@dataclass(frozen=True)
class LocaleLines:
    """One phone language's lines: event → format text; placeholders; list joining."""

    locale: str
    events: dict[str, str]
    media: tuple[str, ...]
    deleted: str
    encrypted: str
    and_word: str


def _verified(items: Any) -> list[str]:
    return [str(i["p"]) for i in items or [] if i.get("verified", True)]


def _event_line(items: Any, people: int) -> str | None:
    for pattern in _verified(items):
        if "\\d" in pattern or ".+" in pattern or "}'" in pattern:
            continue  # counts, free text, "You're": not one of the demo's plain lines
        if sum(pattern.count(slot) for slot in _SLOTS) == people:
            return example(pattern)
    return None


@cache
def locale_lines(locale: str) -> LocaleLines:
    """The lines of `locale`'s phrase table (hi, en, ur …)."""
    table = yaml.safe_load((PHRASES_DIR / f"phrases_{locale}.yaml").read_text("utf-8"))
    events = table.get("events") or {}
    found = {e: _event_line(events.get(e), n) for e, n in EVENT_PEOPLE.items()}
    separators = [str(s) for s in table.get("list_separators") or []]
    last = separators[-1].strip() if separators else ","
    encrypted = _verified(events.get("encryption_notice"))
    return LocaleLines(
        locale=locale,
        events={e: line for e, line in found.items() if line is not None},
        media=tuple(example(p) for p in _verified(table.get("media"))[:1]),
        deleted=example(_verified(table.get("deleted"))[0]),
        encrypted=re.sub(r"\s+$", "", example(encrypted[0])),
        and_word=last,
    )


def _one(line: str | None, field: str) -> str | None:
    """A one-person line with its placeholder renamed to the demo's `field`."""
    if line is None:
        return None
    for slot in ("{actor}", "{subject}", "{subjects}"):
        line = line.replace(slot, "{" + field + "}")
    return line


def _two(line: str | None, first: str, second: str) -> str | None:
    """A two-person line: its first placeholder (by position) the demo's `first`, the other
    the demo's `second`."""
    if line is None:
        return None
    found = sorted(
        (line.index(slot), slot) for slot in ("{actor}", "{subject}", "{subjects}") if slot in line
    )
    marks = {found[0][1]: "\ue010", found[1][1]: "\ue011"}
    for slot, mark in marks.items():
        line = line.replace(slot, mark)
    return line.replace("\ue010", "{" + first + "}").replace("\ue011", "{" + second + "}")


def locale_phrases(locale: str) -> Phrases:
    """Every system line and placeholder of `locale`'s table, with the demo's field names."""
    lines = locale_lines(locale)
    ev = lines.events.get
    subject = ev("subject_changed")
    return Phrases(
        encrypted=lines.encrypted,
        media=lines.media,
        deleted=lines.deleted,
        created=_two(ev("created"), "actor", "name"),
        added=_two(ev("added"), "actor", "subjects") or "{actor} {subjects}",
        added_max=2,
        joined=_one(ev("joined_link"), "subject") or "{subject}",
        left=_one(ev("left"), "subject") or "{subject}",
        removed=_two(ev("removed"), "actor", "subject") or "{actor} {subject}",
        subject=None if subject is None else subject.replace("{subject}", "{new}"),
        icon=_one(ev("icon_changed"), "actor"),
        and_word=lines.and_word,
        admin_made=_one(ev("admin_made"), "subject"),
        pinned=_one(ev("message_pinned"), "actor"),
        security=_one(ev("security_code_changed"), "subject"),
        disappearing=_one(ev("disappearing_changed"), "actor"),
        admin_dismissed=_one(ev("admin_dismissed"), "subject"),
        settings=_one(ev("settings_changed"), "actor"),
    )


def _with_english_events(base: Phrases) -> Phrases:
    """An English layout's lines, plus the events its own table adds (admin made and
    dismissed, pin, security code, disappearing messages, group settings)."""
    english = locale_phrases("en")
    return replace(
        base,
        admin_made=english.admin_made,
        pinned=english.pinned,
        security=english.security,
        disappearing=english.disappearing,
        admin_dismissed=english.admin_dismissed,
        settings=english.settings,
    )


@cache
def chat_phrases() -> dict[str, Phrases]:
    """Each demo layout's phrases: English layouts as written, with the table's further events;
    the Hindi phone entirely from the Hindi table."""
    return {
        "android": _with_english_events(PHRASES["android"]),
        "android24": _with_english_events(PHRASES["android24"]),
        "ios": _with_english_events(PHRASES["ios"]),
        "android_hi": locale_phrases("hi"),
    }
