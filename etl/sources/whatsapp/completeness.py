"""Whether an export starts mid-history because WhatsApp cut it at its export cap.

WhatsApp exports at most about 40,000 of a chat's latest messages without media and 10,000
with media, and says nothing when it cuts. A complete export starts where the chat started on
the exporting phone, with the encryption notice or the group's creation; one that holds (about)
a cap's worth of entries and starts anywhere else was cut.
"""

from __future__ import annotations

import polars as pl

# Entries in a cut export: the cap, or a little under it (lines WhatsApp does not write out,
# such as reactions, still count towards it).
EXPORT_CAPS = (10_000, 40_000)
UNDER_CAP = 0.02  # a count up to 2 % under a cap counts as at the cap
_STARTS = ("encryption_notice", "created")


def at_export_cap(entries: int) -> bool:
    """Whether `entries` is one of WhatsApp's export caps, or just under one."""
    return any(cap * (1 - UNDER_CAP) <= entries <= cap for cap in EXPORT_CAPS)


def starts_mid_history(messages: pl.DataFrame, events: pl.DataFrame) -> bool:
    """True when the export holds a cap's worth of entries and its first entry is neither the
    encryption notice nor the group's creation: the chat's start was cut off."""
    if not at_export_cap(messages.height):
        return False
    first = messages.sort("line").head(1)
    if first.height == 0:
        return False
    event = events.filter(pl.col("line") == first.item(0, "line")).get_column("event")
    return not any(e in _STARTS for e in event.to_list())
