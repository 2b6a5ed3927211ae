"""WhatsApp "Export chat" files for the demo groups, in the layouts Indian phones write.

`write_chats` writes one export per group under `out/chats/`, named `WhatsApp Chat with <group
name>.txt` after the name in the groups sheet; about 15% are `.zip` exports holding the chat text
(`WhatsApp Chat with <name>.txt` from Android, `_chat.txt` from iOS) and a tiny fake photo or two.

Each group gets one layout, chosen by the seed: Android en-IN 12h (U+202F before `am`/`pm`), iOS
bracketed with seconds and U+200E marks (system lines attributed to the group name), Android 24h
`dd/mm/yyyy` with CRLF line ends, or Android 12h from a phone set to Hindi (system lines and
markers in Hindi). The chats run for 92 days up to the roster date (the build day), and tell the
same story as the rosters: members join (added or through the invite link) before they post, a few
people still on the roster have left or were removed, a few people post who are on no roster of
the group, blocklisted members post once or twice, about 10% of the groups have been silent for
over a month, and a third of the messages are greetings, chain forwards, emoji and photos.
The busiest zipped export is cut at WhatsApp's media cap (`etl.demo.build.chat_cap`), and a
few chats make or dismiss their SHO as admin after the group's newest member list
(`etl.demo.build.admin_turns`).

Everything comes from `random.Random(seed)`: the same seed writes byte-identical files.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from etl.demo.build.admin_turns import AdminTurn
from etl.demo.build.chat_cap import CAPPED_FROM, KEPT, capped_group, older_posts
from etl.demo.build.chat_events import membership_lines, more_system_lines
from etl.demo.build.chat_lines import (
    DAYS,
    END_TS,
    ROSTER_DATE,
    START,
    ChatLines,
    Group,
    People,
    Person,
    Shown,
    Stamps,
    file_name,
    media_member,
    pool,
    post_text,
    shown_phone,
    zipped,
)
from etl.demo.build.chat_plans import chat_plans
from etl.demo.calendar import REFERENCE, DemoCalendar
from etl.demo.data.locale_lines import chat_phrases
from etl.demo.data.texts import (
    NOTICES_EN,
    NOTICES_HI,
    PUBLIC_EN,
    PUBLIC_HI,
    REPLIES_EN,
    REPLIES_HI,
    Phrases,
)

TARGET_MESSAGES = {"small": 50_000, "state": 2_000_000}
# Posts planted lines into a group's chat (etl.demo.spread): group, lines, cast, first, last.
Plant = Callable[[Group, ChatLines, list[Person], int, int], None]
# When people write (IST), relative weights per hour of the day.
_HOUR_WEIGHTS = (
    0.2, 0.1, 0.05, 0.05, 0.1, 0.6, 2.0, 4.0, 5.0, 5.0, 5.0, 4.5,
    4.0, 3.5, 3.5, 3.5, 4.0, 4.5, 5.0, 5.5, 5.5, 4.5, 2.5, 1.0,
)  # fmt: skip
_HOURS = tuple(range(24))
_HOUR_CUM = tuple(sum(_HOUR_WEIGHTS[: i + 1]) for i in range(24))
_BUSY_DAYS = {date(2026, 8, 15): 2.5, date(2026, 8, 28): 1.5} | {
    date(2026, 10, d): 2.0
    for d in range(17, 22)  # Durga Puja
}


# A dormant group has been silent for more than 30 days before the roster date: its last
# message falls before this day. Only a group older than a month can be dormant.
_DORMANT_LAST_DAY = ROSTER_DATE - timedelta(days=32)
_DORMANT_CREATED_BEFORE = START + timedelta(days=31)


class _Writer:
    def __init__(
        self,
        people: People,
        blocked: Collection[int],
        rng: random.Random,
        scale: str,
        calendar: DemoCalendar,
    ) -> None:
        self.start = calendar.day(START)  # the chats' first day, moved to the build day
        self.people = people
        self.blocked = set(blocked)
        self.rng = rng
        self.scale = scale
        self.phones = set(people.phone)
        self.stamps: dict[str, Stamps] = {}
        self.plant: Plant | None = None
        day_weights = [
            # Busy days by their place in the 92 days: they move with the build day.
            rng.gammavariate(3.0, 1.0) * _BUSY_DAYS.get(START + timedelta(days=d), 1.0)
            for d in range(DAYS + 1)
        ]
        self.day_cum: list[float] = []
        total = 0.0
        for w in day_weights:
            total += w
            self.day_cum.append(total)

    def stamps_for(self, fmt: str) -> Stamps:
        if fmt not in self.stamps:
            self.stamps[fmt] = Stamps(fmt, self.start)
        return self.stamps[fmt]

    def times(self, k: int, lo: int, hi: int, rng: random.Random | None = None) -> list[int]:
        """k non-sorted times in [lo, hi], by the day and hour-of-day weights."""
        rng = rng or self.rng
        cum = self.day_cum
        d_lo, d_hi = lo // 86400, hi // 86400
        c_lo = cum[d_lo - 1] if d_lo else 0.0
        c_hi = cum[d_hi]
        uniform, rand = rng.uniform, rng.random
        days = [min(bisect_right(cum, uniform(c_lo, c_hi)), d_hi) for _ in range(k)]
        hours = rng.choices(_HOURS, cum_weights=_HOUR_CUM, k=k)
        return [
            min(max(d * 86400 + h * 3600 + int(rand() * 3600), lo), hi)
            for d, h in zip(days, hours, strict=True)
        ]

    def new_phone(self) -> int:
        rng = self.rng
        phone = rng.randrange(6_000_000_000, 10_000_000_000)
        while phone in self.phones:
            phone = rng.randrange(6_000_000_000, 10_000_000_000)
        self.phones.add(phone)
        return phone

    def _namer(self) -> Shown:
        """`Shown` for one chat: a saved name is shown once; a second person of that name is
        shown by number."""
        rng, people, used = self.rng, self.people, set[str]()

        def shown(person: int, saved: float) -> str:
            if rng.random() < saved:
                lang = "hi" if rng.random() < 0.2 else "en"
                name = people.name(person, lang)
                if name not in used:
                    used.add(name)
                    return name
            return shown_phone(people.phone[person])

        return shown

    def _cast(
        self, g: Group, others: Sequence[int], t0: int, t_end: int, in_window: bool
    ) -> list[Person]:
        """Everyone in the chat, the admin first: the roster, some of it leaving, and a few
        people on no roster of the group."""
        shown = self._namer()
        cast = self._members(g, shown, t0, t_end, in_window)
        # The admin carries about a fifth of the group's talk (the SHO answers everyone).
        cast[0].weight = 0.2 * sum(p.weight for p in cast) + 1.0
        self._leavers(cast, t0, t_end)
        self._outsiders(cast, others, shown, t0, t_end)
        return cast

    def _members(
        self, g: Group, shown: Shown, t0: int, t_end: int, in_window: bool
    ) -> list[Person]:
        rng = self.rng
        admin = g.admin if g.admin >= 0 else g.members[0].person
        cast = [Person(admin, shown(admin, 1.0), 0.0, True, join=t0, how="created")]
        if not in_window:
            cast[0].join, cast[0].how = -1, ""
        staff_group = g.kind in ("district_staff", "women_staff", "division")
        for m in g.members:
            if m.person == admin:
                continue
            police = m.category == "police"
            role = "blocked" if m.person in self.blocked else "member"
            if role == "blocked":
                weight = 0.0
            elif police:
                weight = rng.uniform(0.5, 3.0) if rng.random() < 0.7 else 0.0
            else:
                weight = rng.paretovariate(1.3) if rng.random() < 0.55 else 0.0
            p = Person(m.person, shown(m.person, 0.85 if police else 0.45), weight, police, role)
            if in_window or rng.random() < 0.3:  # joined during the chat
                p.how = "link" if not staff_group and rng.random() < 0.4 else "added"
                if in_window and rng.random() < 0.5:
                    p.join = t0 + rng.randrange(60, 900)  # the first members, added at creation
                    p.how = "added"
                else:
                    p.join = self.times(1, t0 + 600, max(t0 + 601, t_end - 86400))[0]
            cast.append(p)
        return cast

    def _leavers(self, cast: list[Person], t0: int, t_end: int) -> None:
        """Still on the roster, but left or was removed in the chat (a reconciliation case)."""
        rng = self.rng
        if len(cast) > 5 and rng.random() < 0.35:
            for p in rng.sample(cast[1:], rng.randint(1, 3)):
                lo = max(p.join, t0) + 2 * 86400
                if lo < t_end - 3600:
                    p.leave = self.times(1, lo, t_end)[0]
                    p.leave_how = "left" if rng.random() < 0.7 else "removed"

    def _outsiders(
        self, cast: list[Person], others: Sequence[int], shown: Shown, t0: int, t_end: int
    ) -> None:
        """In the chat but on no roster of the group: members of other groups, or unknown
        numbers."""
        rng = self.rng
        if not (rng.random() < 0.4 and t_end - t0 > 4 * 86400):
            return
        for _ in range(rng.randint(1, 3)):
            if others and rng.random() < 0.6:
                person = rng.choice(others)
                if any(p.person == person for p in cast):
                    continue
                label = shown(person, 0.15)
            else:
                person, label = -1, shown_phone(self.new_phone())
            p = Person(person, label, 0.0, False, "outsider")
            p.how = "link" if rng.random() < 0.5 else "added"
            p.join = self.times(1, t0 + 600, t_end - 3 * 86400)[0]
            if rng.random() < 0.5:
                p.leave = self.times(1, p.join + 2 * 86400, t_end)[0]
                p.leave_how = "left" if rng.random() < 0.6 else "removed"
            cast.append(p)

    def _span(self, g: Group, in_window: bool, dormant: bool) -> tuple[int, int]:
        """The chat's first and last second after START."""
        rng = self.rng
        if in_window:
            t0 = (g.created_on - self.start).days * 86400 + rng.randrange(9 * 3600, 19 * 3600)
        else:
            t0 = rng.randrange(6 * 3600, 10 * 3600)
        if dormant:
            last = (_DORMANT_LAST_DAY - START).days * 86400
            return t0, rng.randrange(min(t0 + 10 * 86400, last - 86400), last)
        return t0, END_TS

    def chat(
        self,
        g: Group,
        fmt: str,
        name: str,
        place: tuple[str, str],
        others: Sequence[int],
        n_target: int,
        dormant: bool,
        turn: AdminTurn | None = None,
        capped: bool = False,
    ) -> ChatLines:
        rng = self.rng
        ph = chat_phrases()[fmt]
        in_window = g.created_on > self.start
        t0, t_end = self._span(g, in_window, dormant)
        old_name = None
        if ph.subject is not None and rng.random() < 0.08:
            old_name = rng.choice(
                (f"{place[0]} Police Public Group", f"{place[0]} Thana Group", f"{place[1]} पुलिस")
            )
        c = ChatLines(rng, fmt, name, place, name)
        cast = self._cast(g, others, t0, t_end, in_window)
        admin = cast[0]
        if turn is not None:
            # The exporting phone has not saved the SHO's number: his lines name him by it, so
            # the check ties the admin line to the group's designated admin without a name.
            admin.shown = shown_phone(self.people.phone[admin.person])
        c.system(t0, -3, ph.encrypted)
        if in_window and ph.created is not None:
            c.system(
                t0, -2, ph.created.format(actor=admin.shown, name=old_name or name), admin.shown
            )
        membership_lines(c, ph, cast, t0, rng)
        turned = None if turn is None else (turn.made, (turn.list_day - self.start).days * 86400)
        more_system_lines(c, ph, cast, t0, t_end, rng, turned)
        if old_name is not None and ph.subject is not None:
            ts = rng.randrange(t0 + 3600, t0 + 20 * 86400) if t_end > t0 + 21 * 86400 else t0 + 60
            c.system(ts, 0, ph.subject.format(actor=admin.shown, old=old_name, new=name))
        if ph.icon is not None:
            for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 2))):
                c.system(self.times(1, t0 + 60, t_end)[0], 0, ph.icon.format(actor=admin.shown))
        self._posts(c, ph, cast, place, n_target, t0, t_end)
        if capped:
            # Older talk from a stream of its own (the other chats stay as they were), then
            # the cut: planted lines go only where the export still reaches.
            own = random.Random(f"{name}|{t0}|export at the cap")
            members = [p for p in cast if p.role == "member"]
            self._posts(c, ph, members, place, older_posts(len(c.entries)), t0, t_end, own)
            t0 = c.keep_latest(KEPT)
        if self.plant is not None:
            self.plant(g, c, cast, t0, t_end)
        return c

    def _posts(
        self,
        c: ChatLines,
        ph: Phrases,
        cast: list[Person],
        place: tuple[str, str],
        n_target: int,
        t0: int,
        t_end: int,
        rng: random.Random | None = None,
    ) -> None:
        """The target shared by weight; blocklisted members post once or twice, outsiders a
        few times."""
        rng = rng or self.rng
        total = sum(p.weight for p in cast) or 1.0
        for p in cast:
            if p.role == "blocked":
                p.posts = rng.randint(1, 2)
            elif p.role == "outsider":
                p.posts = rng.randint(1, 4)
            else:
                p.posts = int(n_target * p.weight / total + rng.random())
        notices = (pool(NOTICES_EN, place), pool(NOTICES_HI, place))
        replies = (pool(REPLIES_EN, place), pool(REPLIES_HI, place))
        public = (pool(PUBLIC_EN, place), pool(PUBLIC_HI, place))
        hindi = rng.uniform(0.3, 0.7)
        for p in cast:
            lo = max(p.join, t0) + 30
            hi = (p.leave if p.leave >= 0 else t_end) - 30
            if p.posts <= 0 or hi <= lo:
                continue
            own = (notices, replies) if p.police else (public, public)
            for ts in self.times(p.posts, lo, hi, rng):
                c.post(ts, p.shown, *post_text(rng, ph, ts, own, hindi))


