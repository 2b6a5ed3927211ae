"""`python -m etl …` in its own process, as an office would run it: for the dashboard's demo
build and its uploads, so a failing or hostile file costs at most that process."""

from __future__ import annotations

import re
import subprocess
import sys

from sampark.settings import PROJECT_ROOT


class EtlProcessFailed(RuntimeError):
    """The command exited with an error or ran out of time; the message says which."""


# The last line of a Python traceback: the error's type, then its message.
_ERROR_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))(?::|$)")


def failure_reason(command: str, stderr: str) -> str:
    """Why `etl <command>` failed, from its error output, for the page that started it.

    A traceback's message may quote a row (a database error lists the values it was given,
    an alert's name and mobile among them), so of a traceback only the error's type is told;
    the ETL's own last line (say, "inbox … is not a folder") is told as it is.

    >>> failure_reason("run", "Traceback …\\nsqlalchemy.exc.DataError: (x) [parameters: 'A']")
    'etl run failed: sqlalchemy.exc.DataError (its message is kept out: it may quote a cell)'
    """
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return f"etl {command} failed"
    if not any(line.startswith("Traceback") for line in lines):
        return f"etl {command} failed: {lines[-1][-500:]}"
    # The error's line is the last that starts with a type; its message may run on below it.
    kinds = [found.group(1) for line in lines if (found := _ERROR_LINE.match(line))]
    kind = kinds[-1] if kinds else "an error"
    return f"etl {command} failed: {kind} (its message is kept out: it may quote a cell)"


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
        raise EtlProcessFailed(failure_reason(args[0], done.stderr))
    return done.stdout
