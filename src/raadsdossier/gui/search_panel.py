"""Ctrl+F: one box that searches the dossier (or all open dossiers) as you type, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.gui import tasks
from raadsdossier.gui.i18n import kind_label, label


class SearchPanel(QWidget):
    """Emits `open_hit(dossier_path, item_id)` when the user opens a hit (Enter or double-click)."""

    open_hit = Signal(str, str)

    def __init__(self, dossiers, parent=None) -> None:
        super().__init__(parent)
        self.dossiers = dossiers  # callable: () -> (current Dossier | None, [all open Dossiers])
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Zoeken in het dossier (Ctrl+F)"))
        self.box.setAccessibleName(self.tr("Zoeken"))
        self.box.setClearButtonEnabled(True)
        self.everywhere = QCheckBox(self.tr("in alle open dossiers"))
        self.everywhere.setAccessibleName(self.tr("Zoeken in alle open dossiers"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Zoekresultaten"))
        self.results.setWordWrap(True)
        self.results.hide()
        self.results.setMaximumHeight(260)
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(self.everywhere)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.everywhere.toggled.connect(lambda _on: self.run_search())
        self.box.returnPressed.connect(self.open_first)
        self.results.itemActivated.connect(self._activated)
        self._generation = 0

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def run_search(self) -> None:
        query = self.box.text().strip()
        current, all_open = self.dossiers()
        targets = all_open if self.everywhere.isChecked() else ([current] if current else [])
        self._generation += 1
        generation = self._generation
        if not query or not targets:
            self.results.clear()
            self.results.hide()
            return

        def work():
            from raadsdossier.services import dossiers

            return [(d.path, d.path.stem, hit) for d in targets for hit in dossiers.search(d, query, limit=30)]

        tasks.run_in_background(work, lambda hits: self._show(generation, hits), lambda exc: self._show(generation, []))

    def _show(self, generation: int, hits) -> None:
        if generation != self._generation:  # a newer search is under way
            return
        self.results.clear()
        for path, name, hit in hits:
            where = f"{name} · " if self.everywhere.isChecked() else ""
            marker = "" if hit.confidentiality is Confidentiality.PUBLIC else f" [{label(hit.confidentiality)}]"
            entry = QListWidgetItem(f"{where}{kind_label(hit.kind)}: {hit.title}{marker}\n    {hit.snippet}")
            entry.setData(Qt.ItemDataRole.UserRole, (str(path), hit.id))
            self.results.addItem(entry)
        if not hits:
            self.results.addItem(QListWidgetItem(self.tr("Niets gevonden.")))
        self.results.show()

    def hit_titles(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]

    def open_first(self) -> None:
        self.timer.stop()
        if self.results.count() == 0 or self.results.isHidden():
            self.run_search()
        entry = self.results.currentItem() or (self.results.item(0) if self.results.count() else None)
        if entry is not None:
            self._activated(entry)

    def _activated(self, entry: QListWidgetItem) -> None:
        data = entry.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_hit.emit(*data)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and self.box.hasFocus() and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.results.hide()
            return
        super().keyPressEvent(event)
