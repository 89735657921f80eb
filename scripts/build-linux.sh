#!/usr/bin/env bash
# Builds the Linux one-folder app (dist/raadsdossier/, runs without Python) and tests it:
# the bundle check, then the frozen `raadsdossier --version` and `--selftest` in an empty
# environment. Prints the build time, the bundle's size and the start-up times.
#   bash scripts/build-linux.sh          # build and test
#   bash scripts/build-linux.sh --tar    # also dist/raadsdossier-VERSION-linux-ARCH.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_system-packages.sh
ensure_debian_packages "${PYTHON_PACKAGES[@]}" "${QT_PACKAGES[@]}"
make_venv .venv "-e .[build]"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

version=$(.venv/bin/python -c 'import sys; sys.path.insert(0, "installers"); import project; print(project.version())')
start=$(now)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installers/raadsdossier.spec
build_time=$(since "$start")
.venv/bin/python installers/check_bundle.py dist/raadsdossier

app="$PWD/dist/raadsdossier/raadsdossier"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# No Python, no venv, no display, an empty home: what a fresh laptop offers.
frozen() { env -i HOME="$scratch" PATH=/usr/bin:/bin LANG=C.UTF-8 "$app" "$@"; }

start=$(now)
reported=$(frozen --version)
version_time=$(since "$start")
[ "$reported" = "raadsdossier $version" ] || { echo "build-linux: --version says '$reported', pyproject.toml says $version" >&2; exit 1; }

start=$(now)
frozen --selftest
selftest_time=$(since "$start")

if [ "${1:-}" = "--tar" ]; then
    tarball="dist/raadsdossier-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$tarball" raadsdossier
    echo "build-linux: $tarball ($(du -h "$tarball" | cut -f1))"
fi
echo "build-linux: raadsdossier $version built in ${build_time} s; dist/raadsdossier is $(du -sh dist/raadsdossier | cut -f1)"
echo "build-linux: frozen --version ${version_time} s, frozen --selftest ${selftest_time} s"
