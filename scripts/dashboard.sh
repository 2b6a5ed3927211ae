#!/usr/bin/env bash
# Start the Sampark dashboard:  bash scripts/dashboard.sh [streamlit options...]
#
# Installs the runtime dependencies into .venv if needed (fast when already done), then runs
# `streamlit run server.py` (dashboard.py with the route that sets the session cookie, so a
# reload keeps the officer signed in). Installs the Debian packages the dashboard needs (fonts,
# text shaping) when missing and it may (root or sudo); otherwise it names them and starts
# anyway. On an empty database the dashboard builds the demo state first.
# Runs headless (never prompts for an e-mail, never tries to open a browser) and without usage
# statistics; any option you pass (e.g. --server.port 8600) overrides the defaults here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/debian_packages.sh
source scripts/debian_packages.sh
sampark_debian_packages wanted python3 python3-venv "${SAMPARK_DASHBOARD_PACKAGES[@]}"
bash scripts/setup.sh

port=8501
address=localhost
prev=""
for arg in "$@"; do
    case "$arg" in
        --server.port=*) port="${arg#*=}" ;;
        --server.address=*) address="${arg#*=}" ;;
    esac
    case "$prev" in
        --server.port) port="$arg" ;;
        --server.address) address="$arg" ;;
    esac
    prev="$arg"
done

echo "Sampark dashboard: open http://${address}:${port}/ in a browser (Ctrl+C to stop)"
exec .venv/bin/streamlit run server.py \
    --server.headless true \
    --browser.gatherUsageStats false \
    "$@" </dev/null
