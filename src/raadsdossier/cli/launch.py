"""Starting the desktop app: refuse clearly when there is no display, before Qt aborts."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

HEADLESS_HINT = (
    "Er is geen beeldscherm beschikbaar (DISPLAY en WAYLAND_DISPLAY zijn niet gezet), dus het "
    "programmavenster kan niet starten; zonder venster werken bijvoorbeeld 'raadsdossier demo MAP', "
    "'raadsdossier info BESTAND', 'raadsdossier search BESTAND ZOEKTERMEN' en 'raadsdossier export-json BESTAND' "
    "(zie 'raadsdossier --help')."
)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def launch_gui(files: list[Path]) -> int:
    if not has_display():
        print(HEADLESS_HINT, file=sys.stderr)
        return 1
    # No cyclic collection until the first screen is painted (gui.app.run turns it back on): its passes over
    # everything start-up makes (modules, classes, Qt's enum types) took a tenth of that screen's time.
    gc.disable()
    try:
        from raadsdossier.gui import first_screen, fontconfig

        # both go on while the window's modules are imported (see there)
        fontconfig.start_loading()
        first_screen.start(files)
        from raadsdossier.gui.app import run
    except ImportError as exc:
        gc.enable()
        print(f"Het programmavenster kan niet starten: {exc}. Zie README.md voor de systeembibliotheken die Qt nodig heeft.",
              file=sys.stderr)
        return 1
    return run(files)
