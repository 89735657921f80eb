"""Fontconfig, the font library Qt uses on Linux and the BSDs, reads its configuration and its caches of the
system's fonts the first time a program asks it about a font: 4 to 5 ms, which Qt would spend on the GUI thread
at the first screen's first text (bench/run.py "start"). `start_loading` has that done on a thread of its own
while Python imports the window's modules (cli/launch.py), and `wait` is called before the application is made
(gui/app.py). A ctypes call lets go of Python's lock, so the imports go on beside it.

The same thread adds the app's own fonts (`APP_FONTS`) to fontconfig's application fonts, which is what
QFontDatabase.addApplicationFont does on fontconfig: reading the CJK font's 50,000 characters took the GUI thread
2.5 ms. Qt lists fontconfig's application fonts with the system's when it first needs a font, so it finds them
there; gui/app.py `install_fonts` adds through Qt what was not added here (`added`).

FcInit loads the configuration that Qt then uses, the process's default one, and does nothing when it is loaded
already. Where there is no fontconfig (Windows, macOS) or it cannot be loaded, nothing happens: Qt loads it as it
always did.

The call goes through _ctypes, the C module under ctypes, not ctypes itself: importing ctypes is Python code, which
holds Python's lock beside the imports it was to go beside (3 ms of them, bench/run.py "start"); _ctypes is one
C module. Where it lacks what is used here, ctypes does it.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

LIBRARY = "libfontconfig.so.1"
# resources/fonts/: the CJK font, so that 大连 shows as characters on any system (the DejaVu fonts beside it are
# the PDF packs' own; the window's text is in the system's font).
APP_FONTS = ("DroidSansFallbackFull.ttf",)

_loading: threading.Thread | None = None
_added: set[Path] = set()


def uses_fontconfig() -> bool:
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def start_loading(fonts: list[Path] | None = None) -> None:
    """Start loading fontconfig's configuration on a thread of its own, and adding `fonts` (font files; the app's
    APP_FONTS when not given) to it as application fonts (once; nowhere but where Qt uses fontconfig)."""
    global _loading
    if _loading is None and uses_fontconfig():
        if fonts is None:
            from raadsdossier.base.paths import resource

            fonts = [resource("fonts", name) for name in APP_FONTS]
        _loading = threading.Thread(target=_load, args=(list(fonts),), name="fontconfig", daemon=True)
        _loading.start()


def _load(fonts: list[Path]) -> None:
    try:
        library = _library(LIBRARY)
        library.FcInit()
    except (ImportError, OSError, AttributeError):  # no ctypes, no fontconfig, or not this one: Qt loads its own
        return
    for font in fonts:
        try:
            # FcConfigAppFontAddFile(NULL: the current configuration, the file's name): FcTrue (1) when added
            done = library.FcConfigAppFontAddFile(None, os.fsencode(font)) == 1
        except Exception:  # noqa: BLE001 (whatever it is, gui/app.py adds the font through Qt instead)
            done = False
        if done:
            _added.add(font)


def added(font: Path) -> bool:
    """Whether `start_loading` added the font file `font` to fontconfig's application fonts (after `wait`)."""
    return font in _added


def wait() -> None:
    """Wait until what `start_loading` started is done (at once when it started nothing)."""
    if _loading is not None:
        _loading.join()


def _library(name: str):
    """The shared library `name`, its functions callable by name, returning an int, with the arguments ctypes passes
    without being told their types (None as NULL, ints, bytes as char *; all this module passes): as
    ctypes.CDLL(name) gives them, through _ctypes where it can (see above)."""
    try:
        return _Library(name)
    except (ImportError, AttributeError, TypeError):  # a Python whose _ctypes is not CPython's
        import ctypes

        return ctypes.CDLL(name)


class _Library:
    """What ctypes.CDLL does for such a call, on _ctypes alone: the library opened as CDLL opens it (RTLD_LOCAL;
    _ctypes adds RTLD_NOW), a function found by name and called with the C calling convention, returning C's int."""

    def __init__(self, name: str) -> None:
        import _ctypes

        class Int(_ctypes._SimpleCData):
            _type_ = "i"  # as ctypes.c_int

        class Function(_ctypes.CFuncPtr):
            _flags_ = _ctypes.FUNCFLAG_CDECL
            _restype_ = Int

        self._handle, self._symbol, self._function = _ctypes.dlopen(name, os.RTLD_LOCAL), _ctypes.dlsym, Function

    def __getattr__(self, symbol: str):
        if symbol.startswith("_"):
            raise AttributeError(symbol)
        return self._function(self._symbol(self._handle, symbol))  # OSError where the library has no such function
