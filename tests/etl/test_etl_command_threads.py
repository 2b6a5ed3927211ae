"""The load command runs polars on one thread in its own process (the chat workers hold the
cores), unless the operator set the pool size."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import etl.__main__, polars; print(polars.thread_pool_size())"


def _pool_size(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_load_command_sets_one_polars_thread_before_polars_loads() -> None:
    env = {k: v for k, v in os.environ.items() if k != "POLARS_MAX_THREADS"}
    assert _pool_size(env) == "1"


def test_an_operators_pool_size_is_kept() -> None:
    env = {k: v for k, v in os.environ.items() if k != "POLARS_MAX_THREADS"}
    assert _pool_size({**env, "POLARS_MAX_THREADS": "2"}) == "2"
