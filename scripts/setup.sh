#!/usr/bin/env bash
# Create/refresh the project virtualenv (.venv) from the pinned requirements.
#
#   bash scripts/setup.sh          # runtime deps (requirements.txt)
#   bash scripts/setup.sh dev      # runtime + test/lint deps (requirements-dev.txt)
#   source scripts/setup.sh [dev]  # same, from another script
#
# Idempotent and fast: a stamp file in .venv records the sha256 of the requirement files last
# installed; when it matches, nothing is run. Uses `uv pip install` (installed into the venv).

_sampark_setup() {
    local root kind req stamp_file want venv_py
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    kind="${1:-runtime}"
    case "$kind" in
        runtime) req="requirements.txt" ;;
        dev) req="requirements-dev.txt" ;;
        *) echo "setup.sh: unknown argument '$kind' (use: dev, or nothing)" >&2; return 2 ;;
    esac

    local py="${PYTHON:-python3}"
    if ! command -v "$py" >/dev/null 2>&1; then
        echo "setup.sh: $py not found; install it (Debian: apt-get install python3 python3-venv)" >&2
        return 1
    fi

    venv_py="$root/.venv/bin/python"
    if [ ! -x "$venv_py" ]; then
        echo "setup.sh: creating .venv with $py"
        if ! "$py" -m venv "$root/.venv"; then
            rm -rf "$root/.venv"
            echo "setup.sh: '$py -m venv' failed; on Debian install python3-venv" >&2
            return 1
        fi
    fi

    # The sha of every requirement file involved (dev includes runtime via -r).
    want="$(cd "$root" && cat requirements.txt $([ "$kind" = dev ] && echo requirements-dev.txt) \
        | sha256sum | cut -d' ' -f1)"
    stamp_file="$root/.venv/.sampark-$kind.sha256"
    if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
        return 0
    fi
    # A dev install also satisfies runtime when requirements.txt is unchanged.
    if [ "$kind" = runtime ] && [ -f "$root/.venv/.sampark-runtime-via-dev.sha256" ] \
        && [ "$(cat "$root/.venv/.sampark-runtime-via-dev.sha256")" = "$want" ]; then
        return 0
    fi

    echo "setup.sh: installing $req into .venv"
    "$venv_py" -m pip install --quiet --disable-pip-version-check --upgrade pip uv || return 1
    "$root/.venv/bin/uv" pip install --quiet --python "$venv_py" -r "$root/$req" || return 1

    echo "$want" >"$stamp_file"
    if [ "$kind" = dev ]; then
        (cd "$root" && sha256sum <requirements.txt | cut -d' ' -f1) \
            >"$root/.venv/.sampark-runtime-via-dev.sha256"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    _sampark_setup "$@"
else
    _sampark_setup "$@"
fi
