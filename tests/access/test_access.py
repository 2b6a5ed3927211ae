"""Roles, scopes, masking and the sign-in rule, with literal expectations."""

from datetime import datetime, timedelta

import polars as pl
import pytest

from sampark.access import (
    PAGES,
    STATE,
    AccessError,
    Scope,
    SignedIn,
    check_role,
    may_act,
    may_open,
    pages_for,
    phones_for,
    scope_for,
    sees_alert_details,
    sees_alerts,
    sees_directives,
    sees_phones,
)
from sampark.accounts import (
    AccountError,
    check_username,
    hash_password,
    password_matches,
    session_expired,
)

NOW = datetime(2026, 11, 23, 10, 0)


def test_each_role_opens_exactly_its_pages():
    assert {role: pages_for(role) for role in ("dgp", "sho", "social", "scrb", "admin")} == {
        "dgp": ("overview", "districts", "drilldown", "groups", "response", "social", "directives"),
        "sho": ("overview", "drilldown", "groups", "response", "social"),
        "social": ("social", "directives"),
        "scrb": ("response",),
        "admin": ("data", "audit"),
    }
    assert pages_for("data_officer") == ("data",)
    assert not may_open(None, "overview")
    assert not may_open("nobody", "overview")
    assert set(PAGES) == {p for role in ("dgp", "admin") for p in pages_for(role)}


def test_the_social_cell_sees_no_member_data_and_no_phones():
    # Stories and the rumours it answers; not how directives travelled.
    assert pages_for("social") == ("social", "directives")
    assert not sees_directives("social")
    assert not sees_phones("social")
    assert not sees_alerts("social")


def test_only_the_roles_that_act_on_alerts_see_them():
    assert [r for r in ("dgp", "ig", "sp", "co", "sho", "social", "scrb") if sees_alerts(r)] == [
        "sp",
        "sho",
        "scrb",
    ]
    assert [r for r in ("sp", "sho", "scrb") if sees_alert_details(r)] == ["sho", "scrb"]


def test_scope_roots_at_the_users_unit_only_for_field_roles():
    assert scope_for("dgp", None) == STATE
    assert scope_for("scrb", None).is_state
    assert scope_for("sp", "BR-NAL") == Scope("BR-NAL")
    assert SignedIn("a", "sho", "BR-NAL-T001").scope == Scope("BR-NAL-T001")


@pytest.mark.parametrize(
    ("role", "kind", "message"),
    [
        ("sp", "thana", "role sp needs a district unit, got a thana"),
        ("ig", None, "role ig needs a range unit, got no unit"),
        ("dgp", "district", "role dgp reads the whole state; give no unit"),
        ("king", None, "unknown role 'king'"),
    ],
)
def test_a_role_with_the_wrong_kind_of_unit_is_refused(role, kind, message):
    with pytest.raises(AccessError, match=message):
        check_role(role, kind)


def test_a_role_with_the_right_kind_of_unit_is_accepted():
    check_role("co", "circle")
    check_role("admin", None)


def test_phones_masked_for_roles_that_do_not_need_them():
    frame = pl.DataFrame({"phone": ["+919876543210", None], "name": ["A", "B"]})
    assert phones_for(frame, "dgp", ["phone"])["phone"].to_list() == ["+91 98•••••210", None]
    assert phones_for(frame, "co", ["phone"])["phone"].to_list() == ["+919876543210", None]
    assert phones_for(frame, None, ["phone"])["name"].to_list() == ["A", "B"]


def test_story_steps_follow_the_chain():
    assert may_act("sho", "submit") and not may_act("sho", "vet")
    assert may_act("co", "vet") and may_act("sp", "reject")
    assert may_act("social", "approve") and may_act("social", "post")
    assert not may_act("dgp", "approve") and not may_act("co", "approve")


def test_label_names_the_person_and_the_account():
    assert SignedIn("sho.kotwali", "sho", "T1", "Insp. Rana").label == "Insp. Rana (sho.kotwali)"
    assert SignedIn("cell", "social").label == "cell"


def test_password_hash_is_argon2_and_checks():
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert password_matches(hashed, "correct horse battery")
    assert not password_matches(hashed, "correct horse batterY")
    assert not password_matches("not a hash", "x")


def test_short_password_and_bad_username_are_refused():
    with pytest.raises(AccountError, match="at least 10 characters"):
        hash_password("short")
    with pytest.raises(AccountError, match="letters, digits"):
        check_username("sp nalanda")
    assert check_username(" SP.Nalanda ") == "sp.nalanda"


def test_session_runs_out_when_idle_or_too_old():
    start = NOW
    assert not session_expired(
        start, NOW + timedelta(minutes=29), NOW + timedelta(minutes=30), 30, 12
    )
    assert session_expired(start, NOW, NOW + timedelta(minutes=31), 30, 12)
    assert session_expired(
        start, NOW + timedelta(hours=12), NOW + timedelta(hours=12, minutes=1), 30, 12
    )


def test_phones_in_text_are_masked_unless_the_role_calls_members():
    from sampark.access import phones_in_text_for

    frame = pl.DataFrame({"reason": ["unknown group G9"], "raw": ["G9 | Ram | 9876500001"]})
    masked = phones_in_text_for(frame, "data_officer", ["reason", "raw"])
    assert masked.rows() == [("unknown group G9", "G9 | Ram | +91 98•••••001")]
    assert phones_in_text_for(frame, "sho", ["reason", "raw"]).equals(frame)
