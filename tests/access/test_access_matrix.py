"""Role × page: signed in as each role, each page either shows its content or refuses with
nothing else on it; scoped roles see only their own units; phones masked by role; a visitor who
has not signed in sees only the sign-in. AppTest on the small demo (SQLite)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta

import polars as pl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from sampark.access import PAGES, ROLES, SignedIn, may_open
from sampark.accounts import hash_password
from sampark.clock import now_local
from sampark.db import migrate
from sampark.store import accounts as store_accounts
from tests.auth_helpers import login_as, sign_in_state
from tests.coverage_demo import DASHBOARD, ROOT, demo_db
from tests.download_helpers import deferred_id, recorded_managers

# A unit of the right kind for each scoped role, in the small demo.
UNIT = {"ig": "BR-R-CEN", "sp": "BR-PAT", "co": "BR-PAT-C01", "sho": "BR-PAT-T001"}
REFUSAL = "Your role does not give access to this page."


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture
def env(url, monkeypatch, tmp_path) -> str:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return url


def _page(page: str, role: str, **state: object) -> AppTest:
    at = login_as(
        AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120),
        role,
        UNIT.get(role),
    )
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _shown(at: AppTest) -> int:
    """How many data-bearing elements the run drew."""
    return len(at.dataframe) + len(at.metric) + len(at.get("plotly_chart"))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_pages_and_is_refused_the_others(env, role):
    for page in PAGES:
        at = _page(page, role)
        assert not at.exception, (role, page, [e.value for e in at.exception])
        refused = [e.value for e in at.error if e.value == REFUSAL]
        if may_open(role, page):
            assert not refused, (role, page)
            assert _shown(at) > 0, (role, page)
        else:
            assert refused, (role, page)
            assert _shown(at) == 0, (role, page)


def _subtree(url: str, root: str) -> set[str]:
    with sa.create_engine(url).connect() as conn:
        rows = conn.execute(sa.text("SELECT unit_id, parent_id FROM units")).all()
    inside, frontier = {root}, {root}
    while frontier:
        frontier = {u for u, p in rows if p in frontier} - inside
        inside |= frontier
    return inside


def test_an_sho_sees_only_the_groups_of_the_own_thana(env):
    at = _page("groups", "sho")
    health = next(d.value for d in at.dataframe if "Days since last message" in d.value.columns)
    with sa.create_engine(env).connect() as conn:
        own = set(
            conn.execute(sa.text("SELECT name FROM groups WHERE unit_id = 'BR-PAT-T001'")).scalars()
        )
    assert own and set(health["Group"]) == own


def test_an_sp_drills_down_only_inside_the_district(env):
    at = _page("drilldown", "sp")
    ids = set(json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["ids"])
    with sa.create_engine(env).connect() as conn:
        groups = set(conn.execute(sa.text("SELECT group_id FROM groups")).scalars())
    inside = _subtree(env, "BR-PAT")
    assert ids and {i for i in ids if i not in groups} <= inside
    assert "BR-NAL" not in ids


def test_a_sho_cannot_widen_the_scope_through_the_sidebar_state(env):
    # Session state naming another district (as a crafted request might) changes nothing.
    at = _page("overview", "sho", range_en="BR-R-CEN", **{"district_BR-R-CEN_en": "BR-NAL"})
    # The first caption is the data's age; the scope's follows it.
    caption = at.caption[1].value
    assert caption.startswith("Kotwali") and "Nalanda" not in caption


def _members(role: str) -> pl.DataFrame:
    at = _page(
        "groups",
        role,
        health_members_group="G-BR-PAT-T001",
    )
    assert not at.exception, [e.value for e in at.exception]
    return pl.from_pandas(next(d.value for d in at.dataframe if "Mobile" in d.value.columns))


def test_member_phones_are_full_for_the_sho_and_masked_for_the_dgp(env):
    full, masked = _members("sho"), _members("dgp")
    assert full["Mobile"].str.contains(r"^\+91\d{10}$").all()
    assert masked["Mobile"].str.contains(r"^\+91 \d\d•••••\d{3}$").all()
    assert full.height == masked.height > 0


def test_the_social_cell_page_shows_no_phone_number(env):
    at = _page("social", "social")
    shown = " ".join(d.value.to_csv() for d in at.dataframe)
    shown += " ".join(m.value for m in at.markdown)
    assert "+91" not in shown


def test_a_visitor_who_has_not_signed_in_sees_only_the_sign_in(env):
    at = AppTest.from_file(DASHBOARD, default_timeout=120).run()
    assert not at.exception
    assert at.title[0].value == "Sampark — sign in"
    assert _shown(at) == 0
    # Not the demo the dashboard built itself, so no role switcher either.
    assert [b.label for b in at.button] == ["Sign in"]
    assert [w.label for w in at.text_input] == ["Username", "Password"]


def test_a_page_opened_without_signing_in_reads_nothing(env):
    at = AppTest.from_file(str(ROOT / "pages" / "overview.py"), default_timeout=60).run()
    assert at.warning[0].value == "Please sign in first."
    assert _shown(at) == 0


def test_with_an_identity_provider_named_the_sign_in_offers_it(env, monkeypatch):
    monkeypatch.setenv("SAMPARK_OIDC_PROVIDER", "phq")
    at = AppTest.from_file(DASHBOARD, default_timeout=120).run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in", "Sign in with phq"]
    assert _shown(at) == 0


@pytest.fixture
def own_db(url, monkeypatch, tmp_path) -> str:
    """A copy of the demo database with one account, so sign-ins can write to it."""
    copy = tmp_path / "own.db"
    shutil.copy(url.removeprefix("sqlite:///"), copy)
    own = f"sqlite:///{copy}"
    with migrate(own).begin() as conn:
        store_accounts.add_user(
            conn,
            username="sp.patna",
            password_hash=hash_password("patna-pass-2026"),
            role="sp",
            unit_id="BR-PAT",
            display_name="SP Patna",
            at=datetime(2026, 11, 1),
            actor="test",
        )
    monkeypatch.setenv("DATABASE_URL", own)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return own


def _sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="auth_username").input("SP.Patna")
    at.text_input(key="auth_password").input(password)
    return at.button[0].click().run()


def test_signing_in_with_a_password_opens_the_sps_own_district(own_db):
    at = AppTest.from_file(DASHBOARD, default_timeout=120).run()
    at = _sign_in(at, "wrong-password")
    assert at.error[0].value.startswith("Sign-in failed") and _shown(at) == 0
    at = _sign_in(at, "patna-pass-2026")
    assert not at.exception
    assert at.metric and at.caption[1].value.startswith("Patna")  # after the data's age
    with sa.create_engine(own_db).connect() as conn:
        log = conn.execute(
            sa.text("SELECT actor, action, detail FROM audit_log ORDER BY audit_id")
        ).all()
    assert log[-2:] == [("sp.patna", "sign_in_failed", None), ("sp.patna", "sign_in", None)]


def _signed_in_sp(seen_minutes_ago: int = 0) -> AppTest:
    """The dashboard run once with sp.patna's account signed in `seen_minutes_ago` (as the
    sign-in form leaves it). One run only: AppTest re-runs just the page after the first."""
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    seen = now_local() - timedelta(minutes=seen_minutes_ago)
    return sign_in_state(at, SignedIn("sp.patna", "sp", "BR-PAT", "SP Patna"), seen).run()


def test_a_session_idle_too_long_ends_with_a_notice(own_db):
    assert _signed_in_sp(29).metric
    at = _signed_in_sp(31)
    assert at.warning[0].value.startswith("Your session ended")
    assert _shown(at) == 0


def test_disabling_an_account_ends_its_open_session(own_db):
    assert _signed_in_sp().metric
    with migrate(own_db).begin() as conn:
        store_accounts.set_user_disabled(conn, "sp.patna", True, now_local(), "test")
    at = _signed_in_sp()
    assert at.warning[0].value == "Your account has been disabled. Contact the administrator."
    assert _shown(at) == 0


def test_a_download_is_written_to_the_audit_log(own_db, monkeypatch):
    managers = recorded_managers(monkeypatch)
    login_as(
        AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120),
        "data_officer",
        name="DO Verma",
    ).run()
    # The file is made (and its row written) when the browser asks for it: rejects.csv.
    (manager,) = managers
    manager.execute_deferred(deferred_id(manager, "rejects.csv"))
    with sa.create_engine(own_db).connect() as conn:
        last = conn.execute(
            sa.text("SELECT actor, action, target FROM audit_log ORDER BY audit_id DESC LIMIT 1")
        ).one()
    assert tuple(last) == ("DO Verma (test-data_officer)", "export", "rejects.csv")
