"""A warm click of a signed-in officer asks the database neither whether it is empty nor
whether the stored session holds (both were asked on every rerun), and the data version once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

import ui.auth
from sampark.access import SignedIn
from sampark.store import sessions as store_sessions
from tests.coverage_demo import DASHBOARD
from tests.signin_setup import NOW, accounts_db, cheap_argon2  # noqa: F401  (a fixture)
from ui import session

pytestmark = pytest.mark.usefixtures("cheap_argon2")


@pytest.fixture
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split())[:80])

    sa.event.listen(sa.Engine, "before_cursor_execute", count)
    yield seen
    sa.event.remove(sa.Engine, "before_cursor_execute", count)


def _click(session_id: str, monkeypatch, after: timedelta) -> AppTest:
    monkeypatch.setattr(ui.auth, "_now", lambda: NOW + after)
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    user = SignedIn(username="admin.hq", role="admin")
    for key, value in session.signed_in_state(user, NOW, session_id=session_id).items():
        at.session_state[key] = value
    return at.run()


def test_a_warm_click_asks_neither_emptiness_nor_the_session_again(
    sqlite_url, tmp_path, monkeypatch, statements
):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    engine = accounts_db(sqlite_url)
    with engine.begin() as conn:
        session_id, _claim = store_sessions.open_session(conn, "admin.hq", NOW, NOW)
    assert not _click(session_id, monkeypatch, timedelta(0)).exception  # cold: fills caches
    statements.clear()
    at = _click(session_id, monkeypatch, timedelta(seconds=3))
    assert not at.exception
    assert at.title[0].value.startswith("Data:")
    assert [s for s in statements if "sessions" in s or "EXISTS" in s] == []
    version = [s for s in statements if s.startswith("SELECT count(*) AS count_1, max(etl_files")]
    assert len(version) == 1, statements
    # Past the check interval the stored session is asked again.
    statements.clear()
    _click(session_id, monkeypatch, timedelta(seconds=ui.auth.CHECK_SECONDS + 3))
    assert len([s for s in statements if s.startswith("SELECT sessions.")]) == 1, statements
