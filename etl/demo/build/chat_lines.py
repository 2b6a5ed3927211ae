"""The parts of one demo WhatsApp export: its layouts' time stamps, the people in it, and
its lines before they are written (`etl.demo.build.chats` puts them together)."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from etl.demo.data.locale_lines import chat_phrases
from etl.demo.data.texts import ANYTIME, MORNING, NIGHT, Phrases

# The chats' first day and the roster date as written for the demo's reference day; a build
# moves both with its calendar (`etl.demo.calendar`), keeping the 92 days between them.
START = date(2026, 8, 1)
ROSTER_DATE = date(2026, 11, 1)
DAYS = (ROSTER_DATE - START).days
# Seconds after the first day: exported at the start of the build day (00:00 IST), so no line
# is later than the moment the demo is built for.
END_TS = DAYS * 86400
LRM = "\u200e"
NNBSP = "\u202f"
_MEDIA_SHARE = 0.09
_DELETED_SHARE = 0.01
_NOISE_SHARE = 0.27

# ---------------------------------------------------------------- inputs


class People(Protocol):
    """The demo's people: `phone[person]` (10 digits) and a name in "en" or "hi"."""

    @property
    def phone(self) -> Sequence[int]: ...

    def name(self, person: int, lang: str) -> str: ...


class Member(Protocol):
    @property
    def person(self) -> int: ...

    @property
    def category(self) -> str: ...


class Group(Protocol):
    @property
    def group_id(self) -> str: ...

    @property
    def unit_id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def created_on(self) -> date: ...

    @property
    def admin(self) -> int: ...

    @property
    def members(self) -> Sequence[Member]: ...


# ---------------------------------------------------------------- time stamps


class Stamps:
    """Time-stamp prefixes of one layout: `day[d] + tod[i]` for day d after the chats' `start`."""

    def __init__(self, fmt: str, start: date) -> None:
        days = [start + timedelta(days=d) for d in range(DAYS + 1)]
        if fmt == "ios":
            self.day = [f"[{d:%d/%m/%y}, " for d in days]
            self.tod = [
                f"{(s // 3600) % 12 or 12}:{s // 60 % 60:02d}:{s % 60:02d}{NNBSP}"
                f"{'AM' if s < 43200 else 'PM'}] "
                for s in range(86400)
            ]
            self.per = 1
        elif fmt == "android24":
            self.day = [f"{d:%d/%m/%Y}, " for d in days]
            self.tod = [f"{m // 60:02d}:{m % 60:02d} - " for m in range(1440)]
            self.per = 60
        else:
            self.day = [f"{d:%d/%m/%y}, " for d in days]
            self.tod = [
                f"{(m // 60) % 12 or 12}:{m % 60:02d}{NNBSP}{'am' if m < 720 else 'pm'} - "
                for m in range(1440)
            ]
            self.per = 60


# ---------------------------------------------------------------- one chat


@dataclass
class Person:
    person: int  # index into People, or -1 for a number that is on no list
    shown: str  # as the exporting phone shows the author: a saved name or "+91 98765 43210"
    weight: float  # share of the group's talk; 0 for the silent and for the two roles below
    police: bool
    role: str = "member"  # "blocked" (posts once or twice) or "outsider" (on no roster)
    join: int = -1  # seconds after START; -1 for a member since before the chat begins
    how: str = ""  # "created", "added", "link" or "" (member since before)
    leave: int = -1
    leave_how: str = ""  # "left" or "removed"
    posts: int = 0


Shown = Callable[[int, float], str]
"""How the exporting phone shows a person: a saved name (with the given chance) or the number."""


def shown_phone(phone: int) -> str:
    digits = str(phone)
    return f"+91 {digits[:5]} {digits[5:]}"