def write_chats(
    out: Path,
    groups: Sequence[Group],
    people: People,
    *,
    names: Mapping[str, str],
    places: Mapping[str, tuple[str, str]],
    blocked: Collection[int] = (),
    seed: int = 7,
    scale: str = "small",
    progress: Callable[[str], None] | None = None,
    calendar: DemoCalendar | None = None,
    plant: Plant | None = None,
    turns: Mapping[str, AdminTurn] | None = None,
) -> tuple[int, int]:
    """Writes one export per group under `out/chats/`; returns (files, user messages).

    `names` maps a group id to its name as written in the groups sheet (the export is named after
    it); `places` maps a unit id to its (English, Hindi) name, used in the message texts;
    `turns` the groups whose chat makes or dismisses the designated admin after their newest
    member list (`etl.demo.build.admin_turns`): never dormant, so the line is the chat's latest
    word on the SHO.
    """
    turns = turns or {}
    rng = random.Random(seed)
    calendar = calendar or DemoCalendar(REFERENCE)
    writer = _Writer(people, blocked, rng, scale, calendar)
    writer.plant = plant
    dormant_before = calendar.day(_DORMANT_CREATED_BEFORE)
    at = calendar.now
    made = (at.year, at.month, at.day, at.hour, at.minute, at.second)
    folder = out / "chats"
    folder.mkdir(parents=True, exist_ok=True)
    plans = chat_plans(groups, rng, dormant_before, turns)
    target = TARGET_MESSAGES.get(scale, TARGET_MESSAGES["small"])
    factor = target / (sum(v for *_, v in plans) or 1.0)
    everyone = sorted({m.person for g in groups for m in g.members})
    capped = capped_group(groups, plans, turns) if target >= CAPPED_FROM else None
    messages = 0
    for i, (g, (fmt, as_zip, dormant, volume)) in enumerate(zip(groups, plans, strict=True)):
        if progress is not None and i % 100 == 0:
            progress(f"chats: {i}/{len(groups)}")
        name = names.get(g.group_id, g.group_id)
        en, hi = places.get(g.unit_id, (name, name))
        place = (en.removesuffix(" Police Centre"), hi.removesuffix(" पुलिस केंद्र"))
        n_target = max(5, round(volume * factor))
        turn, cut = turns.get(g.group_id), g.group_id == capped
        chat = writer.chat(g, fmt, name, place, everyone, n_target, dormant, turn, cut)
        data = chat.text(writer.stamps_for(fmt)).encode("utf-8")
        messages += chat.messages
        if as_zip:
            member = "_chat.txt" if fmt == "ios" else f"{file_name(name)}.txt"
            media = [media_member(rng, fmt, k + 1, writer.start) for k in range(rng.randint(1, 2))]
            zipped(folder / f"{file_name(name)}.zip", member, data, media, made)
        else:
            (folder / f"{file_name(name)}.txt").write_bytes(data)
    return len(groups), messages
