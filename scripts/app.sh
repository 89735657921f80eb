#!/usr/bin/env bash
# Installs Raadsdossier in .venv (with the system libraries Qt needs) and starts it.
# Without arguments it opens the demo dossiers; any arguments go to `raadsdossier`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_system-packages.sh
ensure_debian_packages "${PYTHON_PACKAGES[@]}" "${QT_PACKAGES[@]}"
# Editable, as scripts/test.sh installs it: both use .venv, and an installed copy left there by this script
# was what a later `pytest` tested instead of the sources.
make_venv .venv "-e ."
exec .venv/bin/raadsdossier "$@"