class ChatLines:
    """One group's export: entries (ts, order, seq, lead, body), sorted, then written as lines."""

    def __init__(
        self, rng: random.Random, fmt: str, name: str, place: tuple[str, str], group_name: str
    ) -> None:
        self.rng = rng
        self.fmt = fmt
        self.ph = chat_phrases()[fmt]
        self.name = name
        self.place = place
        self.group_name = group_name  # iOS attributes system lines to the group's current name
        self.entries: list[tuple[int, int, int, str, str]] = []
        self.messages = 0

    def system(self, ts: int, order: int, text: str, actor: str | None = None) -> None:
        if self.fmt == "ios":
            head, lead, text = f"{actor or self.group_name}: ", LRM, LRM + text
        else:
            head, lead = "", ""
        self.entries.append((ts, order, len(self.entries), lead, head + text))

    def post(self, ts: int, author: str, text: str, marker: bool = False) -> None:
        lead = ""
        if marker and self.fmt == "ios":
            lead, text = LRM, LRM + text
        self.entries.append((ts, 1, len(self.entries), lead, f"{author}: {text}"))
        self.messages += 1

    def keep_latest(self, n: int) -> int:
        """Only the latest `n` entries, as an export cut at WhatsApp's cap holds; returns the
        second of the first one kept."""
        self.entries.sort()
        del self.entries[:-n]
        self.messages = sum(order == 1 for _, order, *_ in self.entries)  # posts only
        return self.entries[0][0]

    def text(self, stamps: Stamps) -> str:
        self.entries.sort()
        day, tod, per = stamps.day, stamps.tod, stamps.per
        lines = [
            lead + day[ts // 86400] + tod[ts % 86400 // per] + body
            for ts, _, _, lead, body in self.entries
        ]
        out = "\n".join(lines) + "\n"
        return out.replace("\n", "\r\n") if self.fmt == "android24" else out


def pool(texts: Sequence[str], place: tuple[str, str]) -> list[str]:
    return [t.replace("{place}", place[0]).replace("{place_hi}", place[1]) for t in texts]


# ---------------------------------------------------------------- the export file


def file_name(name: str) -> str:
    return f"WhatsApp Chat with {name}"


def media_member(rng: random.Random, fmt: str, k: int, start: date) -> tuple[str, bytes]:
    day = start + timedelta(days=rng.randrange(DAYS))
    if fmt == "ios":
        h, m, s = rng.randrange(24), rng.randrange(60), rng.randrange(60)
        member = f"{k:08d}-PHOTO-{day:%Y-%m-%d}-{h:02d}-{m:02d}-{s:02d}.jpg"
    else:
        member = f"IMG-{day:%Y%m%d}-WA{k:04d}.jpg"
    return member, b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(16, 64)) + b"\xff\xd9"


def zipped(
    path: Path,
    chat_member: str,
    text: bytes,
    media: Sequence[tuple[str, bytes]],
    made: tuple[int, int, int, int, int, int],
) -> None:
    """The zipped export; every member stamped `made` (the build day), never the clock."""
    with zipfile.ZipFile(path, "w") as zf:
        for member, data, how in [
            (chat_member, text, zipfile.ZIP_DEFLATED),
            *((m, d, zipfile.ZIP_STORED) for m, d in media),
        ]:
            info = zipfile.ZipInfo(member, date_time=made)
            info.compress_type = how
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def post_text(
    rng: random.Random,
    ph: Phrases,
    ts: int,
    own: tuple[tuple[list[str], list[str]], tuple[list[str], list[str]]],
    hindi: float,
) -> tuple[str, bool]:
    """One post's text, and whether the export marks it (media, deleted)."""
    rand, choice = rng.random, rng.choice
    r = rand()
    if r < _MEDIA_SHARE:
        return choice(ph.media), True
    if r < _MEDIA_SHARE + _DELETED_SHARE:
        return ph.deleted, True
    if r < _MEDIA_SHARE + _DELETED_SHARE + _NOISE_SHARE:
        sod = ts % 86400
        texts = MORNING if sod < 39600 else NIGHT if sod >= 72000 else ANYTIME
        return choice(texts), False
    texts_by_lang = own[0] if r < 0.6 else own[1]
    return choice(texts_by_lang[1] if rand() < hindi else texts_by_lang[0]), False
