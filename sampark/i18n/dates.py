"""Dates written the way each reader expects: 14 Aug 2027 / 14 अगस्त 2027."""

from __future__ import annotations

from datetime import date, datetime

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "hi": (
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्टूबर",
        "नवंबर",
        "दिसंबर",
    ),
}


def long_date(day: date | None, lang: str) -> str:
    """A day for display; a dash when there is none.

    >>> long_date(date(2027, 8, 14), "en"), long_date(date(2027, 8, 14), "hi")
    ('14 Aug 2027', '14 अगस्त 2027')
    """
    if day is None:
        return "—"
    months = _MONTHS.get(lang, _MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def day_and_time(moment: datetime | None, lang: str) -> str:
    """A moment for display, the day as `long_date` writes it and the clock time; a dash
    when there is none.

    >>> day_and_time(datetime(2026, 12, 5, 23, 59), "hi")
    '5 दिसंबर 2026, 23:59'
    """
    if moment is None:
        return "—"
    return f"{long_date(moment.date(), lang)}, {moment:%H:%M}"
