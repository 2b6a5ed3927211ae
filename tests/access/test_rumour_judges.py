"""Only the social media cell judges a rumour and links its answer; the DGP, IGs and SPs read
the verdict, and a write by any other role is refused before it reaches the database."""

from __future__ import annotations

import pytest

from sampark.access import ROLES, SignedIn, judges_rumours, may_open
from ui import rumour_writes


def test_only_the_cell_judges_rumours():
    assert [r for r in ROLES if judges_rumours(r)] == ["social"]
    assert all(may_open(r, "directives") for r in ("dgp", "ig", "sp", "social"))


@pytest.mark.parametrize("role", ["dgp", "ig", "sp", "admin"])
def test_a_verdict_or_an_answer_from_another_role_is_refused(role):
    user = SignedIn(username=f"x-{role}", role=role)
    with pytest.raises(rumour_writes.NotAllowed):
        rumour_writes.judge(user, 1, "false")
    with pytest.raises(rumour_writes.NotAllowed):
        rumour_writes.link(user, 1, "directive:PHQ/14")
