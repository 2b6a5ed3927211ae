"""The story workflow: submitted → vetted → approved → posted, or rejected at any step.

Pure: given a story's status and guard findings, it decides the step to record (who, when, and
the note: a reason, a URL, an order reference) or refuses with an error naming the reason.
`etl/load.py` writes the steps. Who may take which step (CO/SP vet, social cell approves)
follows with access control; until then any named person may.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

STATUSES = ("submitted", "vetted", "approved", "posted", "rejected")
ACTIONS = ("vet", "approve", "post", "reject")
# (status, action) → new status. Posting again on a posted story adds another platform's URL.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("submitted", "vet"): "vetted",
    ("vetted", "approve"): "approved",
    ("approved", "post"): "posted",
    ("posted", "post"): "posted",
    ("submitted", "reject"): "rejected",
    ("vetted", "reject"): "rejected",
    ("approved", "reject"): "rejected",
}
# Who may lift a block by written order (BNS s.72 exception): the SHO or the investigating officer.
APPROVER_ROLES = ("sho", "io")
_PLATFORM_HOSTS = {
    "x.com": "x",
    "twitter.com": "x",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "instagram.com": "instagram",
    "whatsapp.com": "whatsapp",
}


class WorkflowRefused(ValueError):
    """A step the workflow does not allow; `key` names the reason for the reader."""

    key = "wf_refused"

    def __init__(self, story_id: int | None, reason: str) -> None:
        super().__init__(f"story {story_id}: {reason}")
        self.story_id = story_id


class ActorRequired(WorkflowRefused):
    key = "wf_actor_required"


class TransitionNotAllowed(WorkflowRefused):
    key = "wf_not_allowed"


class ReasonRequired(WorkflowRefused):
    key = "wf_reason_required"


class UrlRequired(WorkflowRefused):
    key = "wf_url_required"


class BlockStands(WorkflowRefused):
    key = "wf_block_stands"


class OverrideIncomplete(WorkflowRefused):
    key = "wf_override_incomplete"


@dataclass(frozen=True)
class Step:
    """One recorded step: `step` is the status reached (or "override"), `note` the reason,
    URL or order reference."""

    story_id: int
    action: str
    from_status: str
    to_status: str
    actor: str
    at: datetime
    note: str | None = None
    platform: str | None = None


@dataclass(frozen=True)
class Override:
    """The written order that lifts a block: its reference and who signed it."""

    reference: str
    approver: str
    role: str

    def to_dict(self, at: datetime) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "approver": self.approver,
            "role": self.role,
            "at": at.isoformat(timespec="seconds"),
        }


def platform_of(url: str) -> str | None:
    """x, facebook, instagram or whatsapp from a post's URL; None for another host."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return _PLATFORM_HOSTS.get(host)


def _is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text


def has_standing_block(findings: list[dict[str, Any]], override: dict[str, Any] | None) -> bool:
    """A block finding with no written order recorded against it."""
    return any(f.get("level") == "block" for f in findings) and not override


def next_step(
    story_id: int,
    status: str,
    action: str,
    *,
    actor: str,
    at: datetime,
    findings: list[dict[str, Any]],
    override: dict[str, Any] | None = None,
    note: str = "",
) -> Step:
    """The step `action` makes from `status`, or the reason it may not be taken.

    `findings` are the story's current guard findings; `note` is the rejection reason or the
    posted URL."""
    if not actor.strip():
        raise ActorRequired(story_id, "no acting person named")
    target = TRANSITIONS.get((status, action))
    if target is None:
        raise TransitionNotAllowed(story_id, f"cannot {action} a story that is {status}")
    note = note.strip()
    platform = None
    if action == "reject" and not note:
        raise ReasonRequired(story_id, "a rejection needs a reason")
    if action == "approve" and has_standing_block(findings, override):
        raise BlockStands(
            story_id, "a block finding stands and no written order of the SHO or IO is recorded"
        )
    if action == "post":
        if not _is_url(note):
            raise UrlRequired(story_id, f"a posted story needs the post's URL, got {note!r}")
        platform = platform_of(note)
    return Step(story_id, action, status, target, actor.strip(), at, note or None, platform)


def override_step(story_id: int, status: str, order: Override, *, actor: str, at: datetime) -> Step:
    """The step recording a written order that lifts the story's blocks."""
    if not actor.strip():
        raise ActorRequired(story_id, "no acting person named")
    if status in ("posted", "rejected"):
        raise TransitionNotAllowed(story_id, f"no order can be recorded on a {status} story")
    if not order.reference.strip() or not order.approver.strip():
        raise OverrideIncomplete(story_id, "the order needs its reference and its approver")
    if order.role not in APPROVER_ROLES:
        raise OverrideIncomplete(
            story_id,
            f"approver role must be one of {', '.join(APPROVER_ROLES)}, got {order.role!r}",
        )
    note = f"{order.reference.strip()} — {order.approver.strip()} ({order.role.upper()})"
    return Step(story_id, "override", status, status, actor.strip(), at, note)
