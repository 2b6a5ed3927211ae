"""One demo export cut off at WhatsApp's export cap, as real ones are.

WhatsApp exports only a chat's latest 10,000 entries when media go with it (40,000 without),
and says nothing: the export then starts mid-history, without the encryption notice or the
group's creation, and Sampark flags it incomplete (`etl.sources.whatsapp.completeness`). The
demo cuts the zipped export of its busiest group so: the chat gets older talk until it holds
more than the cap, and only the latest entries are kept, a little under the cap, so that the
directives and rumours posted into it afterwards (`etl.demo.spread`) still leave it at the cap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from etl.demo.build.chat_lines import Group
from etl.demo.build.chat_plans import ChatPlan

MEDIA_CAP = 10_000
PLANT_ROOM = 60  # entries kept under the cap for the planted lines
KEPT = MEDIA_CAP - PLANT_ROOM
OLDER = 0.12  # the talk the cut drops, as a share of what the export keeps
# A demo talking less than this in all (a test's trimmed demo) has no export at the cap: one
# group's talk would outweigh the rest.
CAPPED_FROM = 4 * MEDIA_CAP


def capped_group(
    groups: Sequence[Group],
    plans: Sequence[ChatPlan],
    turned: Mapping[str, object],
) -> str | None:
    """The group whose export is cut at the cap: the busiest by plan (format, zipped, dormant,
    volume) of those exported with media and still active, leaving out the groups whose
    designated admin the chat turns (their admin line is their own story)."""
    zipped = [
        (volume, g.group_id)
        for g, (_, as_zip, dormant, volume) in zip(groups, plans, strict=True)
        if as_zip and not dormant and g.group_id not in turned
    ]
    return max(zipped)[1] if zipped else None


def older_posts(entries: int) -> int:
    """How many posts to add to a chat of `entries` so the cut drops some of its history."""
    return max(0, round(KEPT * (1 + OLDER)) - entries)
