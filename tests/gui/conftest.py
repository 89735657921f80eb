"""GUI fixtures: the window as first started, and its Arnhem tab. The window's own fixtures (a private app
folder, message boxes recorded, a bare window, answered questions) are in tests/conftest.py: tests/faults
uses them too."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, app_home, messages):
    """The real main window, as started without arguments on first run (demo dossiers open)."""
    from raadsdossier.gui.app import build_window

    win = build_window([])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def arnhem(window):
    index = [v.title for v in window.views()].index("Arnhem – Wuhan")
    window.tabs.setCurrentIndex(index)
    return window.current_view()
