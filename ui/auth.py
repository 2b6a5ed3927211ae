"""Sign-in before anything is shown, session expiry, the demo role switcher, the page gate and
the audit entries a page writes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import polars as pl
import streamlit as st

from sampark.access import ROLE_UNIT_KIND, ROLES, SignedIn, may_open
from sampark.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    oidc_refusal,
    oidc_signed_in_at,
    session_expired,
)
from sampark.clock import now_local
from sampark.i18n import t
from sampark.queries.accounts import user_row
from sampark.queries.demo import demo_mode_is_on
from sampark.queries.network import network
from sampark.queries.sessions import stored_session
from sampark.safety.escaping import markdown_literal
from sampark.sessions import needs_touch, session_refusal
from sampark.settings import load_settings
from sampark.store import accounts as store_accounts
from sampark.store import audit as store_audit
from sampark.store import sessions as store_sessions
from sampark.tables.names import unit_labels
from ui import session
from ui.loaders.run import current_engine
from ui.password_sign_in import password_sign_in
from ui.session_cookie import claim_cookie, cookie_session

# A page opened by a role not allowed on it says so and stops; nothing else of it runs.

# The one-time token of a session just opened, until the page has traded it for the cookie.
CLAIM = "auth_claim"
# How long an open tab's stored session counts as checked: clicks within this need no
# database round trip (the issue of many officers at once); revocation elsewhere reaches an
# open tab within it.
CHECK_SECONDS = 10
_CHECKS_KEPT = 4096


def _now() -> datetime:
    return now_local()


def record(action: str, target: str, detail: str | None = None) -> None:
    """Write an audit entry for the signed-in user (views of alert details, exports, …)."""
    user = session.current_user()
    with current_engine().begin() as conn:
        store_audit.record_audit(
            conn, _now(), user.label if user else "anonymous", action, target, detail
        )


def _still_valid(user: SignedIn, lang: str) -> bool:
    """False (and the session ended, with a message) when it ran out or the account was
    disabled since signing in."""
    settings = load_settings()
    now = _now()
    started = st.session_state.get(session.SIGNED_IN_AT)
    seen = st.session_state.get(session.SEEN_AT)
    if (
        not isinstance(started, datetime)
        or not isinstance(seen, datetime)
        or session_expired(
            started, seen, now, settings.session_idle_minutes, settings.session_max_hours
        )
    ):
        session.end()
        st.session_state["auth_notice"] = t("auth_expired", lang)
        return False
    if user.demo and _demo_session_ended(lang):
        return False
    stored = session.stored_id()
    if stored is not None:
        if not _stored_still_valid(stored, now, lang):
            return False
    elif not user.demo:
        with current_engine().connect() as conn:
            row = user_row(conn, user.username)
        if row is None or row["disabled"]:
            session.end()
            st.session_state["auth_notice"] = t("auth_disabled", lang)
            return False
    st.session_state[session.SEEN_AT] = now
    return True


@st.cache_resource
def _checked() -> dict[str, datetime]:
    """Stored session id -> when this server last found it valid in the database."""
    return {}


def _stored_still_valid(session_id: str, now: datetime, lang: str) -> bool:
    """The stored session as every replica sees it: not signed out (in this tab or another),
    its account not disabled, within the limits. The database is asked at most once every
    CHECK_SECONDS per session on this server, not on every click (a sign-out here forgets
    the check at once; a sign-out, disabling or new password elsewhere ends an open tab within
    CHECK_SECONDS; a reload or another replica is refused at once). Its last_seen is written
    at most once a minute, so the idle limit holds across replicas without a write per click."""
    checked = _checked()
    last = checked.get(session_id)
    if last is not None and timedelta(0) <= now - last < timedelta(seconds=CHECK_SECONDS):
        return True
    checked.pop(session_id, None)
    settings = load_settings()
    with current_engine().connect() as conn:
        stored = stored_session(conn, session_id)
    refusal = session_refusal(
        stored, now, settings.session_idle_minutes, settings.session_max_hours
    )
    if refusal is not None:
        session.end()
        notice = {"disabled": "auth_disabled", "expired": "auth_expired"}.get(
            refusal, "sessions_signed_out"
        )
        st.session_state["auth_notice"] = t(notice, lang)
        return False
    assert stored is not None
    if needs_touch(stored.last_seen_at, now):
        with current_engine().begin() as conn:
            store_sessions.touch_session(conn, session_id, now)
    if len(checked) > _CHECKS_KEPT:
        checked.clear()
    checked[session_id] = now
    return True


def _resumed(lang: str) -> SignedIn | None:
    """The officer of the browser's session cookie, signed in again on this server (after a
    reload, or on another replica when theirs died), if the stored session still holds."""
    session_id = cookie_session()
    if session_id is None:
        return None
    settings = load_settings()
    now = _now()
    with current_engine().connect() as conn:
        stored = stored_session(conn, session_id)
        row = user_row(conn, stored.username) if stored is not None else None
    refusal = session_refusal(
        stored, now, settings.session_idle_minutes, settings.session_max_hours
    )
    if refusal is not None or stored is None or row is None:
        return None
    user = SignedIn(
        username=stored.username,
        role=str(row["role"]),
        unit_id=row["unit_id"],
        display_name=row["display_name"],
    )
    session.start(user, now, signed_in_at=stored.created_at, session_id=session_id)
    with current_engine().begin() as conn:
        store_sessions.touch_session(conn, session_id, now)
    return user


def _password_form(lang: str) -> None:
    with st.form("sign_in"):
        name = st.text_input(t("auth_username", lang), key="auth_username")
        password = st.text_input(t("auth_password", lang), type="password", key="auth_password")
        if not st.form_submit_button(t("auth_sign_in", lang), type="primary"):
            return
    now = _now()
    account = password_sign_in(current_engine(), name, password, now)
    if account is None:
        # One answer for a wrong password, an unknown name, a locked and a disabled account:
        # the form must not tell a guesser which names exist or which are locked.
        failed = t("signin_failed", lang, n=MAX_FAILURES, minutes=LOCK_MINUTES)
        st.error(failed, icon=":material/lock:")
        return
    _enter(str(account["username"]), account, now)


def _oidc_signed_in() -> bool:
    # st.user has no is_logged_in key when no identity provider is configured at all.
    return bool(st.user.get("is_logged_in", False))


def _oidc(provider: str, lang: str) -> None:
    """Sign-in through the deployment's identity provider; the role still comes from the users
    table, matched on the e-mail address the provider vouches for. The provider's sign-in
    opens a session only while it is fresh (within the idle limit), so a session that ran out
    needs a new st.login; the session's 12 hours count from the provider's sign-in."""
    login = t("auth_oidc", lang, provider=provider)
    if not _oidc_signed_in():
        if st.button(login, icon=":material/badge:"):
            st.login(provider)
        return
    claims = st.user.to_dict()
    now = _now()
    refusal = oidc_refusal(claims, now, load_settings().session_idle_minutes)
    if refusal == "stale":
        st.caption(t("signin_oidc_again", lang, provider=provider))
        if st.button(login, icon=":material/badge:"):
            st.login(provider)
        return
    email = str(claims.get("email") or "").strip().lower()
    row = None
    with current_engine().begin() as conn:
        if refusal is None and email:
            row = user_row(conn, email)
        if row is None or row["disabled"]:
            # Counted like a failed password, one row per name and minute: every rerun of
            # this screen comes back here. An address the provider does not vouch for is
            # not written.
            store_accounts.record_sign_in_failure(conn, email if refusal is None else None, now)
            row = None
        else:
            store_audit.record_audit(
                conn, now, email, "sign_in", f"user:{email}", f"oidc {provider}"
            )
    if row is None:
        if refusal == "unverified":
            st.error(t("signin_oidc_unverified", lang), icon=":material/lock:")
        else:
            st.error(
                t("auth_oidc_unknown", lang, email=markdown_literal(email or "?")),
                icon=":material/lock:",
            )
        if st.button(t("auth_sign_out", lang)):
            st.logout()
        return
    _enter(email, row, now, signed_in_at=oidc_signed_in_at(claims))


def _enter(
    username: str, row: dict[str, Any], at: datetime, *, signed_in_at: datetime | None = None
) -> None:
    """Start the session of the account `row` (its role and scope) on a fresh session state
    and draw the app."""
    user = SignedIn(
        username=username,
        role=str(row["role"]),
        unit_id=row["unit_id"],
        display_name=row["display_name"],
    )
    with current_engine().begin() as conn:
        session_id, claim = store_sessions.open_session(conn, username, signed_in_at or at, at)
    session.start(user, at, signed_in_at=signed_in_at, session_id=session_id)
    st.session_state[CLAIM] = claim
    st.rerun()


def _demo_session_ended(lang: str) -> bool:
    """True (and the session ended, with a notice) when a session the role switcher opened
    outlived demo mode: a real file or account arrived, or the switcher was turned off."""
    if load_settings().demo_switcher:
        with current_engine().connect() as conn:
            if demo_mode_is_on(conn):
                return False
    session.end()
    st.session_state["auth_notice"] = t("auth_demo_ended", lang)
    return True


def _demo_switcher(lang: str) -> None:
    """While demo mode is on only (the database holds nothing but the demo's own files and no
    account): enter as any role, clearly labelled as such."""
    with current_engine().connect() as conn:
        if not demo_mode_is_on(conn):
            return
        units = network(conn, SignedIn("demo", "dgp").scope).units
    st.divider()
    st.subheader(t("auth_demo_title", lang))
    st.caption(t("auth_demo_note", lang))
    role = st.selectbox(
        t("auth_demo_role", lang),
        ROLES,
        format_func=lambda r: t(f"access_role_{r}", lang),
        key="auth_demo_role",
    )
    kind = ROLE_UNIT_KIND[str(role)]
    unit_id: str | None = None
    if kind is not None:
        options = units.filter(pl.col("kind") == kind).sort("name")
        labels = unit_labels(options, lang)
        unit_id = st.selectbox(
            t(f"level_{kind}", lang),
            list(labels),
            format_func=lambda u: labels.get(u, u),
            key=f"auth_demo_unit_{kind}",
        )
    if st.button(t("auth_demo_enter", lang), icon=":material/theater_comedy:"):
        user = SignedIn(
            username=f"demo-{role}",
            role=str(role),
            unit_id=unit_id,
            display_name=t("auth_demo_user", lang, role=t(f"access_role_{role}", lang)),
            demo=True,
        )
        with current_engine().begin() as conn:
            store_audit.record_audit(
                conn, _now(), user.label, "sign_in", f"user:{user.username}", "demo switcher"
            )
        session.start(user, _now())
        st.rerun()


def signed_in(lang: str) -> SignedIn:
    """The signed-in user; otherwise the sign-in screen, and the run stops there.

    The screen is the only page of a hidden navigation: without st.navigation Streamlit would
    list every file of pages/ in the sidebar for the visitor to click."""
    user = session.current_user()
    if user is not None and _still_valid(user, lang):
        claim = st.session_state.pop(CLAIM, None)
        if isinstance(claim, str):
            claim_cookie(claim)
        return user
    if user is None:
        resumed = _resumed(lang)
        if resumed is not None:
            return resumed
    screen = st.Page(
        lambda: _sign_in_screen(lang), title=t("auth_title", lang), url_path="signin", default=True
    )
    st.navigation([screen], position="hidden").run()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises; this line satisfies mypy


def _sign_in_screen(lang: str) -> None:
    st.title(t("auth_title", lang))
    notice = st.session_state.pop("auth_notice", None)
    if notice:
        st.warning(notice, icon=":material/timer_off:")
    st.caption(t("auth_intro", lang))
    _password_form(lang)
    settings = load_settings()
    if settings.oidc_provider:
        _oidc(settings.oidc_provider, lang)
    if settings.demo_switcher:
        _demo_switcher(lang)


def sidebar_account(user: SignedIn, lang: str) -> None:
    """Who is signed in, in what role and scope, and the sign-out button."""
    role = t(f"access_role_{user.role}", lang)
    # A demo role's name is made from the role, so it follows the language switch too
    # (it read "Demo DGP / PHQ · डीजीपी / पुलिस मुख्यालय" after switching to Hindi).
    if user.demo:  # "Demo SP (district)" names the role already
        st.sidebar.markdown(f"**{t('auth_demo_user', lang, role=role)}**")
    else:
        name = markdown_literal(user.display_name or user.username)
        st.sidebar.markdown(f"**{name}** · {role}")
    if user.demo:
        st.sidebar.caption(t("auth_demo_badge", lang))
    if st.sidebar.button(t("auth_sign_out", lang), icon=":material/logout:", key="auth_sign_out"):
        record("sign_out", f"user:{user.username}")
        stored = session.stored_id()
        if stored is not None:
            with current_engine().begin() as conn:
                store_sessions.revoke_session(conn, stored, _now())
            _checked().pop(stored, None)
        session.end()
        if _oidc_signed_in():
            st.logout()
        st.rerun()


def page_user(page: str) -> SignedIn:
    """The signed-in user, if their role may open `page`; otherwise a refusal, and the page
    stops before it reads anything."""
    lang = str(st.session_state.get("lang", "en"))
    user = session.current_user()
    if user is None:
        st.warning(t("auth_needed", lang), icon=":material/lock:")
        st.stop()
    assert user is not None
    if not may_open(user.role, page):
        st.error(t("auth_not_allowed", lang), icon=":material/block:")
        st.stop()
    return user
