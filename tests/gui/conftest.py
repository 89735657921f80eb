"""GUI fixtures: a private app folder, tasks run synchronously, message boxes recorded instead of shown."""

from __future__ import annotations

import pytest

from raadsdossier.gui import tasks


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox the app would show: (kind, title, text). Modal boxes would block a test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, title, text)) or QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture
def app_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("RAADSDOSSIER_HOME", str(home))
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    return home


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
