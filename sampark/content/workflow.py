"""The story workflow: submitted → vetted → approved → posted, or rejected at any step.

Pure: given a story's status and guard findings, it decides the step to record (who, when, and
the note: a reason, a URL, an order reference) or refuses with an error naming the reason.
`sampark.store.stories` writes the steps. The pages show each role only its own buttons
(`sampark.access.may_act`); the written order that lifts a block is also refused here to any
role but the social media cell's, whatever a page offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sampark.access import may_act

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
# The ranks that hold those posts, with the short form an order's note gives the signatory.
APPROVER_RANKS = {
    "inspector": "Insp.",
    "sub_inspector": "SI",
    "assistant_sub_inspector": "ASI",
    "dsp": "DSP",
}
_LETTER = "A-Za-z\u0900-\u0963\u0971-\u097f"  # Latin and Devanagari letters and signs
_DIGIT = "0-9\u0966-\u096f"  # ASCII and Devanagari digits
# An order number as offices write them: letters, digits, / - . and spaces, starting and
# ending with a letter or digit, 5 to 60 characters, with at least one digit.
_REFERENCE = re.compile(f"[{_LETTER}{_DIGIT}][{_LETTER}{_DIGIT}/.\\- ]{{3,58}}[{_LETTER}{_DIGIT}]")
_HAS_DIGIT = re.compile(f"[{_DIGIT}]")
# A person's name: letters, spaces, dots, hyphens and apostrophes; no digits.
_NAME = re.compile(f"[{_LETTER}][{_LETTER} .'\\-]{{1,78}}")
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


class VetReasonRequired(WorkflowRefused):
    key = "wf_vet_reason_required"


class EditNotAllowed(WorkflowRefused):
    key = "wf_edit_not_allowed"


class EditUnchanged(WorkflowRefused):
    key = "wf_edit_unchanged"


class EditIncomplete(WorkflowRefused):
    key = "wf_edit_incomplete"


class OverrideIncomplete(WorkflowRefused):
    key = "wf_override_incomplete"


class RoleMayNotRecordOrder(WorkflowRefused):
    key = "wf_order_role_refused"


class OrderReferenceInvalid(WorkflowRefused):
    key = "wf_order_reference_invalid"


class SignatoryInvalid(WorkflowRefused):
    key = "wf_order_signatory_invalid"


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
    """The written order that lifts a block: its reference, who signed it (name and rank) and
    the post they signed it in (`APPROVER_ROLES`)."""

    reference: str
    signatory: str
    rank: str
    role: str

    @property
    def approver(self) -> str:
        """The signatory as the order's note names them: "Insp. R. Singh"."""
        short = APPROVER_RANKS.get(self.rank, "")
        return " ".join(p for p in (short, " ".join(self.signatory.split())) if p)

    def to_dict(self, at: datetime) -> dict[str, Any]:
        return {
            "reference": self.reference.strip(),
            "approver": self.approver,
            "signatory": " ".join(self.signatory.split()),
            "rank": self.rank,
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
    if action == "vet" and not note and has_standing_block(findings, override):
        # Sending a story up while the guard still blocks it is a choice someone answers for:
        # the reason goes with the step into the history and the audit log.
        raise VetReasonRequired(story_id, "vetting a blocked story needs a reason")
    if action == "approve" and has_standing_block(findings, override):
        raise BlockStands(
            story_id, "a block finding stands and no written order of the SHO or IO is recorded"
        )
    if action == "post":
        if not _is_url(note):
            raise UrlRequired(story_id, f"a posted story needs the post's URL, got {note!r}")
        platform = platform_of(note)
    return Step(story_id, action, status, target, actor.strip(), at, note or None, platform)


def _order_problem(story_id: int, order: Override) -> WorkflowRefused | None:
    """Why the written order cannot be recorded as typed, or None."""
    reference, signatory = order.reference.strip(), " ".join(order.signatory.split())
    if not reference or not signatory:
        return OverrideIncomplete(story_id, "the order needs its reference and its signatory")
    if not (_REFERENCE.fullmatch(reference) and _HAS_DIGIT.search(reference)):
        return OrderReferenceInvalid(
            story_id, "the reference must be an order number: letters, digits and / - ."
        )
    letters = sum(c.isalpha() for c in signatory)
    if not _NAME.fullmatch(signatory) or letters < 3 or order.rank not in APPROVER_RANKS:
        return SignatoryInvalid(
            story_id,
            "the signatory needs a name and a rank of "
            + ", ".join(APPROVER_RANKS)
            + f", got rank {order.rank!r}",
        )
    if order.role not in APPROVER_ROLES:
        return OverrideIncomplete(
            story_id,
            f"the signatory's post must be one of {', '.join(APPROVER_ROLES)}, got {order.role!r}",
        )
    return None


def override_step(
    story_id: int, status: str, order: Override, *, actor: str, role: str | None, at: datetime
) -> Step:
    """The step recording a written order that lifts the story's blocks.

    Only the social media cell records it (`role`, the signed-in user's), as received from the
    SHO or the investigating officer: the station, CO or SP whose story is blocked cannot lift
    the block themselves. The reference must read as an order number and the signatory as a
    name with a rank that holds the post."""
    if not actor.strip():
        raise ActorRequired(story_id, "no acting person named")
    if not may_act(role, "override"):
        raise RoleMayNotRecordOrder(
            story_id, f"only the social media cell records a written order, not {role!r}"
        )
    if status in ("posted", "rejected"):
        raise TransitionNotAllowed(story_id, f"no order can be recorded on a {status} story")
    problem = _order_problem(story_id, order)
    if problem is not None:
        raise problem
    note = f"{order.reference.strip()} — {order.approver} ({order.role.upper()})"
    return Step(story_id, "override", status, status, actor.strip(), at, note)


# A story's text may be fixed until it is approved; after that the approved drafts stand.
EDITABLE = ("submitted", "vetted")
TEXT_FIELDS = ("title", "body", "title_hi", "body_hi")
# The submission form's limits (intake.TITLE_MAX_CHARS, TEXT_MAX_CHARS; intake imports this
# module through the queue, so they are repeated here and a test keeps them equal).
_TEXT_LIMITS = {"title": 300, "body": 5_000, "title_hi": 300, "body_hi": 5_000}


def edit_step(
    story_id: int,
    status: str,
    old: dict[str, str | None],
    new: dict[str, str | None],
    *,
    actor: str,
    role: str | None,
    submitted_by: str | None,
    at: datetime,
) -> Step:
    """The step that replaces a story's title and text before approval, or the reason not.

    The submitter may fix their own story, and so may the officer who vets it (a role that may
    vet); nobody may edit an approved, posted or rejected one. Each language needs its title
    and text together, and at least one language must remain. The note names the fields that
    changed (never their text: it may hold what the guard blocked)."""
    actor = actor.strip()
    if not actor:
        raise ActorRequired(story_id, "no acting person named")
    if status not in EDITABLE:
        raise TransitionNotAllowed(story_id, f"cannot edit a story that is {status}")
    if actor != (submitted_by or "").strip() and not may_act(role, "vet"):
        raise EditNotAllowed(story_id, "only the submitter or the vetting officer edits a story")
    clean = {f: (new.get(f) or "").strip() for f in TEXT_FIELDS}
    pairs = [(clean["title"], clean["body"]), (clean["title_hi"], clean["body_hi"])]
    if any(bool(a) != bool(b) for a, b in pairs) or not any(a for a, _ in pairs):
        raise EditIncomplete(story_id, "each language needs its title and its text together")
    if any(len(clean[f]) > _TEXT_LIMITS[f] for f in TEXT_FIELDS):
        raise EditIncomplete(story_id, "a title or text is longer than the form allows")
    changed = [f for f in TEXT_FIELDS if clean[f] != (old.get(f) or "").strip()]
    if not changed:
        raise EditUnchanged(story_id, "the text is the same as before")
    return Step(story_id, "edit", status, status, actor, at, ", ".join(changed))
