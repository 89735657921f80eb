"""No widget of the window flashes up as a window of its own: a button made visible before it has a parent is shown
as a top-level window for a moment, which takes the keyboard focus from the main window (the arrow keys in the
navigator and F2 then did nothing until the user clicked the window again)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu

from raadsdossier.gui.sections.items import ItemSection


class _WindowsShown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.Show and getattr(watched, "isWindow", lambda: False)()
                and not isinstance(watched, (QDialog, QMainWindow, QMenu))
                and type(watched).__name__ not in ("QComboBoxPrivateContainer", "QTipLabel")):
            self.shown.append(f"{type(watched).__name__} {getattr(watched, 'text', lambda: '')()!r}")
        return False


def test_walking_every_section_and_item_shows_no_stray_window(window, qapp):
    spy = _WindowsShown()
    qapp.installEventFilter(spy)
    try:
        for view in window.views():
            window.tabs.setCurrentWidget(view)
            for key in view.section_keys():
                section = view.show_section(key)
                for part in getattr(section, "parts", [section]):
                    if part is not section:
                        section.tabs.setCurrentWidget(part)
                    if isinstance(part, ItemSection) and part.model.rows:
                        part.table.selectRow(0)
                        part.edit()
                        part.read()
                    QApplication.processEvents()
        window.show_tracker()
        QApplication.processEvents()
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == []
