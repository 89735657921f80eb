# Installs Debian/Ubuntu packages that are missing; sourced by app.sh and test.sh.
# Usage: ensure_debian_packages PKG...
ensure_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian/Ubuntu: see README.md
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Systeempakketten installeren: ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "Installeer eerst (als beheerder): apt-get install ${missing[*]}" >&2; return 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What Python needs to make a virtual environment.
PYTHON_PACKAGES=(python3 python3-venv python3-pip)
# What Qt's window (the xcb platform plugin) loads on Linux, and fonts with Chinese characters.
QT_PACKAGES=(libegl1 libgl1 libx11-xcb1 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
             libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
             libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 fonts-noto-cjk)

# make_venv DIR EXTRAS: a virtual environment in DIR with this project installed.
make_venv() {
    local dir="$1" spec="$2"
    [ -x "$dir/bin/python" ] || python3 -m venv "$dir"
    "$dir/bin/python" -m pip install -q --upgrade pip
    "$dir/bin/python" -m pip install -q $spec
}
