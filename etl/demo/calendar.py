"""The demo's days: every date the demo writes is placed relative to the day it is built.

The demo's story (the order's first groups in May 2020, member lists climbing over 26 weeks, chats
over the last three months, two years of registers) was written for one reference day,
`REFERENCE`. A `DemoCalendar` moves that story so that its newest day is the day of the build:
a newcomer always sees a live network, and the same seed on the same day writes the same bytes.
The day comes from the clock seam (`sampark.clock`), so a test freezes it with `SAMPARK_NOW`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sampark.clock import now_ist

REFERENCE = date(2026, 11, 1)  # the day the demo's fixed dates were written for


@dataclass(frozen=True)
class DemoCalendar:
    """The build day: the date of the current member lists and of the newest chat lines.

    `now` is the start of that day in IST (the form of every register time): the newest
    register, alert and story time, so the demo is never "in the future" of its own build."""

    today: date

    @property
    def shift(self) -> timedelta:
        return self.today - REFERENCE

    def day(self, written_for_reference: date) -> date:
        """A date of the demo's story (written for `REFERENCE`), moved to the build day."""
        return written_for_reference + self.shift

    @property
    def now(self) -> datetime:
        return datetime.combine(self.today, time())


def calendar_for(today: date | None = None) -> DemoCalendar:
    """The calendar for `today`, or for the clock's day in IST (the registers' zone)."""
    return DemoCalendar(today if today is not None else now_ist().date())
