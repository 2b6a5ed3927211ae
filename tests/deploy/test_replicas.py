"""scripts/serve.sh: two dashboard replicas behind nginx on one PostgreSQL, at small scale.

Through the proxy: the health check answers, a websocket session renders the sign-in page and
signs in (bench/load.py's client, which speaks Streamlit's protocol as the browser does, and
claims the session cookie as the page's script does), and when the replica that served it is
killed, the proxy keeps serving: the same browser (its cookies) opens signed in on the other
replica, which finds the session in PostgreSQL; a new browser gets the sign-in page."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.load import StreamlitClient, health

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "scripts" / "serve.sh"
ADMIN, PASSWORD = "deploy.admin", "replica-test-password"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by serve.sh) counts as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{what} not within {timeout:.0f} s")


def _proxy_up(serve: subprocess.Popen[str], run_dir: Path, url: str) -> bool:
    if serve.poll() is not None:
        raise AssertionError(f"serve.sh exited ({serve.returncode}) before the proxy was up")
    return (run_dir / "nginx.pid").is_file() and health(url) == "ok"


def _logs(run_dir: Path) -> str:
    """The end of each log in the run folder, for a failure's message."""
    parts = []
    for log in sorted((run_dir / "logs").glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-15:]
        parts.append(f"--- {log.name}\n" + "\n".join(tail))
    return "\n".join(parts)


def _serve(args: list[str], db_url: str, run_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": db_url}
    return subprocess.Popen(
        ["bash", str(SERVE), *args, "--run-dir", str(run_dir)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def test_serve_refuses_a_sqlite_database_for_several_replicas(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", str(SERVE), "--replicas", "2", "--run-dir", str(tmp_path / "run")],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/one.db"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--replicas 2 needs PostgreSQL" in done.stderr
    assert "DATABASE_URL=postgresql+psycopg://" in done.stderr
    assert not (tmp_path / "run" / "nginx.conf").exists()


def _add_admin(pg_url: str) -> None:
    """An account, so the database is not empty (no demo to build) and sign-in works."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sampark",
            "users",
            "add",
            ADMIN,
            "--role",
            "admin",
            "--password-stdin",
            "--db",
            pg_url,
        ],
        cwd=ROOT,
        input=PASSWORD,
        text=True,
        check=True,
        capture_output=True,
    )


async def _first_session(url: str) -> tuple[StreamlitClient, list[str]]:
    """A browser signed in through the proxy, and the pages it is shown."""
    async with StreamlitClient(url, timeout=60) as client:
        screen = await client.rerun()
        assert screen.has_password_input and not screen.exceptions
        await client.sign_in(ADMIN, PASSWORD)
        return client, [p.url_path for p in client.pages]


async def _after_kill(url: str, cookies: dict[str, str] | None) -> tuple[str | None, bool, bool]:
    """The replica that answered, whether it showed the sign-in form, any exception."""
    browser = StreamlitClient(url, timeout=60)
    await browser.connect(cookies)
    try:
        screen = await browser.rerun()
        return browser.replica, screen.has_password_input, bool(screen.exceptions)
    finally:
        await browser.close()


@pytest.mark.deploy
@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_replicas_behind_the_proxy_keep_serving_when_one_dies(
    nginx: str, db_url: str, base_port: int, run_dir: Path
) -> None:
    pg_url = db_url
    _add_admin(pg_url)
    serve = _serve(["--replicas", "2", "--port", str(base_port), "--no-restart"], pg_url, run_dir)
    url = f"http://127.0.0.1:{base_port}"
    try:
        try:
            _wait_for(lambda: _proxy_up(serve, run_dir, url), 240, "the proxy")
        except AssertionError as failed:
            raise AssertionError(f"{failed}\n{_logs(run_dir)}") from None
        replica_pids = [int(p) for p in (run_dir / "replica-pids").read_text().split()]
        assert len(replica_pids) == 2
        conf = (run_dir / "nginx.conf").read_text()
        assert "hash $sampark_route consistent;" in conf
        assert f"server 127.0.0.1:{base_port + 2} " in conf

        client, pages = asyncio.run(_first_session(url))
        assert "audit" in pages
        assert "sampark_route" in client.cookies
        assert "sampark_session" in client.cookies
        assert client.replica in {"1", "2"}

        served_by = int(client.replica or 0)
        os.kill(replica_pids[served_by - 1], signal.SIGKILL)
        _wait_for(lambda: not _alive(replica_pids[served_by - 1]), 10, "the killed replica gone")

        survivor = str(3 - served_by)
        # The same browser (its routing and session cookies) is still signed in on the
        # survivor; a new browser gets the sign-in form there.
        assert asyncio.run(_after_kill(url, client.cookies)) == (survivor, False, False)
        assert asyncio.run(_after_kill(url, None)) == (survivor, True, False)
        assert health(url) == "ok"
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            out, _ = serve.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            out, _ = serve.communicate()
    assert "2 replicas on ports" in out, out
    # TERM stopped everything it started.
    assert not any(_alive(pid) for pid in replica_pids)
    assert not (run_dir / "replica-pids").exists()
