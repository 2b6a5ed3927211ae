# Debian packages Sampark needs, installed when missing. Sourced by scripts/dashboard.sh and
# scripts/test.sh (the two README commands), so a bare Debian or Ubuntu machine gets them.
#
#   sampark_debian_packages MODE PKG...
#     MODE "required": without root or sudo, name the missing packages and fail.
#     MODE "wanted":   without root or sudo, name them and go on (each page that lacks a part
#                      says so and keeps working).

# What the dashboard itself needs: Devanagari fonts for the story cards and charts, and the
# text-shaping libraries the PDF brief and the CompStat sheet are drawn with.
SAMPARK_DASHBOARD_PACKAGES=(fonts-noto-core libfribidi0 libpango-1.0-0 libpangoft2-1.0-0)

sampark_debian_packages() {
    local mode="$1" p
    shift
    local missing=()
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "Not a Debian system: make sure these are installed: $*" >&2
        return 0
    fi
    for p in "$@"; do
        [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] \
            || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "Missing Debian packages (not root, no sudo): apt-get install -y ${missing[*]}" >&2
            [ "$mode" = wanted ] && return 0
            return 1
        fi
    fi
    echo "Installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq </dev/null || true
    if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" </dev/null; then
        echo "Could not install: ${missing[*]}" >&2
        [ "$mode" = wanted ] && return 0
        return 1
    fi
}
