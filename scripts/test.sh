#!/usr/bin/env bash
# Run every check CI runs:  bash scripts/test.sh [pytest args...]
#
# Works on a fresh Debian 12 machine (as root, no stdin): installs the few Debian packages it
# needs when missing, sets up .venv with the dev requirements, starts a throwaway PostgreSQL
# cluster on a free port (stopped and deleted on exit), then runs, failing fast:
#   ruff check . ; ruff format --check . ; mypy ; pytest (PostgreSQL and browser tests included);
#   then the tests whose results depend on the time again, with the system clock a year ahead
#   (Debian's faketime), to prove no test depends on today's date.
# Set SAMPARK_TEST_PG_URL yourself to use an existing PostgreSQL server instead.
# SAMPARK_SKIP_LINT=1 skips ruff and mypy (for a quick local pytest run; CI never sets it).
# pytest runs in parallel (pytest-xdist, one worker per core up to 4, each test file kept in one
# worker, each worker on a PostgreSQL database of its own); SAMPARK_TEST_WORKERS=N sets the count,
# 1 runs serially.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

t_start=$(date +%s)
current_step="setup"
step() {
    current_step="$*"
    printf '\n==> %s  (+%ss)\n' "$*" "$(($(date +%s) - t_start))"
}

# --- 1. Debian packages (only when something is missing) -----------------------------------
step "Debian packages"
# shellcheck source=scripts/debian_packages.sh
source scripts/debian_packages.sh
sampark_debian_packages required python3 python3-venv ca-certificates chromium postgresql gcc \
    libc6-dev faketime poppler-utils nginx curl "${SAMPARK_DASHBOARD_PACKAGES[@]}"

# --- 2. Python dependencies -------------------------------------------------------------------
step "python dependencies (.venv, requirements-dev.txt)"
bash scripts/setup.sh dev
VENV=.venv/bin

# --- 3. Throwaway PostgreSQL cluster --------------------------------------------------------
PG_ROOT=""
PGBIN=""
as_pg() {  # run a shell command as the postgres user when root, else as ourselves
    if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
on_exit() {
    local rc=$?
    stop_pg
    if [ "$rc" -ne 0 ]; then
        echo "test.sh: FAILED at step '$current_step' (exit $rc) after $(($(date +%s) - t_start))s" >&2
    fi
}
stop_pg() {
    if [ -n "$PG_ROOT" ] && [ -d "$PG_ROOT" ]; then
        as_pg "$PGBIN/pg_ctl -D $PG_ROOT/data -m immediate -w stop" >/dev/null 2>&1 || true
        rm -rf "$PG_ROOT"
    fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

if [ -z "${SAMPARK_TEST_PG_URL:-}" ]; then
    step "starting throwaway PostgreSQL"
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    PGPORT=$("$VENV/python" -c '
import socket
for port in [55432, 0]:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    print(s.getsockname()[1])
    break')
    mkdir -p /tmp/sampark-pgtest
    chmod 755 /tmp/sampark-pgtest
    PG_ROOT=/tmp/sampark-pgtest/$$
    rm -rf "$PG_ROOT"
    PGDATA=$PG_ROOT/data PGSOCK=$PG_ROOT/sock
    mkdir -p "$PGSOCK" "$PGDATA"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PG_ROOT"; fi
    chmod 700 "$PGDATA"
    as_pg "$PGBIN/initdb -D $PGDATA -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PG_ROOT/server.log -w -t 30 -o \"-p $PGPORT -k $PGSOCK \
-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" \
start >/dev/null" || { cat "$PG_ROOT/server.log" >&2; exit 1; }
    psql -h "$PGSOCK" -p "$PGPORT" -U postgres -qAt -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app'" -c "CREATE DATABASE app OWNER app" >/dev/null
    export SAMPARK_TEST_PG_URL="postgresql+psycopg://app:app@127.0.0.1:$PGPORT/app"
    echo "PostgreSQL on 127.0.0.1:$PGPORT (data in $PGDATA)"
fi
export SAMPARK_REQUIRE_PG=1
export SAMPARK_BROWSER=1

# --- 4. Checks, failing fast ------------------------------------------------------------------
if [ "${SAMPARK_SKIP_LINT:-0}" = 1 ]; then
    echo "SAMPARK_SKIP_LINT=1: skipping ruff and mypy (CI never sets this)"
else
    step "ruff check ."
    "$VENV/ruff" check .
    step "ruff format --check ."
    "$VENV/ruff" format --check .
    step "mypy"
    "$VENV/mypy"
fi
workers=${SAMPARK_TEST_WORKERS:-$(nproc)}
[ "$workers" -le 4 ] || workers=4
parallel=()
[ "$workers" -le 1 ] || parallel=(-n "$workers" --dist loadfile)
step "pytest ${parallel[*]} $*"
rc=0
"$VENV/pytest" "${parallel[@]}" "$@" </dev/null || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "test.sh: pytest collected no tests — counted as a failure" >&2
fi
[ "$rc" -eq 0 ] || exit "$rc"

# --- 5. The same tests a year from now ------------------------------------------------------
# The suite freezes Sampark's clock (SAMPARK_NOW, tests/conftest.py); a read of the real clock
# that bypasses it would change these tests' results on another day. libfaketime moves the
# system clock of pytest and of every process it starts (the ETL and users commands) a year
# ahead; the PostgreSQL server, started outside, keeps the real time. Only on a full run (no
# pytest arguments), as CI makes it.
time_sensitive=(tests/test_clock.py tests/etl/test_response_sheets_load.py
    tests/etl/test_response_source_checks.py tests/etl/test_stories_load.py
    tests/etl/test_rejects_counted.py tests/pages/test_uploads.py
    tests/access/test_access.py tests/access/test_access_db.py
    tests/access/test_access_matrix.py tests/content/test_content_workflow.py
    tests/pages/test_page_social.py tests/metrics/test_coverage_history.py
    tests/etl/demo/test_demo_calendar.py tests/store/test_story_edit_conflict.py)
if [ "$#" -eq 0 ]; then
    step "pytest, time-sensitive tests with the clock a year ahead (faketime +365d)"
    faketime -f '+365d' "$VENV/pytest" -q -p no:cacheprovider -m 'not browser' \
        "${time_sensitive[@]}" </dev/null
fi
echo
echo "test.sh: all checks passed in $(($(date +%s) - t_start))s"
