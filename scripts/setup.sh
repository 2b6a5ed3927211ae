#!/usr/bin/env bash
# Create/refresh the project virtualenv (.venv) from the pinned requirements.
#
#   bash scripts/setup.sh          # runtime deps (requirements.txt)
#   bash scripts/setup.sh dev      # runtime + test/lint deps (requirements-dev.txt)
#   source scripts/setup.sh [dev]  # same, from another script
#
# Idempotent and fast: a stamp file in .venv records the sha256 of the requirement files last
# installed; when it matches, nothing is run. Uses `uv pip install` (installed into the venv).
#
# It also compiles the chat parser's C core (etl/sources/whatsapp/native/scan.c) into
# build/native/ (gitignored), named by the sha256 of the source, when that file is missing.
# Without gcc it says so and goes on: the parser then reads chats with polars alone (slower,
# same result).

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

# Byte-compile ahead: a container that sets PYTHONDONTWRITEBYTECODE never keeps a .pyc, so
# every ETL run, parse worker and dashboard process would compile polars', SQLAlchemy's and our
# own modules again on start (the ETL's imports: 3.5 s CPU, 1.1 s compiled ahead). Up-to-date
# files are only looked at, so running it on every setup is cheap.
_sampark_bytecode() {
    local root venv_py site stamp
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    venv_py="$root/.venv/bin/python"
    local dirs=()
    for d in sampark etl ui pages dashboard.py; do
        [ -e "$root/$d" ] && dirs+=("$root/$d")
    done
    # The installed packages once after each install (newer than every requirement stamp).
    stamp="$root/.venv/.sampark-bytecode"
    if [ ! -f "$stamp" ] || [ -n "$(find "$root/.venv" -maxdepth 1 -name '.sampark-*.sha256' \
        -newer "$stamp")" ]; then
        site="$("$venv_py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
        dirs+=("$site")
    fi
    "$venv_py" -m compileall -q -j 0 "${dirs[@]}" >/dev/null || true
    [ -z "${site:-}" ] || touch "$stamp"
}

# Portable flags only (CI machines differ): no -march, no -ffast-math. -O3 over -O2: the
# scanner runs ~26% fewer instructions (valgrind callgrind on a 10 MB export), same output.
SAMPARK_NATIVE_CFLAGS="-std=c11 -O3 -shared -fPIC -Wall -Wextra"

_sampark_native() {
    local root src digest out tmp
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    src="$root/etl/sources/whatsapp/native/scan.c"
    digest="$(sha256sum <"$src" | cut -c1-16)"
    out="$root/build/native/whatsapp_scan-$digest.so"
    # The stamp holds the flags too, so a change of flags rebuilds.
    if [ -f "$out" ] && [ "$(cat "$out.flags" 2>/dev/null)" = "$SAMPARK_NATIVE_CFLAGS" ]; then
        return 0
    fi
    if ! command -v gcc >/dev/null 2>&1; then
        echo "setup.sh: gcc not found; chats are read without the compiled parser" \
            "(Debian: apt-get install gcc libc6-dev)" >&2
        return 0
    fi
    echo "setup.sh: compiling $(basename "$src") into build/native/"
    mkdir -p "$root/build/native"
    tmp="$out.tmp.$$"
    # shellcheck disable=SC2086  # the flags are words
    if ! gcc $SAMPARK_NATIVE_CFLAGS -o "$tmp" "$src"; then
        rm -f "$tmp"
        echo "setup.sh: compiling $src failed" >&2
        return 1
    fi
    mv "$tmp" "$out"
    echo "$SAMPARK_NATIVE_CFLAGS" >"$out.flags"
    # Libraries of older sources are never loaded again.
    find "$root/build/native" -name 'whatsapp_scan-*.so*' ! -name "whatsapp_scan-$digest.so*" \
        -delete
}

# The message fingerprints' C path (sampark/fingerprints/native/), named by the sha256 of its
# source and its Unicode tables; without gcc, fingerprints are made in Python (slow, same).
_sampark_native_fingerprints() {
    local root dir digest out tmp
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    dir="$root/sampark/fingerprints/native"
    digest="$(cat "$dir/fingerprints.c" "$dir/unicode_tables.h" | sha256sum | cut -c1-16)"
    out="$root/build/native/fingerprints-$digest.so"
    if [ -f "$out" ] && [ "$(cat "$out.flags" 2>/dev/null)" = "$SAMPARK_NATIVE_CFLAGS" ]; then
        return 0
    fi
    command -v gcc >/dev/null 2>&1 || return 0  # said once by _sampark_native
    echo "setup.sh: compiling fingerprints.c into build/native/"
    mkdir -p "$root/build/native"
    tmp="$out.tmp.$$"
    # shellcheck disable=SC2086  # the flags are words
    if ! gcc $SAMPARK_NATIVE_CFLAGS -o "$tmp" "$dir/fingerprints.c"; then
        rm -f "$tmp"
        echo "setup.sh: compiling $dir/fingerprints.c failed" >&2
        return 1
    fi
    mv "$tmp" "$out"
    echo "$SAMPARK_NATIVE_CFLAGS" >"$out.flags"
    find "$root/build/native" -name 'fingerprints-*.so*' ! -name "fingerprints-$digest.so*" \
        -delete
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    _sampark_setup "$@"
    _sampark_bytecode
    _sampark_native
    _sampark_native_fingerprints
else
    _sampark_setup "$@" \
        && _sampark_bytecode && _sampark_native && _sampark_native_fingerprints
fi
