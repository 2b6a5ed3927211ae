"""`python -m etl …` in its own process, as an office would run it: for the dashboard's demo
build and its uploads, so a failing or hostile file costs at most that process."""

from __future__ import annotations

import subprocess
import sys

from sampark.settings import PROJECT_ROOT


class EtlProcessFailed(RuntimeError):
    """The command exited with an error or ran out of time; the message says which."""


def etl_stdout(*args: str, timeout: float | None = None) -> str:
    """The command's standard output, or EtlProcessFailed with the end of its error output."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl", *args],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as err:
        raise EtlProcessFailed(f"etl {args[0]} took over {timeout:g} s and was stopped") from err
    if done.returncode != 0:
        raise EtlProcessFailed(done.stderr.strip()[-2000:] or f"etl {args[0]} failed")
    return done.stdout
