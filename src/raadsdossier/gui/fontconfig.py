"""Fontconfig, the font library Qt uses on Linux and the BSDs, reads its configuration and its caches of the
system's fonts the first time a program asks it about a font: 4 to 5 ms, which Qt would spend on the GUI thread
at the first screen's first text (bench/run.py "start"). `start_loading` has that done on a thread of its own
while Python imports the window's modules (cli/launch.py), and `wait` is called before the application is made
(gui/app.py). A ctypes call lets go of Python's lock, so the imports go on beside it.

FcInit loads the configuration that Qt then uses, the process's default one, and does nothing when it is loaded
already. Where there is no fontconfig (Windows, macOS) or it cannot be loaded, nothing happens: Qt loads it as it
always did.
"""

from __future__ import annotations

import sys
import threading

LIBRARY = "libfontconfig.so.1"

_loading: threading.Thread | None = None


def uses_fontconfig() -> bool:
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def start_loading() -> None:
    """Start loading fontconfig's configuration on a thread of its own (once; nowhere but where Qt uses it)."""
    global _loading
    if _loading is None and uses_fontconfig():
        _loading = threading.Thread(target=_load, name="fontconfig", daemon=True)
        _loading.start()


def _load() -> None:
    try:
        import ctypes

        ctypes.CDLL(LIBRARY).FcInit()
    except (ImportError, OSError, AttributeError):  # no ctypes, no fontconfig, or not this one: Qt loads its own
        pass


def wait() -> None:
    """Wait until what `start_loading` started is done (at once when it started nothing)."""
    if _loading is not None:
        _loading.join()
