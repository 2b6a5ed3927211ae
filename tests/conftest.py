"""Shared pytest fixtures.

- `db_url`: every test using it runs twice, on SQLite (a file in tmp_path) and on PostgreSQL
  (`SAMPARK_TEST_PG_URL`, each test on a freshly emptied `public` schema). Without that variable
  the PostgreSQL run skips, unless `SAMPARK_REQUIRE_PG=1`, where it fails. `scripts/test.sh`
  starts a throwaway server and sets both. The fixture also sets `DATABASE_URL` for the test.
  Under pytest-xdist each worker gets a database of its own beside that one (`<name>_gw0`, …,
  made on first use; the role needs CREATEDB), so parallel workers never empty each other's
  schema.
- `sqlite_url`: SQLite only, for quick tests.
- Tests marked `browser` run only with `SAMPARK_BROWSER=1` (set by `scripts/test.sh`).
- Streamlit's process-global caches are cleared around every test (if streamlit was imported).
- The clock is frozen for the whole session at `FROZEN_NOW` (`SAMPARK_NOW`, read by
  `sampark/clock.py`; subprocesses and the browser tests' servers inherit it), so no test
  depends on today's date. A test that needs the time reads it from `sampark.clock`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "SAMPARK_TEST_PG_URL"

# After the demo's last day (1 Nov 2026) and every time written in the tests' sheets.
FROZEN_NOW = "2026-11-20T10:00:00+05:30"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _flag("SAMPARK_BROWSER"):
        return
    skip = pytest.mark.skip(reason="browser test: set SAMPARK_BROWSER=1 (scripts/test.sh does)")
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _frozen_clock() -> Iterator[None]:
    """Every clock reads FROZEN_NOW; session-scoped so it is set before any module-scoped
    fixture (such as a browser test's server) starts a process."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAMPARK_NOW", FROZEN_NOW)
        yield


def _release_engines(url: str) -> None:
    """Dispose the cached engine for `url` (and forget all cached engines)."""
    db = sys.modules.get("sampark.db")
    if db is None:
        return
    engine_for = db.engine_for
    engine_for(url).dispose()
    engine_for.cache_clear()


def _worker_pg_url(url: str) -> str:
    """`url` itself in a serial run; under pytest-xdist, a database of this worker's own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return url
    import sqlalchemy as sa

    base = sa.make_url(url)
    name = f"{base.database}_{worker}"
    engine = sa.create_engine(base, poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            known = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if known is None:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _reset_pg_schema(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            # Connections left over from an earlier test (same role) would block the DROP.
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND usename = current_user"
                )
            )
            conn.execute(sa.text("SET LOCAL lock_timeout = '20s'"))
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An empty database URL: SQLite file in tmp_path, or a clean PostgreSQL schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/t.db"
    else:
        pg_url = os.environ.get(PG_ENV, "").strip()
        if not pg_url:
            message = f"PostgreSQL test: {PG_ENV} is not set (scripts/test.sh starts a server)"
            if _flag("SAMPARK_REQUIRE_PG"):
                pytest.fail(message + " and SAMPARK_REQUIRE_PG=1")
            pytest.skip(message)
        url = _worker_pg_url(pg_url)
        _reset_pg_schema(url)
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    _release_engines(url)


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty SQLite database file in tmp_path (also set as DATABASE_URL)."""
    url = f"sqlite:///{tmp_path}/t.db"
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    _release_engines(url)


def _clear_streamlit_caches() -> None:
    st = sys.modules.get("streamlit")
    if st is None:  # never imported in this process: nothing cached, and importing is slow
        return
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches() -> Iterator[None]:
    _clear_streamlit_caches()
    yield
    _clear_streamlit_caches()
