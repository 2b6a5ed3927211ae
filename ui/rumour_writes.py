"""The social media cell's writes on a rumour: its verdict and the answer it links, each one
transaction through `sampark.store.rumours` (which records who, when and the audit entry)."""

from __future__ import annotations

from sampark.access import SignedIn, judges_rumours
from sampark.clock import now_utc
from sampark.store import rumours as store_rumours
from ui.loaders.run import current_engine


class NotAllowed(PermissionError):
    """The signed-in role does not judge rumours."""


def _check(user: SignedIn) -> None:
    if not judges_rumours(user.role):
        raise NotAllowed(user.role)


def judge(user: SignedIn, cluster: int, verdict: str) -> None:
    """Record `user`'s verdict on the rumour `cluster` (false, true or unclear)."""
    _check(user)
    with current_engine().begin() as conn:
        store_rumours.set_verdict(conn, cluster, verdict, user.label, now_utc())


def link(user: SignedIn, cluster: int, choice: str) -> None:
    """Link the answer `choice` ("directive:<id>" or "cluster:<id>", as
    `tables.spread_rumours.answer_choices` names them) to the rumour `cluster`."""
    _check(user)
    kind, _, value = choice.partition(":")
    with current_engine().begin() as conn:
        if kind == "directive":
            store_rumours.link_answer(conn, cluster, user.label, now_utc(), directive_id=value)
        else:
            store_rumours.link_answer(
                conn, cluster, user.label, now_utc(), answer_cluster=int(value)
            )
