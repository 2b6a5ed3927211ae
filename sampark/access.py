"""Roles, what each may open and do, the scope each reads, and phone masking.

Pure: the login (ui/auth.py) decides who is signed in; `sampark.queries` takes the `Scope` this
module gives and reads nothing outside it; pages ask `may_open` before showing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sampark.phones import mask_phone, mask_phones_in_texts
from sampark.rowwise import through

# Every role, with the unit kind its scope is rooted at (None: the whole state).
ROLE_UNIT_KIND: dict[str, str | None] = {
    "dgp": None,
    "ig": "range",
    "sp": "district",
    "co": "circle",
    "sho": "thana",
    "social": None,
    "scrb": None,
    "data_officer": None,
    "admin": None,
}
ROLES = tuple(ROLE_UNIT_KIND)

# Page ids, in the order of the navigation.
PAGES = (
    "overview",
    "districts",
    "drilldown",
    "groups",
    "response",
    "social",
    "directives",
    "data",
    "audit",
)

_FIELD = ("overview", "drilldown", "groups", "response", "social")
ROLE_PAGES: dict[str, tuple[str, ...]] = {
    "dgp": ("overview", "districts", "drilldown", "groups", "response", "social", "directives"),
    "ig": ("overview", "districts", "drilldown", "groups", "response", "social", "directives"),
    "sp": (*_FIELD, "directives"),
    "co": _FIELD,
    "sho": _FIELD,
    # The social cell sees stories and the rumours it answers: no member lists, no phones.
    "social": ("social", "directives"),
    "scrb": ("response",),
    "data_officer": ("data",),
    "admin": ("audit", "data"),
}

# Who may read volunteers' phone numbers unmasked: the officers who run the groups and call
# the members. Everyone else sees +91 98•••••210.
_PHONE_ROLES = frozenset({"sp", "co", "sho"})
# Self-harm alerts: only the roles that act on them (the SCRB helpdesk traces and forwards, the
# SP's control room and the SHO reach the person). Identifying details go to fewer still.
_ALERT_ROLES = frozenset({"scrb", "sp", "sho"})
_ALERT_DETAIL_ROLES = frozenset({"scrb", "sho"})
# How directives travelled is for the chain that sends them; the cell sees only the rumours.
_DIRECTIVE_ROLES = frozenset({"dgp", "ig", "sp"})
# Only the social media cell judges a rumour and links the police's answer; the chain reads.
_RUMOUR_JUDGES = frozenset({"social"})
# Register response times are for the supervising chain and the helpdesk.
_REGISTER_ROLES = frozenset({"dgp", "ig", "sp", "co", "sho", "scrb"})

# Story workflow actions by role: stations submit, the CO or SP vets, the social cell approves
# and posts; each may reject at its own step.
STORY_ACTIONS: dict[str, frozenset[str]] = {
    "sho": frozenset({"submit"}),
    "co": frozenset({"submit", "vet", "reject"}),
    "sp": frozenset({"submit", "vet", "reject"}),
    # Only the cell records the SHO's or IO's written order that lifts a block, as received:
    # the officers whose story is blocked do not lift the block themselves.
    "social": frozenset({"approve", "post", "reject", "override"}),
}


class AccessError(ValueError):
    """A role or scope that cannot be granted, with the reason."""


@dataclass(frozen=True)
class Scope:
    """The unit whose subtree a user reads; `root=None` is the whole state."""

    root: str | None = None

    @property
    def is_state(self) -> bool:
        return self.root is None


STATE = Scope()


@dataclass(frozen=True)
class SignedIn:
    """Who is using the dashboard: an account, or a demo role chosen in the switcher."""

    username: str
    role: str
    unit_id: str | None = None
    display_name: str | None = None
    demo: bool = False

    @property
    def scope(self) -> Scope:
        return scope_for(self.role, self.unit_id)

    @property
    def label(self) -> str:
        """How steps and audit entries name this person: "name (username)" or the username."""
        if self.display_name and self.display_name != self.username:
            return f"{self.display_name} ({self.username})"
        return self.username


def check_role(role: str, unit_kind: str | None) -> None:
    """Raise AccessError unless `role` exists and `unit_kind` is the kind its scope needs."""
    if role not in ROLE_UNIT_KIND:
        raise AccessError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    want = ROLE_UNIT_KIND[role]
    if want is None and unit_kind is not None:
        raise AccessError(f"role {role} reads the whole state; give no unit")
    if want is not None and unit_kind != want:
        got = "no unit" if unit_kind is None else f"a {unit_kind}"
        raise AccessError(f"role {role} needs a {want} unit, got {got}")


def scope_for(role: str, unit_id: str | None) -> Scope:
    """The scope a user of `role` at `unit_id` reads."""
    return STATE if ROLE_UNIT_KIND.get(role) is None else Scope(unit_id)


def may_open(role: str | None, page: str) -> bool:
    return role is not None and page in ROLE_PAGES.get(role, ())


def pages_for(role: str) -> tuple[str, ...]:
    """The pages a role may open, in navigation order."""
    return tuple(p for p in PAGES if may_open(role, p))


def sees_phones(role: str | None) -> bool:
    return role in _PHONE_ROLES


def sees_alerts(role: str | None) -> bool:
    return role in _ALERT_ROLES


def sees_directives(role: str | None) -> bool:
    """How directives travelled: the DGP, IGs and SPs (the cell sees the rumours only)."""
    return role in _DIRECTIVE_ROLES


def judges_rumours(role: str | None) -> bool:
    """Who marks a rumour false / true / not clear and links its answer: the social media
    cell. The DGP, IGs and SPs read the verdict."""
    return role in _RUMOUR_JUDGES


def sees_alert_details(role: str | None) -> bool:
    return role in _ALERT_DETAIL_ROLES


def sees_registers(role: str | None) -> bool:
    return role in _REGISTER_ROLES


def may_act(role: str | None, action: str) -> bool:
    """Whether `role` may take story workflow `action` (submit, vet, approve, post, reject,
    override)."""
    return role is not None and action in STORY_ACTIONS.get(role, frozenset())


def phones_for(frame: pl.DataFrame, role: str | None, columns: list[str]) -> pl.DataFrame:
    """`frame` with the phone `columns` masked unless `role` needs the full numbers.

    >>> f = pl.DataFrame({"phone": ["+919876543210"]})
    >>> phones_for(f, "social", ["phone"])["phone"][0]
    '+91 98•••••210'
    >>> phones_for(f, "sho", ["phone"])["phone"][0]
    '+919876543210'
    """
    if sees_phones(role):
        return frame
    # In this thread, not on polars' workers (see sampark.rowwise).
    return frame.with_columns(through(frame.get_column(c), mask_phone, pl.String) for c in columns)


def phones_in_text_for(frame: pl.DataFrame, role: str | None, columns: list[str]) -> pl.DataFrame:
    """`frame` with every phone number inside the free-text `columns` (a reject's reason and
    cells, a file's name and reason) masked unless `role` needs the full numbers.

    >>> f = pl.DataFrame({"raw": ["G9 | Ram | 9876500001"]})
    >>> phones_in_text_for(f, "data_officer", ["raw"])["raw"][0]
    'G9 | Ram | +91 98•••••001'
    """
    if sees_phones(role):
        return frame
    return frame.with_columns(mask_phones_in_texts(frame.get_column(c)) for c in columns)
