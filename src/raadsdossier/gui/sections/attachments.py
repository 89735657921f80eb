"""Bijlagen: files kept inside the dossier, added by drag-and-drop or a file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from raadsdossier.gui.sections.items import ItemSection


class AttachmentSection(ItemSection):
    def extra_editor(self) -> QWidget:
        hint = QLabel(self.tr("Sleep bestanden naar deze lijst om ze als bijlage toe te voegen; "
                              "de tekst ervan wordt doorzoekbaar."))
        hint.setWordWrap(True)
        self.setAcceptDrops(True)
        return hint

    def extra_buttons(self) -> list[QPushButton]:
        add = QPushButton(self.tr("Bestand toevoegen…"))
        add.setAccessibleName(self.tr("Bestand als bijlage toevoegen"))
        add.clicked.connect(self.choose_files)
        return [add]

    def new_item(self) -> None:
        self.choose_files()

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Bijlagen toevoegen"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Add the files as attachments (one undoable step, off the GUI thread); the last one is shown after."""
        if paths:
            self.view.add_attachments(paths, self._added)

    def _added(self, change) -> None:
        added = sorted(change.added.get("attachment", ()))
        if added:
            self.show_item(added[-1])

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()
