"""Fixtures of the deployment tests: free ports for the proxy and its replicas, and a run
folder. Their database is the suite's `db_url` fixture on PostgreSQL only (an emptied schema of
`SAMPARK_TEST_PG_URL`).

They run where nginx and PostgreSQL are (scripts/test.sh installs nginx and starts a
throwaway PostgreSQL server) and skip with the reason elsewhere; with `SAMPARK_REQUIRE_PG=1` a
missing PostgreSQL fails instead, as in the rest of the suite."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "deploy: starts nginx and dashboard replicas")


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def base_port() -> int:
    """A port P with P, P+1 and P+2 free (the proxy and two replicas)."""
    # Parallel test workers (pytest-xdist) search apart, so two never take the same ports.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = 18500 + 250 * (int(worker) % 4 if worker.isdigit() else 0)
    for port in range(start, start + 250, 10):
        if all(_free(port + i) for i in range(3)):
            return port
    pytest.skip(f"no three free ports in {start}–{start + 250}")


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    path = tmp_path / "run"
    path.mkdir()
    return path


@pytest.fixture
def nginx() -> str:
    """Debian's nginx binary (not on a non-root PATH: /usr/sbin), or the test is skipped."""
    found = shutil.which("nginx")
    if found is None and os.access("/usr/sbin/nginx", os.X_OK):
        found = "/usr/sbin/nginx"
    if found is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx; scripts/test.sh does)")
    return found
