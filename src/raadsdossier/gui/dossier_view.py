"""One open dossier: its navigator of sections, its undo stack, and the changes it carries out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMessageBox, QStackedWidget, QWidget

from raadsdossier.domain import kinds
from raadsdossier.services import items
from raadsdossier.domain.errors import DossierError
from raadsdossier.storage.dossier import Dossier
from raadsdossier.gui.undo import AssessCommand, DeleteItemCommand, ImportCommand, SaveItemCommand


class DossierView(QWidget):
    """Navigator and sections of one dossier. All changes go through `save_item`/`delete_item`/`assess`."""

    changed = Signal(str)  # section key whose data changed ("*" for several)
    message = Signal(str)

    def __init__(self, dossier: Dossier, parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self.navigator = QListWidget()
        self.navigator.setAccessibleName(self.tr("Onderdelen van het dossier"))
        self.navigator.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.sections: dict[str, object] = {}  # the sections built so far, by key
        self._keys: list[str] = []
        self._factories: dict = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)
        from raadsdossier.gui.sections.registry import build_sections

        for key, title, factory in build_sections(self):
            entry = QListWidgetItem(title)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            self.navigator.addItem(entry)
            self.stack.addWidget(QWidget())  # stands in until the section is first shown
            self._keys.append(key)
            self._factories[key] = factory
        self.navigator.currentRowChanged.connect(self._show_row)
        self.navigator.setCurrentRow(0)

    @property
    def title(self) -> str:
        names = items.partnership_names(self.dossier)  # not items.overview: that counts the whole dossier
        return f"{names[0]} – {names[1]}" if names else self.dossier.path.stem

    def section_keys(self) -> list[str]:
        return list(self._keys)

    def current_section(self):
        return self.stack.currentWidget()

    def section(self, key: str):
        """The section for `key`, built now if it has not been shown before (GUI thread)."""
        if key not in self.sections:
            index = self._keys.index(key)
            section = self._factories[key]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, section)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.sections[key] = section
        return self.sections[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        section = self.section(self._keys[row])
        self.stack.setCurrentIndex(row)
        if section.stale:
            section.refresh()

    def show_section(self, key: str):
        self.navigator.setCurrentRow(self._keys.index(key))
        return self.section(key)

    def open_item(self, item_id: str) -> bool:
        """Show the section holding `item_id` with the item selected."""
        try:
            key, _data = items.get(self.dossier, item_id)
        except DossierError as exc:
            self.message.emit(str(exc))
            return False
        section_key = kinds.by_key(key).section
        return section_key in self._keys and self.show_section(section_key).show_item(item_id)

    # -- changes -----------------------------------------------------------------

    def _mark_changed(self, key: str) -> None:
        for section in self.sections.values():  # sections not built yet read when first shown
            if section is self.current_section():
                section.refresh()
            else:
                section.stale = True
        self.changed.emit(key)

    def _error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Niet opgeslagen"), str(exc))

    def save_item(self, key: str, before: dict | None, after: dict, description: str) -> bool:
        """Save now and push an undo step; on bad input say why and change nothing."""
        if self.dossier.read_only:
            self._error(DossierError(self.tr("Dit dossier is alleen-lezen geopend.")))
            return False
        try:
            items.save(self.dossier, key, after)
        except DossierError as exc:
            self._error(exc)
            self._mark_changed(key)
            return False
        self.undo_stack.push(SaveItemCommand(self, key, before, after, description))
        self._mark_changed(key)
        return True

    def delete_item(self, item_id: str, what: str) -> bool:
        try:
            restored = items.delete(self.dossier, item_id)
        except DossierError as exc:
            self._error(exc)
            return False
        self.undo_stack.push(DeleteItemCommand(self, item_id, restored, self.tr("%1 verwijderen").replace("%1", what)))
        self._mark_changed(restored[0][0])
        return True

    def assess(self, template: str, entry: dict, description: str) -> bool:
        try:
            assessment_id = items.assess(self.dossier, template, entry)
        except DossierError as exc:
            self._error(exc)
            return False
        self.undo_stack.push(AssessCommand(self, template, entry, assessment_id, description))
        self._mark_changed("checklist")
        return True

    def import_document(self, document: dict, description: str) -> bool:
        """Import an interchange document as one undoable step."""
        return self.import_documents([(description, document)], description)

    def import_documents(self, documents: list[tuple[str, dict]], description: str) -> bool:
        """Import several documents in one transaction, as one undoable step."""
        from raadsdossier.services import dossiers as services
        from raadsdossier.interchange.load import iter_items

        before, added = [], []
        for _name, document in documents:
            for _k, _i, _spec, entry in iter_items(document):
                if items.exists(self.dossier, entry["id"]):
                    before.append(items.get(self.dossier, entry["id"]))
                else:
                    added.append(entry["id"])
        try:
            services.import_documents(self.dossier, documents)
        except DossierError as exc:
            self._error(exc)
            return False
        self.undo_stack.push(ImportCommand(self, added, before, documents, description))
        self._mark_changed("*")
        return True

    def perform_import(self, documents: list[tuple[str, dict]]) -> None:
        from raadsdossier.services import dossiers as services

        self._guard(lambda: services.import_documents(self.dossier, documents), "*")

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Files dropped on a dossier are imported (after the preview); on Bijlagen they become attachments."""
        from raadsdossier.gui.import_dialog import ImportDialog

        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            ImportDialog(self, paths, self).open()

    # Called by undo commands (redo/undo after the first time).

    def perform_save(self, key: str, data: dict) -> None:
        self._guard(lambda: items.save(self.dossier, key, data), key)

    def perform_delete(self, item_id: str) -> list:
        result = self._guard(lambda: items.delete(self.dossier, item_id), "*")
        return result or []

    def perform_restore(self, restored: list) -> None:
        self._guard(lambda: items.restore(self.dossier, restored), "*")

    def perform_assess(self, template: str, entry: dict) -> None:
        self._guard(lambda: items.assess(self.dossier, template, entry), "checklist")

    def perform_remove_assessment(self, assessment_id: str) -> None:
        self._guard(lambda: items.remove_assessment(self.dossier, assessment_id), "checklist")

    def _guard(self, action, key: str):
        try:
            result = action()
        except DossierError as exc:
            self._error(exc)
            result = None
        self._mark_changed(key)
        return result

    def close(self) -> bool:
        self.dossier.close()
        return super().close()
