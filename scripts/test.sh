#!/usr/bin/env bash
# Installs Raadsdossier with its test tools in .venv and runs the whole test suite.
# Arguments go to pytest (e.g. `scripts/test.sh -k search`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_system-packages.sh
# poppler-utils: the tests read packs as a reader would (pdftotext, pdffonts).
# desktop-file-utils, appstream, shared-mime-info: tests/installers validate the Linux desktop files.
# postgresql: the tests start a throw-away server of their own (tests/pg.py) for the griffie's shared store.
ensure_debian_packages "${PYTHON_PACKAGES[@]}" "${QT_PACKAGES[@]}" poppler-utils \
    desktop-file-utils appstream shared-mime-info postgresql
make_venv .venv "-e .[test]"
# On every core, up to four workers (pytest-xdist; `-n 0` after it runs them in this process, e.g. for pdb);
# worksteal: a worker with nothing left takes queued tests from the other, so the slow ones at the end overlap.
exec .venv/bin/python -m pytest -n auto --maxprocesses 4 --dist worksteal "$@"
